package org.epocharena.bench.suite;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.util.Version;

/**
 * The machine and JVM a run measured on, written to {@code env.json} at the START of the run (so an
 * interrupted run still says where its figures come from). The JVM is the one the forks run: the
 * {@code --jvm} binary, asked for its own properties, else this JVM.
 */
final class Environment {
    private Environment() {
    }

    /** The fork JVM's name, version and path; runs {@code jvm -XshowSettings:properties -version}. */
    record Jvm(String name, String version, String path) {
        /** The feature release (17, 25) from the version string, e.g. 25 from "25.0.1+8-LTS". */
        int feature() {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(?:1\\.)?(\\d+)").matcher(version);
            if (!m.find()) {
                throw new IllegalArgumentException("cannot read the Java version of " + path + " from '" + version + "'");
            }
            return Integer.parseInt(m.group(1));
        }

        static Jvm current() {
            return new Jvm(System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                    Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }

        /** @throws IllegalArgumentException when the binary does not run or does not look like a JVM */
        static Jvm probe(String path) {
            Properties p = new Properties();
            try {
                Process proc = new ProcessBuilder(path, "-XshowSettings:properties", "-version")
                        .redirectErrorStream(true).start();
                String text = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!proc.waitFor(60, TimeUnit.SECONDS) || proc.exitValue() != 0) {
                    throw new IllegalArgumentException("--jvm " + path + " did not run '-version' successfully");
                }
                for (String line : text.split("\n")) {
                    int eq = line.indexOf(" = ");
                    if (eq > 0) {
                        p.setProperty(line.substring(0, eq).trim(), line.substring(eq + 3).trim());
                    }
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("--jvm " + path + " cannot be run: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalArgumentException("interrupted while asking --jvm " + path + " for its version");
            }
            String name = p.getProperty("java.vm.name");
            if (name == null) {
                throw new IllegalArgumentException("--jvm " + path + " did not report java.vm.name: not a JVM?");
            }
            return new Jvm(name, p.getProperty("java.runtime.version", p.getProperty("java.version", "unknown")), path);
        }
    }

    static void write(Path file, Jvm jvm, List<String> jvmFlags, String profile, List<String> harnesses,
                      List<String> impls, String[] args, String gitCommit) throws IOException {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("cpuModel", cpuModel());
        env.put("cores", Runtime.getRuntime().availableProcessors());
        env.put("memoryBytes", memoryBytes());
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        env.put("jvmName", jvm.name());
        env.put("jvmVersion", jvm.version());
        env.put("jvmPath", jvm.path());
        env.put("jvmFlags", String.join(" ", jvmFlags));
        env.put("gitCommit", gitCommit);
        env.put("profile", profile);
        env.put("commandLine", commandLine(args));
        env.put("startedAt", OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        env.put("harnesses", harnesses);
        env.put("impls", impls);
        env.put("jmh", Version.getPlainVersion());
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(env) + "\n");
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or hidden: fall through
        }
        return "unknown (" + System.getProperty("os.arch") + ")";
    }

    static long memoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    static String gitCommit() {
        String fromEnv = System.getenv("EPOCHARENA_GIT_COMMIT");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && out.matches("[0-9a-f]{40}")) {
                return out;
            }
        } catch (IOException e) {
            // no git: unknown
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "unknown";
    }

    static String commandLine(String[] args) {
        String fromEnv = System.getenv("EPOCHARENA_COMMAND_LINE");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        return ProcessHandle.current().info().commandLine()
                .orElse("org.epocharena.bench.suite.Suite " + String.join(" ", args));
    }
}

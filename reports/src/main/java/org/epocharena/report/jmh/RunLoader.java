package org.epocharena.report.jmh;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.epocharena.report.BadInputException;
import org.epocharena.runformat.Catalog;
import org.epocharena.runformat.HeldSeries;
import org.epocharena.runformat.IntervalLogReader;
import org.epocharena.runformat.JmhResultReader;
import org.epocharena.runformat.Measurement;
import org.epocharena.runformat.PercentileCurve;
import org.epocharena.runformat.RunFormatException;
import org.epocharena.runformat.RunManifest;
import org.epocharena.runformat.SideFiles;
import org.epocharena.runformat.UtilizationShare;

/**
 * Finds and reads a run: a run folder ({@code raw/*.json}, the side files of {@link SideFiles},
 * {@code manifest.json}, {@code env.json}),
 * a bare folder of JMH JSON, or one JMH JSON file. A {@code jmh-*.json} that is empty is skipped with a
 * warning (an interrupted fork leaves one, and the rest of the run still deserves a report); one that
 * is truncated or not JMH output is an error, because silently dropping it would hide results.
 */
public final class RunLoader {
    private final IntervalLogReader hlog = new IntervalLogReader();

    /** @throws BadInputException naming the file when the run cannot be read */
    public RunData load(Path input) {
        try {
            return read(input);
        } catch (RunFormatException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    private RunData read(Path input) {
        if (!Files.exists(input)) {
            throw new BadInputException("input not found: " + input);
        }
        if (Files.isRegularFile(input)) {
            Catalog catalog = Catalog.of(null);
            List<Measurement> m = UtilizationShare.addTo(new JmhResultReader(catalog).parse(input));
            Path folder = input.toAbsolutePath().getParent();
            return new RunData(folder, m, List.of(), JmhResultReader.environment(input), List.of(input.toAbsolutePath()),
                    List.of(), catalog, List.of());
        }
        Path folder = input.toAbsolutePath().normalize();
        Path raw = Files.isDirectory(folder.resolve("raw")) ? folder.resolve("raw") : folder;
        List<String> warnings = new ArrayList<>();
        Path manifestFile = Files.exists(folder.resolve(RunManifest.FILE_NAME)) ? folder.resolve(RunManifest.FILE_NAME)
                : raw.resolve(RunManifest.FILE_NAME);
        Catalog catalog = Catalog.of(RunManifest.readIfPresent(manifestFile));
        JmhResultReader jmh = new JmhResultReader(catalog);
        List<Measurement> measurements = new ArrayList<>();
        Path firstJmh = null;
        List<PercentileCurve> curves = new ArrayList<>();
        for (Path json : list(raw, ".json")) {
            String name = json.getFileName().toString();
            if (name.equals("env.json") || name.equals(RunManifest.FILE_NAME)) {
                continue;
            }
            if (name.startsWith("jmh-") && size(json) == 0) {
                warnings.add(name + " is empty (that JMH run did not finish); its results are missing");
            } else if (name.startsWith("jmh-") || JmhResultReader.looksLikeJmh(json)) {
                measurements.addAll(jmh.parse(json));
                firstJmh = firstJmh == null ? json : firstJmh;
            }
        }
        if (measurements.isEmpty()) {
            throw new BadInputException("no JMH results in " + input + " (expected raw/jmh-*.json)");
        }
        for (Path h : list(raw.resolve(SideFiles.INTERVAL_LOG_DIR), SideFiles.INTERVAL_LOG_SUFFIX)) {
            Optional<IntervalLogReader.Result> r = hlog.read(h, catalog);
            if (r.isEmpty()) {
                warnings.add(h.getFileName() + " has no recorded interval (its trial failed before measuring; see"
                        + " raw/console.log): its percentiles are missing");
                continue;
            }
            curves.add(r.get().curve());
            measurements.addAll(r.get().figures());
        }
        List<HeldSeries> held = new ArrayList<>();
        for (Path csv : list(raw.resolve(SideFiles.HELD_DIR), SideFiles.HELD_SUFFIX)) {
            held.add(HeldSeries.read(csv, catalog));
        }
        catalog.undeclared().forEach(u -> warnings.add(u + " is not declared in manifest.json: reported as a design"));
        List<Path> rawFiles = new ArrayList<>();
        try (Stream<Path> s = Files.walk(raw)) {
            s.filter(Files::isRegularFile).filter(RunLoader::isRaw).sorted().forEach(rawFiles::add);
        } catch (IOException e) {
            throw new BadInputException("cannot list " + raw + ": " + e.getMessage(), e);
        }
        Path envFile = Files.exists(folder.resolve("env.json")) ? folder.resolve("env.json") : raw.resolve("env.json");
        if (Files.isRegularFile(envFile) && !rawFiles.contains(envFile)) {
            rawFiles.add(0, envFile);
        }
        if (Files.isRegularFile(manifestFile) && !rawFiles.contains(manifestFile)) {
            rawFiles.add(0, manifestFile);
        }
        Map<String, Object> env = new LinkedHashMap<>(JmhResultReader.environment(firstJmh));
        Map<String, Object> written = readEnv(envFile, warnings);
        if (!written.isEmpty()) {
            env.keySet().retainAll(List.of("jmh"));
            env.putAll(written);
        }
        return new RunData(folder, UtilizationShare.addTo(measurements), curves, env, rawFiles, warnings, catalog, held);
    }

    /** In a bare folder of JSON the report's own output sits beside the input: do not list it as raw. */
    private static boolean isRaw(Path p) {
        String n = p.getFileName().toString();
        return !n.startsWith(".") && !n.equals("results.csv") && !n.equals("index.html") && !n.equals("summary.md")
                && !p.getParent().getFileName().toString().equals("charts");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readEnv(Path file, List<String> warnings) {
        if (!Files.isRegularFile(file)) {
            warnings.add("env.json is missing; the environment below is taken from the JMH JSON");
            return Map.of();
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> m = new Gson().fromJson(r, LinkedHashMap.class);
            return m == null ? Map.of() : m;
        } catch (IOException | JsonParseException e) {
            warnings.add("env.json is unreadable (" + e.getMessage() + "); environment taken from the JMH JSON");
            return Map.of();
        }
    }

    private static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}

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

/**
 * Finds and reads a run: a run folder ({@code raw/*.json}, {@code raw/hdr/*.hlog}, {@code raw/held/*.csv},
 * {@code manifest.json}, {@code env.json}),
 * a bare folder of JMH JSON, or one JMH JSON file. A {@code jmh-*.json} that is empty is skipped with a
 * warning (an interrupted fork leaves one, and the rest of the run still deserves a report); one that
 * is truncated or not JMH output is an error, because silently dropping it would hide results.
 */
public final class RunLoader {
    private final HlogReader hlog = new HlogReader();

    public RunData load(Path input) {
        if (!Files.exists(input)) {
            throw new BadInputException("input not found: " + input);
        }
        if (Files.isRegularFile(input)) {
            Catalog catalog = Catalog.of(null);
            List<Measurement> m = UtilizationShare.addTo(new JmhJsonParser(catalog).parse(input));
            Path folder = input.toAbsolutePath().getParent();
            return new RunData(folder, m, List.of(), JmhJsonParser.environment(input), List.of(input.toAbsolutePath()),
                    List.of(), catalog, List.of());
        }
        Path folder = input.toAbsolutePath().normalize();
        Path raw = Files.isDirectory(folder.resolve("raw")) ? folder.resolve("raw") : folder;
        List<String> warnings = new ArrayList<>();
        Path manifestFile = Files.exists(folder.resolve("manifest.json")) ? folder.resolve("manifest.json") : raw.resolve("manifest.json");
        Catalog catalog = Catalog.of(readManifest(manifestFile));
        JmhJsonParser jmh = new JmhJsonParser(catalog);
        List<Measurement> measurements = new ArrayList<>();
        Path firstJmh = null;
        List<PercentileCurve> curves = new ArrayList<>();
        for (Path json : list(raw, ".json")) {
            String name = json.getFileName().toString();
            if (name.equals("env.json") || name.equals("manifest.json")) {
                continue;
            }
            if (name.startsWith("jmh-") && size(json) == 0) {
                warnings.add(name + " is empty (that JMH run did not finish); its results are missing");
            } else if (name.startsWith("jmh-") || JmhJsonParser.looksLikeJmh(json)) {
                measurements.addAll(jmh.parse(json));
                firstJmh = firstJmh == null ? json : firstJmh;
            }
        }
        if (measurements.isEmpty()) {
            throw new BadInputException("no JMH results in " + input + " (expected raw/jmh-*.json)");
        }
        for (Path h : list(raw.resolve("hdr"), ".hlog")) {
            Optional<HlogReader.Result> r = hlog.read(h, catalog);
            if (r.isEmpty()) {
                warnings.add(h.getFileName() + " has no recorded interval (its trial failed before measuring; see"
                        + " raw/console.log): its percentiles are missing");
                continue;
            }
            curves.add(r.get().curve());
            measurements.addAll(r.get().figures());
        }
        List<HeldSeries> held = new ArrayList<>();
        for (Path csv : list(raw.resolve("held"), ".csv")) {
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
        Map<String, Object> env = new LinkedHashMap<>(JmhJsonParser.environment(firstJmh));
        Map<String, Object> written = readEnv(envFile, warnings);
        if (!written.isEmpty()) {
            env.keySet().retainAll(List.of("jmh"));
            env.putAll(written);
        }
        return new RunData(folder, UtilizationShare.addTo(measurements), curves, env, rawFiles, warnings, catalog, held);
    }

    /** manifest.json, or null when the run has none (an older suite): the catalog then learns from the params. */
    private static Manifest readManifest(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Manifest m = new Gson().fromJson(r, Manifest.class);
            if (m == null) {
                throw new BadInputException("manifest.json is empty: " + file);
            }
            if (m.schema() != 1) {
                throw new BadInputException("manifest.json schema " + m.schema() + " is not supported (this report reads schema 1): " + file);
            }
            return m;
        } catch (IOException | JsonParseException e) {
            throw new BadInputException("manifest.json is unreadable (" + e.getMessage() + "): " + file, e);
        }
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

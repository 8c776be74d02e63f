package org.epocharena.runformat;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code manifest.json} (schema 1): what a run set out to measure and what actually ran. The suite writes
 * it next to {@code env.json}; the report and the results store read it with {@link #parse}. A field a
 * writer left out reads as null (or 0 / false for primitives) and {@link Catalog} fills in the defaults.
 *
 * @param schema          {@link #SCHEMA}
 * @param cores           cores of the benchmark machine (thread counts past it are shaded)
 * @param implementations every allocator, in the order the suite lists them (the colour order)
 * @param harnesses       every harness with the figures it is judged on
 */
public record RunManifest(int schema, int cores, List<Implementation> implementations, List<HarnessEntry> harnesses) {
    public static final int SCHEMA = 1;
    public static final String FILE_NAME = "manifest.json";

    /** One allocator: an arena design or a baseline a user would pick instead. */
    public record Implementation(String name, boolean baseline, String description, Boolean ran, String notRunReason) {
    }

    /**
     * One JMH harness as the manifest declares it.
     *
     * @param benchmark    the JMH benchmark method it runs (fully qualified), how results are matched to it
     * @param threadsParam the param carrying the thread or worker count; null: JMH's {@code threads}
     * @param workload     one line: the work every implementation does per operation in this harness
     * @param headlines    the figures the harness exists to measure, the ones it is judged on
     */
    public record HarnessEntry(String name, String benchmark, String question, String threadsParam, String workload,
                               List<HeadlineEntry> headlines) {
    }

    /**
     * A headline figure as declared. Two figures are the same (practically equivalent) unless they differ
     * by more than {@code floorAbsolute} in {@code unit} and by more than {@code floorRelative} of the larger.
     *
     * @param metric "" for JMH's primary result, else the secondary-result name as the readers name it
     *               ("p99", not JMH's "p0.99")
     * @param better "higher" or "lower"
     * @param source null for the harness's JMH results; {@link #HDR_SOURCE} for the HdrHistogram interval
     *               logs the harness writes (the timed call alone, without JMH's timer in it)
     */
    public record HeadlineEntry(String id, String label, String metric, String better, String unit,
                                Double floorRelative, Double floorAbsolute, String source) {
        public static final String HDR_SOURCE = "hdr";
    }

    /** The declared harness whose benchmark method is {@code fqn}. */
    public Optional<HarnessEntry> harnessForBenchmark(String fqn) {
        return harnesses == null ? Optional.empty() : harnesses.stream().filter(h -> fqn.equals(h.benchmark())).findFirst();
    }

    /** Writes the manifest as the suite always has: pretty-printed, fields in declaration order, nulls left out. */
    public void write(Path file) throws IOException {
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(this) + "\n",
                StandardCharsets.UTF_8);
    }

    /**
     * The manifest in {@code file}, or null when there is none (a run from before the manifest).
     *
     * @throws RunFormatException naming the file when it is unreadable or not schema 1
     */
    public static RunManifest readIfPresent(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new RunFormatException("manifest.json is unreadable (" + e.getMessage() + "): " + file, e);
        }
    }

    /**
     * Parses manifest.json text.
     *
     * @param where the file, for messages
     * @throws RunFormatException naming {@code where} when it is not a schema-1 manifest
     */
    public static RunManifest parse(String json, String where) {
        RunManifest m;
        try {
            JsonElement root = JsonParser.parseString(json);
            if (root == null || root.isJsonNull()) {
                throw new RunFormatException("manifest.json is empty: " + where);
            }
            if (!root.isJsonObject()) {
                throw new RunFormatException("manifest.json is not a JSON object: " + where);
            }
            JsonElement schema = root.getAsJsonObject().get("schema");
            if (schema == null || !schema.isJsonPrimitive() || !schema.getAsJsonPrimitive().isNumber()
                    || schema.getAsInt() != SCHEMA) {
                String was = schema == null ? "missing" : schema.toString();
                throw new RunFormatException("schema " + was + " of manifest.json is not supported (schema must be "
                        + SCHEMA + ", was " + was + "): " + where);
            }
            m = new Gson().fromJson(root, RunManifest.class);
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new RunFormatException("manifest.json is unreadable (" + e.getMessage() + "): " + where, e);
        }
        for (HarnessEntry h : m.harnesses() == null ? List.<HarnessEntry>of() : m.harnesses()) {
            if (h == null || h.name() == null || h.benchmark() == null) {
                throw new RunFormatException("manifest.json declares a harness without a name or benchmark: " + where);
            }
        }
        for (Implementation i : m.implementations() == null ? List.<Implementation>of() : m.implementations()) {
            if (i == null || i.name() == null) {
                throw new RunFormatException("manifest.json declares an implementation without a name: " + where);
            }
        }
        return m;
    }
}

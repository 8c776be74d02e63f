package org.epocharena.store.run;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.epocharena.runformat.Catalog;
import org.epocharena.runformat.Measurement;

/**
 * Everything the store keeps of one run folder, read and checked before anything is written.
 *
 * @param contentHash  SHA-256 over env.json, manifest.json, raw/jmh-*.json and the interval logs: re-importing
 *                     the same run is a no-op (so what it covers must not change, or stored runs would import again)
 * @param envJson      env.json as written
 * @param manifestJson manifest.json as written, or null for runs from before it existed
 * @param catalog      what the run measured, as the report reads it: harnesses, implementations, headlines
 * @param figures      the run's figures as the report reads them
 */
public record RunRecord(String contentHash, Machine machine, String gitCommit, String profile, String startedAt,
                        String commandLine, String sourcePath, String envJson, String manifestJson, Catalog catalog,
                        List<Measurement> figures) {

    /**
     * The params that make {@code m} one point of a harness, "name=value" sorted and comma separated, "" when
     * none: every param but the ones naming the implementation or holding the thread count, which the store
     * keeps in columns of their own.
     */
    public String setting(Measurement m) {
        String threadsParam = catalog.threadsParam(m.harness());
        return m.params().entrySet().stream()
                .filter(p -> !Measurement.IDENTITY_PARAMS.contains(p.getKey()) && !p.getKey().equals(threadsParam))
                .map(p -> p.getKey() + "=" + p.getValue()).collect(Collectors.joining(","));
    }

    /** A setting column back as params, for figures read from the store. */
    public static Map<String, String> params(String setting) {
        return setting.isEmpty() ? Map.of() : java.util.Arrays.stream(setting.split(","))
                .map(kv -> kv.split("=", 2)).collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : ""));
    }
}

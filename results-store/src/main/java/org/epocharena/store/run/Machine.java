package org.epocharena.store.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The machine and JVM a run measured on, as env.json records it. Two runs share a machine only when
 * every field matches: a different JVM or different flags on the same box measure something else.
 */
public record Machine(String cpuModel, int cores, long memoryBytes, String os, String jvmName, String jvmVersion,
                      String jvmFlags) {

    /** SHA-256 of every field, hex: the machine's key in the store. */
    public String fingerprint() {
        String joined = String.join("\u0000", cpuModel, Integer.toString(cores), Long.toString(memoryBytes), os,
                jvmName, jvmVersion, jvmFlags);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** "AMD EPYC, 2 cores, 23.5 GiB, JDK 17.0.15+6 [a1b2c3]": enough to tell machines apart on a page. */
    public String label() {
        return String.format(java.util.Locale.ROOT, "%s, %d cores, %.1f GiB, JVM %s [%s]", cpuModel, cores,
                memoryBytes / (1024.0 * 1024 * 1024), jvmVersion, fingerprint().substring(0, 6));
    }
}

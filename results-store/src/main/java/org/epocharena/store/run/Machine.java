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

    /** "Intel Xeon Platinum 8375C, 64 cores, JVM 17.0.15 [a1b2c3]": short, and the hash tells apart the rest. */
    public String label() {
        String cpu = cpuModel.replaceAll("\\((R|TM|tm)\\)", "").replaceAll("\\s+CPU\\b.*$", "")
                .replaceAll("\\s+\\d+-Core Processor$", "").replaceAll("\\s+", " ").trim();
        String jvm = jvmVersion.replaceAll("[+-].*$", "");
        return String.format(java.util.Locale.ROOT, "%s, %d cores, JVM %s [%s]", cpu, cores, jvm,
                fingerprint().substring(0, 6));
    }
}

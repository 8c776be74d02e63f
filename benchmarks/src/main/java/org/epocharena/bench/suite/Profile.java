package org.epocharena.bench.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * A run profile (smoke, quick, full), read from {@code profiles/<name>.properties} on the classpath:
 * the one place where harness lists, thread counts, iterations and forks are defined. A key applies to
 * every harness; {@code <harness>.<key>} overrides it for one. Unknown keys are errors, so a typo
 * cannot silently fall back to a default.
 */
public final class Profile {
    /** The profiles shipped in the jar, cheapest first. */
    public static final List<String> NAMES = List.of("smoke", "quick", "full");

    private static final Set<String> KEYS = Set.of("forks", "warmup.iterations", "warmup.time",
            "measurement.iterations", "measurement.time", "timeout", "jvmArgs", "threads", "workers", "params",
            "prof", "once.impls", "once.params", "once.threads", "estimate.forkOverhead", "estimate.trial");
    private static final int MAX_THREADS = 1 << 16;
    /** A profile-wide key (no harness prefix): the default forks per side of a paired run. */
    static final String PAIR_FORKS = "pair.forks";

    private final String name;
    private final Properties properties;

    private Profile(String name, Properties properties) {
        this.name = name;
        this.properties = properties;
        checkKeys();
    }

    /** Reads {@code profiles/<name>.properties} from the classpath. */
    public static Profile load(String name) {
        if (!NAMES.contains(name)) {
            throw new ProfileException("unknown profile '" + name + "'; valid: " + String.join(", ", NAMES));
        }
        try (InputStream in = Profile.class.getResourceAsStream("/profiles/" + name + ".properties")) {
            if (in == null) {
                throw new ProfileException("profile '" + name + "' is missing from the classpath (profiles/"
                        + name + ".properties)");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new Profile(name, p);
        } catch (IOException e) {
            throw new ProfileException("cannot read profile '" + name + "': " + e.getMessage());
        }
    }

    /** A profile from given properties (for tests and for profiles built in code). */
    public static Profile of(String name, Properties properties) {
        return new Profile(name, properties);
    }

    public String name() {
        return name;
    }

    /** The harnesses this profile runs, in execution order. */
    public List<String> harnesses() {
        List<String> listed = list("harnesses", "harnesses");
        for (String h : listed) {
            if (!HarnessRegistry.ids().contains(h)) {
                throw bad("harnesses", String.join(",", listed), "unknown harness '" + h + "'; valid: "
                        + String.join(", ", HarnessRegistry.ids()));
            }
        }
        List<String> ordered = new ArrayList<>(HarnessRegistry.ids());
        ordered.retainAll(listed);
        return ordered;
    }

    /**
     * Forks per side of a paired run when {@code --pair-forks} is not given ({@value #PAIR_FORKS}), or null
     * when the profile leaves it to the suite; the suite checks the range.
     */
    public Integer pairForks() {
        String v = trimmed(properties.getProperty(PAIR_FORKS));
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw bad(PAIR_FORKS, v, "not a whole number");
        }
    }

    /** Every setting for one harness, overrides applied and validated. */
    public HarnessSettings settings(String harness) {
        return new HarnessSettings(harness,
                integer(harness, "forks", 0, 100),
                integer(harness, "warmup.iterations", 0, 1000),
                time(harness, "warmup.time"),
                integer(harness, "measurement.iterations", 1, 1000),
                time(harness, "measurement.time"),
                time(harness, "timeout"),
                words(harness, "jvmArgs"),
                counts(harness, "threads"),
                counts(harness, "workers"),
                params(harness, "params"),
                list(harness + ".prof", "prof"),
                onceImpls(harness),
                params(harness, "once.params"),
                counts(harness, "once.threads"),
                decimal(harness, "estimate.forkOverhead", 1.0),
                decimal(harness, "estimate.trial", 0.0));
    }

    private void checkKeys() {
        Set<String> unknown = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.equals("harnesses") || key.equals(PAIR_FORKS) || KEYS.contains(key)) {
                continue;
            }
            int dot = key.indexOf('.');
            if (dot < 0 || !HarnessRegistry.ids().contains(key.substring(0, dot)) || !KEYS.contains(key.substring(dot + 1))) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProfileException("profile '" + name + "': unknown key(s) " + unknown + "; valid keys: "
                    + new TreeSet<>(KEYS) + ", each optionally prefixed by a harness id " + HarnessRegistry.ids());
        }
    }

    /** The raw value for a harness: its own {@code <harness>.<key>}, else the global key, else null. */
    private String raw(String harness, String key) {
        String own = properties.getProperty(harness + "." + key);
        return own != null ? own.trim() : trimmed(properties.getProperty(key));
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }

    private String keyOf(String harness, String key) {
        return properties.getProperty(harness + "." + key) != null ? harness + "." + key : key;
    }

    private String required(String harness, String key) {
        String v = raw(harness, key);
        if (v == null || v.isEmpty()) {
            throw new ProfileException("profile '" + name + "': key '" + key + "' (or '" + harness + "." + key
                    + "') is missing");
        }
        return v;
    }

    private int integer(String harness, String key, int min, int max) {
        String v = required(harness, key);
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw bad(keyOf(harness, key), v, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad(keyOf(harness, key), v, "not a whole number");
        }
    }

    /** first, designs, baselines or all (default first): never a name, designs come and go. */
    private String onceImpls(String harness) {
        String v = raw(harness, "once.impls");
        if (v == null || v.isEmpty()) {
            return "first";
        }
        if (!List.of("first", "designs", "baselines", "all").contains(v)) {
            throw bad(keyOf(harness, "once.impls"), v, "must be first, designs, baselines or all (a profile names"
                    + " no implementation)");
        }
        return v;
    }

    private double decimal(String harness, String key, double fallback) {
        String v = raw(harness, key);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v);
            if (!(d >= 0 && d <= 600)) {
                throw bad(keyOf(harness, key), v, "must be between 0 and 600 (seconds)");
            }
            return d;
        } catch (NumberFormatException e) {
            throw bad(keyOf(harness, key), v, "not a number");
        }
    }

    private TimeValue time(String harness, String key) {
        String v = required(harness, key);
        TimeValue t;
        try {
            t = TimeValue.fromString(v);
        } catch (RuntimeException e) {
            throw bad(keyOf(harness, key), v, "not a JMH time such as 100ms, 1s or 2min");
        }
        if (t.getTime() <= 0) {
            throw bad(keyOf(harness, key), v, "must be longer than 0");
        }
        return t;
    }

    private List<String> words(String harness, String key) {
        String v = raw(harness, key);
        return v == null || v.isEmpty() ? List.of() : List.of(v.split("\\s+"));
    }

    private List<String> list(String key, String fallbackKey) {
        String v = properties.getProperty(key);
        if (v == null) {
            v = properties.getProperty(fallbackKey);
        }
        if (v == null || v.isBlank()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String s : v.split(",")) {
            if (!s.isBlank()) {
                items.add(s.trim());
            }
        }
        return items;
    }

    private List<Integer> counts(String harness, String key) {
        String v = raw(harness, key);
        if (v == null || v.isEmpty()) {
            return List.of();
        }
        return parseCounts(v, "profile '" + name + "' key '" + keyOf(harness, key) + "'");
    }

    /** Parses "1,2,16" into thread counts 1..65536; {@code where} names the source in the error. */
    public static List<Integer> parseCounts(String v, String where) {
        List<Integer> out = new ArrayList<>();
        for (String s : v.split(",")) {
            String t = s.trim();
            int n;
            try {
                n = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new ProfileException(where + ": thread count '" + t + "' is not a whole number");
            }
            if (n < 1 || n > MAX_THREADS) {
                throw new ProfileException(where + ": thread count " + n + " is outside 1.." + MAX_THREADS);
            }
            out.add(n);
        }
        return List.copyOf(out);
    }

    /** Parses {@code name=v1,v2;name2=v3} (JMH {@code -p} values) preserving order. */
    private Map<String, List<String>> params(String harness, String key) {
        String v = raw(harness, key);
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (v == null || v.isEmpty()) {
            return out;
        }
        for (String pair : v.split(";")) {
            int eq = pair.indexOf('=');
            String param = eq < 0 ? "" : pair.substring(0, eq).trim();
            List<String> values = eq < 0 ? List.of() : Arrays.stream(pair.substring(eq + 1).split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (param.isEmpty() || values.isEmpty()) {
                throw bad(keyOf(harness, key), v, "expected name=value[,value...] pairs separated by ';', got '"
                        + pair.trim() + "'");
            }
            out.put(param, values);
        }
        return out;
    }

    private ProfileException bad(String key, String value, String why) {
        return new ProfileException("profile '" + name + "': key '" + key + "' = '" + value + "': " + why);
    }
}

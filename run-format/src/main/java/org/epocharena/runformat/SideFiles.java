package org.epocharena.runformat;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the files a run writes beside JMH's JSON, each as a {@code name(...)} the writer uses and
 * a {@code parse(...)} the readers use, so the two cannot drift apart.
 *
 * <ul>
 *   <li>{@code raw/hdr/<harness>-<impl>-t<threads>.hlog}: an HdrHistogram interval log (and its
 *       {@code .hgrm} summary), one interval per measurement iteration, values in nanoseconds;</li>
 *   <li>{@code raw/held/<impl>.csv}: memory a stalled pinned thread holds back, sampled over time.</li>
 * </ul>
 */
public final class SideFiles {
    /** The folder under {@code raw/} that holds the interval logs. */
    public static final String INTERVAL_LOG_DIR = "hdr";
    public static final String INTERVAL_LOG_SUFFIX = ".hlog";
    public static final String HISTOGRAM_SUMMARY_SUFFIX = ".hgrm";
    /** The folder under {@code raw/} that holds the held-bytes series. */
    public static final String HELD_DIR = "held";
    public static final String HELD_SUFFIX = ".csv";
    /** The held-bytes CSV's header, in column order. */
    public static final List<String> HELD_HEADER = List.of("elapsed_ms", "held_bytes", "failed_allocations", "stall_active");

    /** An implementation name cannot hold a dash: it separates the harness from the implementation. */
    private static final Pattern IMPL = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern INTERVAL_LOG = Pattern.compile("(.+)-(" + IMPL.pattern() + ")-t(\\d+)\\.hlog");

    private SideFiles() {
    }

    /** What an interval log's name says. */
    public record IntervalLogName(String harness, String implementation, int threads) {
    }

    /** The interval log's name without its suffix: the writer adds {@code .hlog} and {@code .hgrm}. */
    public static String intervalLogStem(String harness, String implementation, int threads) {
        if (harness.isEmpty() || !IMPL.matcher(implementation).matches() || threads < 1) {
            throw new IllegalArgumentException("no interval log name for harness '" + harness + "', implementation '"
                    + implementation + "' (letters, digits and _ only), threads " + threads + " (1 or more)");
        }
        return harness + "-" + implementation + "-t" + threads;
    }

    public static String intervalLogName(String harness, String implementation, int threads) {
        return intervalLogStem(harness, implementation, threads) + INTERVAL_LOG_SUFFIX;
    }

    /** What {@code fileName} says, or empty when it is not named as {@link #intervalLogName} names logs. */
    public static Optional<IntervalLogName> parseIntervalLogName(String fileName) {
        Matcher m = INTERVAL_LOG.matcher(fileName);
        return m.matches() ? Optional.of(new IntervalLogName(m.group(1), m.group(2), Integer.parseInt(m.group(3))))
                : Optional.empty();
    }

    public static String heldName(String implementation) {
        return implementation + HELD_SUFFIX;
    }

    /** The implementation a held-bytes file is of, or empty when it is not named as {@link #heldName} names them. */
    public static Optional<String> parseHeldName(String fileName) {
        return fileName.endsWith(HELD_SUFFIX) && fileName.length() > HELD_SUFFIX.length()
                ? Optional.of(fileName.substring(0, fileName.length() - HELD_SUFFIX.length())) : Optional.empty();
    }
}

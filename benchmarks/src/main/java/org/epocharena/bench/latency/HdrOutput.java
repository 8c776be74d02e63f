package org.epocharena.bench.latency;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Collects the per-thread recorders of one trial and writes them out: one interval per measurement
 * iteration into {@code <name>.hlog} (HistogramLogWriter, ns) and the whole trial into
 * {@code <name>.hgrm} (percentile distribution in µs: recorded in ns, output scaling 1000.0), in the
 * folder named by system property {@value #DIR_PROPERTY} (default {@code target/hdr}).
 *
 * <p>Each thread records into its own {@link SingleWriterRecorder} (wait-free, no sharing on the hot
 * path); the merge happens between iterations, when JMH has stopped every thread.
 */
final class HdrOutput {
    static final String DIR_PROPERTY = "epocharena.hdr.dir";
    /** 1 ns .. 10 s at 3 significant digits: a stalled thread's 1-second outlier still fits. */
    private static final long HIGHEST_NS = 10_000_000_000L;

    private final List<SingleWriterRecorder> recorders = new CopyOnWriteArrayList<>();
    private final Histogram total = new Histogram(HIGHEST_NS, 3);
    private final File hgrm;
    private final HistogramLogWriter log;
    private final PrintStream logStream;
    private Histogram interval;

    HdrOutput(String name) {
        File dir = new File(System.getProperty(DIR_PROPERTY, "target/hdr"));
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IllegalStateException("cannot create the HdrHistogram folder " + dir.getAbsolutePath());
        }
        hgrm = new File(dir, name + ".hgrm");
        try {
            logStream = new PrintStream(new File(dir, name + ".hlog"), "UTF-8");
        } catch (FileNotFoundException | java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("cannot write " + name + ".hlog in " + dir.getAbsolutePath(), e);
        }
        log = new HistogramLogWriter(logStream);
        log.outputComment("epocharena " + name + ": per-call allocate latency, ns");
        log.outputLogFormatVersion();
        long now = System.currentTimeMillis();
        log.outputStartTime(now);
        log.setBaseTime(now);
        log.outputLegend();
    }

    SingleWriterRecorder newRecorder() {
        SingleWriterRecorder recorder = new SingleWriterRecorder(HIGHEST_NS, 3);
        recorders.add(recorder);
        return recorder;
    }

    /** Drops whatever the recorders hold (warm-up values), so the next interval starts clean. */
    void discard() {
        for (SingleWriterRecorder r : recorders) {
            interval = r.getIntervalHistogram(interval);
        }
    }

    /** Moves every recorder's values since the last call into one log interval and the total. */
    void endInterval() {
        Histogram merged = null;
        for (SingleWriterRecorder r : recorders) {
            interval = r.getIntervalHistogram(interval);
            if (merged == null) {
                merged = interval.copy();
            } else {
                merged.add(interval);
            }
        }
        if (merged != null && merged.getTotalCount() > 0) {
            log.outputIntervalHistogram(merged);
            total.add(merged);
        }
    }

    /** Writes the .hgrm and closes the .hlog. */
    void finish() {
        logStream.close();
        try (PrintStream out = new PrintStream(hgrm, "UTF-8")) {
            total.outputPercentileDistribution(out, 1000.0);
        } catch (FileNotFoundException | java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("cannot write " + hgrm.getAbsolutePath(), e);
        }
    }

    Histogram total() {
        return total;
    }
}

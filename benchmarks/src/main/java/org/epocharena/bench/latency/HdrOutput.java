package org.epocharena.bench.latency;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.SingleWriterRecorder;
import org.epocharena.runformat.SideFiles;

/**
 * Collects the per-thread recorders of one trial and writes them out: one interval per measurement
 * iteration into {@code <name>.hlog} (HistogramLogWriter, ns) and the whole trial into
 * {@code <name>.hgrm} (percentile distribution in µs: recorded in ns, output scaling 1000.0), in the
 * folder named by system property {@value #DIR_PROPERTY} (default {@code target/hdr}).
 *
 * <p>Each thread records into its own {@link SingleWriterRecorder} (wait-free, no sharing on the hot
 * path); the merge happens between iterations, when JMH has stopped every thread.
 *
 * <p>Forks of one trial write the same file names (the contract names files by harness, impl and
 * threads, not by fork), so a fork that finds an earlier fork's {@code .hlog} carries its intervals
 * over: the {@code .hgrm} of a 3-fork trial holds all 3 forks' calls, not just the last fork's. The
 * suite refuses a run folder that already holds results, so nothing stale is carried over.
 */
final class HdrOutput {
    static final String DIR_PROPERTY = "epocharena.hdr.dir";
    /** 1 ns .. 10 s at 3 significant digits: a stalled thread's 1-second outlier still fits. */
    private static final long HIGHEST_NS = 10_000_000_000L;

    private final List<ThreadRecorder> recorders = new CopyOnWriteArrayList<>();
    private final Histogram total = new Histogram(HIGHEST_NS, 3);
    private final File hgrm;
    private final HistogramLogWriter log;
    private final PrintStream logStream;

    /**
     * One thread's recorder and the interval histogram it hands back: a SingleWriterRecorder only
     * takes back a histogram it gave out itself, so each recorder keeps its own.
     */
    private static final class ThreadRecorder {
        final SingleWriterRecorder recorder = new SingleWriterRecorder(HIGHEST_NS, 3);
        Histogram interval;

        Histogram take() {
            interval = recorder.getIntervalHistogram(interval);
            return interval;
        }
    }

    HdrOutput(String name) {
        File dir = new File(System.getProperty(DIR_PROPERTY, "target/hdr"));
        if (!dir.isDirectory() && !dir.mkdirs()) {
            throw new IllegalStateException("cannot create the HdrHistogram folder " + dir.getAbsolutePath());
        }
        hgrm = new File(dir, name + SideFiles.HISTOGRAM_SUMMARY_SUFFIX);
        File hlog = new File(dir, name + SideFiles.INTERVAL_LOG_SUFFIX);
        List<Histogram> earlierForks = new ArrayList<>();
        long start = System.currentTimeMillis();
        if (hlog.isFile()) {
            start = readIntervals(hlog, earlierForks, start);
        }
        try {
            logStream = new PrintStream(hlog, "UTF-8");
        } catch (FileNotFoundException | java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("cannot write " + hlog + " in " + dir.getAbsolutePath(), e);
        }
        log = new HistogramLogWriter(logStream);
        log.outputComment("epocharena " + name + ": per-call allocate latency, ns");
        log.outputLogFormatVersion();
        log.outputStartTime(start);
        log.setBaseTime(start);
        log.outputLegend();
        for (Histogram h : earlierForks) {
            log.outputIntervalHistogram(h);
            total.add(h);
        }
    }

    /** Reads an earlier fork's intervals; returns its start time (ms), or {@code fallback} if it has none. */
    private static long readIntervals(File hlog, List<Histogram> into, long fallback) {
        try {
            HistogramLogReader reader = new HistogramLogReader(hlog);
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                if (h instanceof Histogram histogram) {
                    into.add(histogram);
                }
            }
            double startSec = reader.getStartTimeSec();
            return startSec > 0 ? (long) (startSec * 1000) : fallback;
        } catch (FileNotFoundException e) {
            return fallback;
        }
    }

    SingleWriterRecorder newRecorder() {
        ThreadRecorder lane = new ThreadRecorder();
        recorders.add(lane);
        return lane.recorder;
    }

    /** Drops whatever the recorders hold (warm-up values), so the next interval starts clean. */
    void discard() {
        for (ThreadRecorder lane : recorders) {
            lane.take();
        }
    }

    /** Moves every recorder's values since the last call into one log interval and the total. */
    void endInterval() {
        Histogram merged = null;
        for (ThreadRecorder lane : recorders) {
            Histogram interval = lane.take();
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

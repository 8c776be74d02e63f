package org.epocharena.runformat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.HistogramLogReader;

/**
 * Reads an HdrHistogram interval log ({@link SideFiles#intervalLogName}) with
 * HdrHistogram's own {@link HistogramLogReader}. The suite writes one interval per measurement
 * iteration with values in nanoseconds; the whole-run spectrum is the sum of the intervals, and each
 * headline percentile gets an error from its spread across intervals (a t-interval at JMH's 99.9%),
 * which one whole-run histogram could not give. The intervals are treated as iterations of one fork:
 * the log does not say where one fork ends, so the comparison built on them is indicative.
 */
public final class IntervalLogReader {
    /** The benchmark name of the figures read from the logs (a headline with source "hdr" names it). */
    public static final String BENCHMARK = "HdrHistogram";
    private static final double NANOS_PER_MICRO = 1000;
    private static final double[] QS = {50, 90, 99, 99.9, 99.99, 99.999};
    private static final String[] NAMES = {"p50", "p90", "p99", "p99.9", "p99.99", "p99.999"};

    /** A log's whole-run spectrum and its headline percentiles as measurements. */
    public record Result(PercentileCurve curve, List<Measurement> figures) {
    }

    /**
     * The log's figures, or empty when it holds no recorded interval: the header of a trial that
     * failed before measuring (the run's other results still deserve a report; the loader warns).
     *
     * @throws RunFormatException when the file is misnamed, unreadable or not an interval log
     */
    public Optional<Result> read(Path file, Catalog catalog) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), file.getFileName().toString(), catalog);
        } catch (IOException e) {
            throw new RunFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param where    the file, for messages
     * @param fileName the log's name, which says harness, implementation and threads
     */
    public Optional<Result> read(InputStream in, String where, String fileName, Catalog catalog) {
        SideFiles.IntervalLogName n = SideFiles.parseIntervalLogName(fileName).orElseThrow(() -> new RunFormatException(
                "HdrHistogram log name is not <harness>-<impl>-t<threads>.hlog: " + where));
        List<Histogram> intervals = new ArrayList<>();
        try {
            HistogramLogReader reader = new HistogramLogReader(in);
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                if (!(h instanceof Histogram hist)) {
                    throw new RunFormatException("expected integer-valued interval histograms, found "
                            + h.getClass().getSimpleName() + ": " + where);
                }
                if (hist.getTotalCount() > 0) {
                    intervals.add(hist);
                }
            }
        } catch (RunFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RunFormatException("not an HdrHistogram interval log (" + e.getMessage() + "): " + where, e);
        }
        if (intervals.isEmpty()) {
            return Optional.empty();
        }
        Histogram all = new Histogram(intervals.get(0).getNumberOfSignificantValueDigits());
        intervals.forEach(all::add);
        String harness = n.harness();
        String impl = n.implementation();
        int threads = n.threads();
        boolean baseline = catalog.learn(impl, false);
        List<Double> p = new ArrayList<>();
        List<Double> us = new ArrayList<>();
        for (HistogramIterationValue v : all.percentiles(5)) {
            if (v.getPercentileLevelIteratedTo() < 100) {
                p.add(v.getPercentileLevelIteratedTo() / 100);
                us.add(v.getValueIteratedTo() / NANOS_PER_MICRO);
            }
        }
        PercentileCurve curve = new PercentileCurve(harness, impl, baseline, threads,
                p.stream().mapToDouble(Double::doubleValue).toArray(), us.stream().mapToDouble(Double::doubleValue).toArray(),
                all.getMaxValue() / NANOS_PER_MICRO, all.getTotalCount(), fileName);
        List<Measurement> figures = new ArrayList<>();
        Map<String, String> params = Map.of("impl", impl);
        for (int i = 0; i <= QS.length; i++) {
            double[] perInterval = new double[intervals.size()];
            for (int k = 0; k < perInterval.length; k++) {
                Histogram h = intervals.get(k);
                perInterval[k] = (i < QS.length ? h.getValueAtPercentile(QS[i]) : h.getMaxValue()) / NANOS_PER_MICRO;
            }
            double whole = (i < QS.length ? all.getValueAtPercentile(QS[i]) : all.getMaxValue()) / NANOS_PER_MICRO;
            figures.add(new Measurement(harness, BENCHMARK, impl, baseline, threads, params, "hdr",
                    i < QS.length ? NAMES[i] : "max", whole,
                    ConfidenceInterval.halfWidth(perInterval, ConfidenceInterval.JMH_LEVEL), "us",
                    new double[][] {perInterval}, fileName));
        }
        return Optional.of(new Result(curve, figures));
    }
}

package org.epocharena.store.run;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Reads a harness's HdrHistogram interval log, {@code raw/hdr/<harness>-<impl>-t<threads>.hlog} (one
 * interval per measurement iteration, values in ns), into figures: p50 to p99.99 and max, each with one
 * value per interval as its samples (so the tail percentiles get an error across iterations) and the
 * whole log's percentile as its score.
 */
final class HdrLogReader {
    static final Pattern NAME = Pattern.compile("(.+)-([A-Za-z0-9_]+)-t(\\d+)\\.hlog");
    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99, 100};
    private static final String[] METRICS = {"p50", "p90", "p99", "p99.9", "p99.99", "max"};

    private HdrLogReader() {
    }

    /**
     * @param fileName  the log's name, which says harness, implementation and threads
     * @param baselines what the run's other files say about which implementations are baselines
     * @throws BadRunException naming the file when it is not an HdrHistogram log or has no interval
     */
    static List<Figure> read(String text, String file, String fileName, Manifest manifest, Map<String, Boolean> baselines) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new BadRunException(file + ": an HdrHistogram log must be named <harness>-<impl>-t<threads>.hlog");
        }
        String harness = m.group(1);
        String impl = m.group(2);
        int threads = Integer.parseInt(m.group(3));
        List<Histogram> intervals = new ArrayList<>();
        try (HistogramLogReader reader = new HistogramLogReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                if (!(h instanceof Histogram histogram)) {
                    throw new BadRunException(file + ": expected integer-valued interval histograms, found "
                            + h.getClass().getSimpleName());
                }
                intervals.add(histogram);
            }
        } catch (BadRunException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BadRunException(file + ": not a readable HdrHistogram log (" + e + ")", e);
        }
        intervals.removeIf(h -> h.getTotalCount() == 0);
        if (intervals.isEmpty()) {
            throw new BadRunException(file + ": an HdrHistogram log with no recorded interval");
        }
        Histogram all = intervals.get(0).copy();
        intervals.subList(1, intervals.size()).forEach(all::add);
        boolean baseline = manifest.baseline(impl).or(() -> Optional.ofNullable(baselines.get(impl))).orElse(false);
        List<Figure> out = new ArrayList<>();
        for (int p = 0; p < PERCENTILES.length; p++) {
            double q = PERCENTILES[p];
            double[] perInterval = intervals.stream().mapToDouble(h -> value(h, q)).toArray();
            List<double[]> samples = List.of(perInterval);
            out.add(new Figure(file, harness, harness + ".hdr", impl, baseline, "", "hdr", threads, METRICS[p], "ns",
                    value(all, q), JmhResultReader.halfWidth(samples), samples));
        }
        return out;
    }

    private static double value(Histogram h, double percentile) {
        return percentile >= 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile);
    }
}

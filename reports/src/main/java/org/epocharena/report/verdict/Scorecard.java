package org.epocharena.report.verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.epocharena.report.jmh.RunData;
import org.epocharena.report.stats.Basis;
import org.epocharena.report.stats.Family;
import org.epocharena.report.stats.RatioEstimate;
import org.epocharena.runformat.Catalog;
import org.epocharena.runformat.Headline;
import org.epocharena.runformat.Measurement;
import org.epocharena.runformat.TimeUnits;

/**
 * The answer in one table: a row per implementation (designs, then baselines), a column per headline
 * figure at the points a review asks about (a scaling figure at 1 thread, at the core count and at the
 * most threads; any other figure at its largest workload), each cell the figure and how far behind the
 * column's best it is. Every cell-against-best ratio on the page is one comparison of one Holm family,
 * so a cell is "behind" only when its corrected interval excludes 1 and the difference is past the
 * headline's practical floor; otherwise it is a tie. Plus the problem's two bounds per implementation.
 */
public final class Scorecard {
    /** allocate within this many microseconds at p99.99 at every thread count measured. */
    public static final double LATENCY_BOUND_US = 100;
    static final String TAIL = "p99.99";

    private final List<Column> columns;
    private final Map<String, List<Cell>> rows;
    private final Map<String, Bound> latencyBound;
    private final Map<String, Bound> scalingBound;
    private final Catalog catalog;
    private final Basis weakestBasis;

    private Scorecard(List<Column> columns, Map<String, List<Cell>> rows, Map<String, Bound> latencyBound,
                      Map<String, Bound> scalingBound, Catalog catalog, Basis weakestBasis) {
        this.columns = columns;
        this.rows = rows;
        this.latencyBound = latencyBound;
        this.scalingBound = scalingBound;
        this.catalog = catalog;
        this.weakestBasis = weakestBasis;
    }

    public static Scorecard of(RunData run) {
        Catalog catalog = run.catalog();
        List<Measurement> all = run.measurements();
        List<String> impls = new ArrayList<>();
        catalog.implementations().stream().filter(i -> !catalog.isBaseline(i)).forEach(impls::add);
        catalog.implementations().stream().filter(catalog::isBaseline).forEach(impls::add);
        impls.removeIf(i -> all.stream().noneMatch(m -> m.implementation().equals(i)));

        List<Column> columns = new ArrayList<>();
        List<List<Measurement>> figures = new ArrayList<>();
        for (String harness : harnessesInOrder(run)) {
            Measurement sample = all.stream().filter(m -> m.harness().equals(harness)).findFirst().orElse(null);
            for (Headline h : catalog.headlines(harness, sample)) {
                List<Measurement> pts = pointsOf(h, all);
                if (pts.isEmpty()) {
                    continue;
                }
                for (Column c : columnsOf(h, pts, run.cores(), catalog.threadsParam(harness))) {
                    columns.add(c);
                    figures.add(pts.stream().filter(m -> m.threads() == c.threads() && m.settingText().equals(c.setting())).toList());
                }
            }
        }
        // One family: every cell against its column's best.
        List<Family.Pair> pairs = new ArrayList<>();
        List<int[]> at = new ArrayList<>();
        Map<String, Measurement[]> byImpl = new LinkedHashMap<>();
        impls.forEach(i -> byImpl.put(i, new Measurement[columns.size()]));
        Measurement[] best = new Measurement[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            Headline h = columns.get(c).headline();
            for (Measurement m : figures.get(c)) {
                if (byImpl.containsKey(m.implementation()) && byImpl.get(m.implementation())[c] == null) {
                    byImpl.get(m.implementation())[c] = m;
                }
            }
            final int col = c;
            // The best design sets the column's reference; a baseline is then ahead of or behind it.
            // (A column no design reached, e.g. its trials failed, is judged against its best baseline.)
            Comparator<Measurement> better = Comparator.comparingDouble(m -> h.higherBetter() ? m.value() : -m.value());
            best[c] = byImpl.entrySet().stream().filter(e -> !catalog.isBaseline(e.getKey())).map(e -> e.getValue()[col])
                    .filter(Objects::nonNull).max(better)
                    .orElseGet(() -> byImpl.values().stream().map(row -> row[col]).filter(Objects::nonNull).max(better)
                            .orElse(null));
            int r = 0;
            for (Measurement[] row : byImpl.values()) {
                Measurement m = row[c];
                if (m != null && m != best[c]) {
                    pairs.add(h.higherBetter() ? new Family.Pair(best[c], m) : new Family.Pair(m, best[c]));
                    at.add(new int[] {r, c});
                }
                r++;
            }
        }
        List<RatioEstimate> estimates = Family.estimate(pairs);
        Map<String, List<Cell>> rows = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(byImpl.keySet());
        for (String i : names) {
            List<Cell> cells = new ArrayList<>();
            Measurement[] row = byImpl.get(i);
            for (int c = 0; c < columns.size(); c++) {
                cells.add(row[c] == null ? null : row[c] == best[c]
                        ? new Cell(row[c], null, Cell.Tone.BEST, best[c].value(), columns.get(c).headline().floorAbsolute()) : null);
            }
            rows.put(i, cells);
        }
        Basis weakest = Basis.FORKS;
        for (int k = 0; k < pairs.size(); k++) {
            int r = at.get(k)[0];
            int c = at.get(k)[1];
            Measurement m = byImpl.get(names.get(r))[c];
            RatioEstimate e = estimates.get(k);
            weakest = e.basis().ordinal() > weakest.ordinal() ? e.basis() : weakest;
            // A tie is a difference below the practical floor; a difference past it that the interval cannot
            // confirm is unclear, never a tie (a design 40x slower on noisy data is not "the same").
            Cell.Tone tone = !columns.get(c).headline().practicallyDifferent(m.value(), best[c].value()) ? Cell.Tone.TIE
                    : !e.excludesOne() ? Cell.Tone.UNCLEAR : e.ratio() < 1 ? Cell.Tone.AHEAD
                    : e.ratio() >= 2 ? Cell.Tone.FAR : Cell.Tone.BEHIND;
            rows.get(names.get(r)).set(c, new Cell(m, e, tone, best[c].value(), columns.get(c).headline().floorAbsolute()));
        }
        Map<String, Bound> latency = new LinkedHashMap<>();
        Map<String, Bound> scaling = new LinkedHashMap<>();
        for (String i : names) {
            latency.put(i, latencyBound(i, all, catalog));
            scaling.put(i, scalingBound(i, all, catalog));
        }
        return new Scorecard(columns, rows, latency, scaling, catalog, weakest);
    }

    /** Harnesses in the manifest's order, then any other the run has. */
    private static List<String> harnessesInOrder(RunData run) {
        List<String> out = new ArrayList<>();
        run.catalog().harnesses().forEach(h -> out.add(h.name()));
        run.measurements().forEach(m -> {
            if (!out.contains(m.harness())) {
                out.add(m.harness());
            }
        });
        out.removeIf(h -> run.measurements().stream().noneMatch(m -> m.harness().equals(h)));
        return out;
    }

    /** A headline's figures; HdrHistogram's (with per-interval errors) replace JMH's percentiles of the same point. */
    static List<Measurement> pointsOf(Headline h, List<Measurement> all) {
        List<Measurement> pts = all.stream().filter(h::matches).toList();
        List<Measurement> hdr = pts.stream().filter(m -> m.mode().equals("hdr")).toList();
        if (hdr.isEmpty()) {
            return pts;
        }
        return pts.stream().filter(m -> m.mode().equals("hdr") || hdr.stream().noneMatch(x ->
                x.implementation().equals(m.implementation()) && x.threads() == m.threads())).toList();
    }

    /** 1 thread, the core count and the most threads for a scaling figure; the largest workload otherwise. */
    static List<Column> columnsOf(Headline h, List<Measurement> pts, int cores, String threadsParam) {
        // The setting with the largest workload (the most live blocks, say); thread counts are columns,
        // not workload, so the threads param does not count.
        Map<String, double[]> settings = new LinkedHashMap<>();
        for (Measurement m : pts) {
            double[] size = settings.computeIfAbsent(m.settingText(), k -> new double[1]);
            size[0] = Math.max(size[0], size(m, threadsParam));
        }
        String setting = settings.entrySet().stream().max(Comparator.comparingDouble(e -> e.getValue()[0]))
                .map(Map.Entry::getKey).orElse("");
        if (settings.values().stream().allMatch(v -> v[0] == 0)) {
            setting = settings.keySet().iterator().next();
        }
        String s = setting;
        TreeSet<Integer> threads = new TreeSet<>();
        pts.stream().filter(m -> m.settingText().equals(s)).forEach(m -> threads.add(m.threads()));
        List<Integer> chosen = new ArrayList<>();
        boolean scaling = h.higherBetter() && pts.get(0).unit().startsWith("ops/") && threads.size() > 2;
        if (scaling) {
            chosen.add(threads.first());
            if (cores > 0 && threads.contains(cores) && !chosen.contains(cores)) {
                chosen.add(cores);
            }
        }
        if (!chosen.contains(threads.last())) {
            chosen.add(threads.last());
        }
        String where = settings.size() > 1 && !setting.isEmpty() ? ", " + setting : "";
        List<Column> out = new ArrayList<>();
        for (int t : chosen) {
            String title = h.label() + (threads.size() > 1 ? " at " + t + (t == 1 ? " thread" : " threads") : "") + where;
            title = title.replace("pinnedThreads=0", "").trim();
            out.add(new Column(h, t, setting, title));
        }
        return out;
    }

    /** How big a point's workload is: its largest numeric param other than the thread count. */
    private static double size(Measurement m, String threadsParam) {
        return m.params().entrySet().stream().filter(e -> !Measurement.IDENTITY_PARAMS.contains(e.getKey()))
                .filter(e -> !e.getKey().equals(threadsParam))
                .filter(e -> e.getValue().matches("\\d+")).mapToDouble(e -> Double.parseDouble(e.getValue())).max().orElse(0);
    }

    /**
     * allocate within 100 us at p99.99 at every thread count: the p99.99 headline figures (or, for a run
     * without a manifest, the HdrHistogram logs' p99.99), never another harness's percentiles.
     */
    private static Bound latencyBound(String impl, List<Measurement> all, Catalog catalog) {
        List<Measurement> tail = all.stream().filter(m -> m.implementation().equals(impl) && m.metric().equals(TAIL)
                && !Double.isNaN(TimeUnits.nanosPer(m.unit())) && (m.mode().equals("hdr") || catalog.headlineOf(m) != null)).toList();
        List<Measurement> hdr = tail.stream().filter(m -> m.mode().equals("hdr")).toList();
        tail = hdr.isEmpty() ? tail : hdr;
        if (tail.isEmpty()) {
            return Bound.notMeasured("no p99.99 figure");
        }
        Measurement worst = tail.stream().max(Comparator.comparingDouble(Scorecard::micros)).orElseThrow();
        double us = micros(worst);
        int counts = (int) tail.stream().map(Measurement::threads).distinct().count();
        String detail = "worst " + org.epocharena.report.page.Figures.num(us) + " us at " + worst.threads() + " thread"
                + (worst.threads() == 1 ? "" : "s") + " (" + counts + " thread count" + (counts == 1 ? "" : "s") + ")";
        return new Bound(us <= LATENCY_BOUND_US ? Bound.Status.MET : Bound.Status.NOT_MET, detail,
                "worst " + org.epocharena.report.page.Figures.num(us) + " us, t=" + worst.threads());
    }

    private static double micros(Measurement m) {
        return m.value() * TimeUnits.nanosPer(m.unit()) / 1e3;
    }

    /**
     * The most-threads (1000 or more) throughput as a share of the 2-thread one, on the first
     * higher-is-better rate headline measured at both; met unless its interval lies wholly below
     * 1 - the floor (a significant degradation).
     */
    private static Bound scalingBound(String impl, List<Measurement> all, Catalog catalog) {
        for (Catalog.HarnessView hv : catalog.headlineViews(all)) {
            Headline h = hv.headline();
            if (!h.higherBetter() || !hv.sample().unit().startsWith("ops/")) {
                continue;
            }
            List<Measurement> mine = pointsOf(h, all).stream().filter(m -> m.implementation().equals(impl)).toList();
            Measurement two = mine.stream().filter(m -> m.threads() == 2).findFirst().orElse(null);
            Measurement most = mine.stream().filter(m -> m.threads() >= 1000)
                    .filter(m -> two != null && m.settingText().equals(two.settingText()))
                    .max(Comparator.comparingInt(Measurement::threads)).orElse(null);
            if (two == null || most == null) {
                continue;
            }
            RatioEstimate share = Family.estimate(List.of(new Family.Pair(most, two))).get(0);
            boolean degraded = share.bounded() && share.high() < 1 - h.floorRelative();
            String detail = most.threads() + "/2 threads = " + org.epocharena.report.page.Figures.num(share.ratio())
                    + (share.intervalText().isEmpty() ? "" : " (" + share.intervalText() + ")")
                    + (share.basis() == Basis.ITERATIONS ? ", indicative" : "");
            return new Bound(degraded ? Bound.Status.NOT_MET : Bound.Status.MET, detail,
                    "share " + org.epocharena.report.page.Figures.num(share.ratio()));
        }
        return Bound.notMeasured("no throughput at 2 and 1000+ threads");
    }

    public List<Column> columns() {
        return columns;
    }

    /** Cells per implementation, designs first; a null cell was not measured. */
    public Map<String, List<Cell>> rows() {
        return rows;
    }

    public Map<String, Bound> latencyBound() {
        return latencyBound;
    }

    public Map<String, Bound> scalingBound() {
        return scalingBound;
    }

    public boolean isBaseline(String impl) {
        return catalog.isBaseline(impl);
    }

    /** FORKS when every comparison had fork-level evidence; ITERATIONS when some are only indicative. */
    public Basis weakestBasis() {
        return weakestBasis;
    }
}

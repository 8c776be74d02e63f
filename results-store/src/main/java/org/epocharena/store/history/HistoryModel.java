package org.epocharena.store.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.epocharena.store.db.StoredFigure;
import org.epocharena.store.db.StoredRun;
import org.epocharena.store.run.Machine;

/** Everything the history page shows, computed from the stored runs and figures. */
record HistoryModel(List<StoredRun> runs, Map<String, Machine> machines, List<Trend> trends, List<ChangeRow> changes,
                    MachinesView machinesView, double alpha) {

    /** One change point, for the table that opens the page. */
    record ChangeRow(Trend trend, String impl, ChangePoints.ChangePoint change, StoredFigure before, StoredFigure after) {
    }

    /**
     * @param include which figures to show (by {@link FigureKey#title()}); the machines view and trends both
     * @param alpha   the change-point test's family-wise significance level per segment
     */
    static HistoryModel build(List<StoredRun> runs, List<StoredFigure> figures, Predicate<String> include, double alpha) {
        Map<String, Machine> machines = new LinkedHashMap<>();
        // A trend only compares runs made under the same conditions: one machine and one profile (a smoke
        // run's 40 ms iterations against a full run's would show a change no commit made).
        Map<String, List<StoredRun>> runsByConditions = new LinkedHashMap<>();
        for (StoredRun r : runs) {
            machines.putIfAbsent(r.machine().fingerprint(), r.machine());
            runsByConditions.computeIfAbsent(conditions(r), k -> new ArrayList<>()).add(r);
        }
        List<StoredFigure> shown = figures.stream().filter(f -> include.test(FigureKey.of(f).title())).toList();

        // machine and profile -> figure -> impl -> figures in run order (figures come in run order)
        Map<String, Map<FigureKey, Map<String, List<StoredFigure>>>> grouped = new TreeMap<>();
        for (StoredFigure f : shown) {
            grouped.computeIfAbsent(conditions(f.run()), k -> new TreeMap<>())
                    .computeIfAbsent(FigureKey.of(f), k -> new TreeMap<>())
                    .computeIfAbsent(f.impl(), k -> new ArrayList<>()).add(f);
        }
        List<Trend> trends = new ArrayList<>();
        List<ChangeRow> changes = new ArrayList<>();
        grouped.forEach((conditions, byKey) -> byKey.forEach((key, byImpl) -> {
            if (byImpl.values().stream().noneMatch(l -> l.stream().map(StoredFigure::run).distinct().count() >= 2)) {
                return; // one run: nothing to trend
            }
            Map<String, List<ChangePoints.ChangePoint>> found = new TreeMap<>();
            byImpl.forEach((impl, list) -> {
                ChangePoints cp = new ChangePoints(alpha, list.get(list.size() - 1).floor());
                found.put(impl, cp.find(list.stream().map(f -> new ChangePoints.Point(f.run().gitCommit(),
                        f.samples().length > 0 ? f.samples() : new double[] {f.score()})).toList()));
            });
            List<StoredRun> withData = runsByConditions.get(conditions).stream()
                    .filter(r -> byImpl.values().stream().anyMatch(l -> l.stream().anyMatch(f -> f.run() == r))).toList();
            Trend t = new Trend("trend-" + (trends.size() + 1), withData.get(0).machine(), withData.get(0).profile(), key,
                    withData, byImpl, found);
            trends.add(t);
            found.forEach((impl, list) -> list.forEach(c -> changes.add(new ChangeRow(t, impl, c,
                    byImpl.get(impl).get(c.index() - 1), byImpl.get(impl).get(c.index())))));
        }));
        changes.sort(Comparator.comparing((ChangeRow c) -> c.after().run().startedAt()).reversed());
        return new HistoryModel(runs, machines, trends, changes, MachinesView.of(runs, shown), alpha);
    }

    private static String conditions(StoredRun r) {
        return r.machine().label() + "\u0000" + r.machine().fingerprint() + "\u0000" + r.profile();
    }
}

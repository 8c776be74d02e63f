package org.epocharena.store.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.epocharena.runformat.Direction;
import org.epocharena.store.db.StoredFigure;
import org.epocharena.store.db.StoredRun;

/**
 * The same figures on several machines, side by side: each machine's latest run of one profile (the
 * newest run's: figures of different profiles are not comparable), every figure that at
 * least two machines measured, and per machine the winning design (arena designs only; baselines are
 * shown, not crowned). A winner is clear only when its error interval does not overlap the runner-up's.
 */
record MachinesView(String profile, List<StoredRun> latest, List<Row> rows) {

    /** A machine's winner for one figure; {@code clear} false means within the errors of the runner-up. */
    record Winner(String impl, boolean clear) {
    }

    /** One figure across machines: per machine (latest-run order), per implementation, its value. */
    record Row(FigureKey key, Direction direction, List<Map<String, StoredFigure>> perMachine,
               List<Optional<Winner>> winners) {

        /** True when at least two machines have a clear winner and those winners differ. */
        boolean winnerDiffers() {
            return winners.stream().flatMap(Optional::stream).filter(Winner::clear).map(Winner::impl).distinct().count() > 1;
        }
    }

    /** @param runs every run, oldest first */
    static MachinesView of(List<StoredRun> runs, List<StoredFigure> figures) {
        if (runs.isEmpty()) {
            return new MachinesView("", List.of(), List.of());
        }
        String profile = runs.get(runs.size() - 1).profile();
        Map<String, StoredRun> latestByMachine = new TreeMap<>();
        runs.stream().filter(r -> r.profile().equals(profile))
                .forEach(r -> latestByMachine.put(r.machine().label() + r.machine().fingerprint(), r));
        List<StoredRun> latest = List.copyOf(latestByMachine.values());
        if (latest.size() < 2) {
            return new MachinesView(profile, latest, List.of());
        }
        Map<FigureKey, List<Map<String, StoredFigure>>> byKey = new TreeMap<>();
        for (StoredFigure f : figures) {
            int m = latest.indexOf(f.run());
            if (m < 0) {
                continue;
            }
            List<Map<String, StoredFigure>> cells = byKey.computeIfAbsent(FigureKey.of(f), k -> {
                List<Map<String, StoredFigure>> l = new ArrayList<>();
                latest.forEach(r -> l.add(new TreeMap<>()));
                return l;
            });
            cells.get(m).put(f.impl(), f);
        }
        List<Row> rows = new ArrayList<>();
        byKey.forEach((key, cells) -> {
            if (cells.stream().filter(c -> !c.isEmpty()).count() < 2) {
                return;
            }
            Direction d = cells.stream().flatMap(c -> c.values().stream()).findFirst().map(StoredFigure::direction)
                    .orElse(Direction.UNKNOWN);
            rows.add(new Row(key, d, cells, cells.stream().map(c -> winner(c, d)).toList()));
        });
        return new MachinesView(profile, latest, rows);
    }

    static Optional<Winner> winner(Map<String, StoredFigure> byImpl, Direction d) {
        if (d == Direction.UNKNOWN) {
            return Optional.empty();
        }
        List<StoredFigure> candidates = byImpl.values().stream().filter(f -> !f.baseline())
                .filter(f -> Double.isFinite(f.score())).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Comparator<StoredFigure> best = Comparator.comparingDouble(StoredFigure::score);
        List<StoredFigure> ranked = new ArrayList<>(candidates);
        ranked.sort(d == Direction.HIGHER_IS_BETTER ? best.reversed() : best);
        StoredFigure first = ranked.get(0);
        if (ranked.size() == 1) {
            return Optional.of(new Winner(first.impl(), true));
        }
        StoredFigure second = ranked.get(1);
        double e1 = Double.isFinite(first.error()) ? first.error() : Double.POSITIVE_INFINITY;
        double e2 = Double.isFinite(second.error()) ? second.error() : Double.POSITIVE_INFINITY;
        boolean clear = Math.abs(first.score() - second.score()) > e1 + e2;
        return Optional.of(new Winner(first.impl(), clear));
    }

    /** Rows whose winner differs between machines. */
    List<Row> differing() {
        return rows.stream().filter(Row::winnerDiffers).toList();
    }
}

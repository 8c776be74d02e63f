package org.epocharena.store.history;

import java.util.List;
import java.util.Map;
import org.epocharena.store.db.StoredFigure;
import org.epocharena.store.db.StoredRun;
import org.epocharena.store.run.Machine;

/**
 * One figure's history on one machine under one profile: the runs (the x axis, oldest first), each
 * implementation's values in those runs, and the change points found in each.
 *
 * @param runs    the machine's runs that measured this figure, oldest first; a value's x is its run's index here
 * @param byImpl  per implementation, its figures in run order
 * @param changes per implementation, the change points (indexes into that implementation's list)
 */
record Trend(String id, Machine machine, String profile, FigureKey key, List<StoredRun> runs, Map<String, List<StoredFigure>> byImpl,
             Map<String, List<ChangePoints.ChangePoint>> changes) {
}

package org.epocharena.store.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epocharena.runformat.Catalog;
import org.epocharena.runformat.RunFormatException;
import org.epocharena.runformat.RunManifest;
import org.epocharena.store.run.Machine;

/** Reads every run and figure back, oldest run first, for the history page. */
public final class HistoryQuery {
    private HistoryQuery() {
    }

    public static List<StoredRun> runs(ResultsStore store) throws SQLException {
        List<StoredRun> runs = new ArrayList<>();
        try (PreparedStatement ps = store.connection().prepareStatement("SELECT r.content_hash, r.git_commit, r.profile, "
                + "r.started_at, r.source_path, r.manifest_json, m.cpu_model, m.cores, m.memory_bytes, m.os, m.jvm_name, "
                + "m.jvm_version, m.jvm_flags FROM run r JOIN machine m ON m.fingerprint = r.machine "
                + "ORDER BY r.started_at, r.content_hash");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Machine m = new Machine(rs.getString(7), rs.getInt(8), rs.getLong(9), rs.getString(10), rs.getString(11),
                        rs.getString(12), rs.getString(13));
                runs.add(new StoredRun(rs.getString(1), m, rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), catalog(rs.getString(6), rs.getString(1))));
            }
        }
        return runs;
    }

    /** The catalog of a stored run's manifest; a manifest the importer took is one the reader takes. */
    private static Catalog catalog(String manifestJson, String run) {
        try {
            return Catalog.of(manifestJson == null ? null : RunManifest.parse(manifestJson, "manifest of run " + run));
        } catch (RunFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Every figure of {@code runs}, in run order, each with its samples. */
    public static List<StoredFigure> figures(ResultsStore store, List<StoredRun> runs) throws SQLException {
        Map<String, StoredRun> byId = new LinkedHashMap<>();
        runs.forEach(r -> byId.put(r.id(), r));
        Map<String, List<Double>> samples = new HashMap<>();
        try (PreparedStatement ps = store.connection().prepareStatement(
                "SELECT run, figure_no, value FROM sample ORDER BY run, figure_no, fork, iteration");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                double v = number(rs, 3);
                samples.computeIfAbsent(rs.getString(1) + "#" + rs.getInt(2), k -> new ArrayList<>()).add(v);
            }
        }
        List<StoredFigure> out = new ArrayList<>();
        try (PreparedStatement ps = store.connection().prepareStatement("SELECT run, figure_no, harness, benchmark, impl, "
                + "baseline, params, mode, threads, metric, unit, score, score_error FROM figure ORDER BY run, figure_no");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                StoredRun run = byId.get(rs.getString(1));
                if (run == null) {
                    continue;
                }
                double[] values = samples.getOrDefault(rs.getString(1) + "#" + rs.getInt(2), List.of()).stream()
                        .mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
                out.add(new StoredFigure(run, rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6) == 1,
                        rs.getString(7), rs.getString(8), rs.getInt(9), rs.getString(10), rs.getString(11),
                        number(rs, 12), number(rs, 13), values));
            }
        }
        Map<String, Integer> position = new HashMap<>();
        runs.forEach(r -> position.put(r.id(), position.size()));
        out.sort(java.util.Comparator.comparingInt(f -> position.get(f.run().id())));
        return out;
    }

    private static double number(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }
}

package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.epocharena.runformat.IntervalLogReader;
import org.epocharena.runformat.JmhResultReader;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Figures stored before the store read runs with the report's readers, renamed as the importer now names
 * them, so that a trend runs on across the change: the benchmark "Class.method" rather than fully
 * qualified, the primary result "score" rather than "", and the interval-log percentiles in microseconds
 * under the benchmark "HdrHistogram" rather than in nanoseconds under "harness.hdr". Plain JDBC on purpose:
 * the same statements run on SQLite and PostgreSQL.
 */
public class V2__figures_named_as_the_report_names_them extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE sample SET value = value / 1000 WHERE EXISTS (SELECT 1 FROM figure f WHERE "
                    + "f.run = sample.run AND f.figure_no = sample.figure_no AND f.mode = 'hdr' AND f.unit = 'ns')");
            s.executeUpdate("UPDATE figure SET score = score / 1000, score_error = score_error / 1000, unit = 'us', "
                    + "benchmark = '" + IntervalLogReader.BENCHMARK + "' WHERE mode = 'hdr' AND unit = 'ns'");
            s.executeUpdate("UPDATE figure SET metric = 'score' WHERE metric = ''");
        }
        List<String> qualified = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT benchmark FROM figure")) {
            while (rs.next()) {
                String b = rs.getString(1);
                if (!JmhResultReader.simpleName(b).equals(b)) {
                    qualified.add(b);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE figure SET benchmark = ? WHERE benchmark = ?")) {
            for (String b : qualified) {
                ps.setString(1, JmhResultReader.simpleName(b));
                ps.setString(2, b);
                ps.executeUpdate();
            }
        }
    }
}

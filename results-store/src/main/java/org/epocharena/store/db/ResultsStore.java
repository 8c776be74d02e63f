package org.epocharena.store.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import org.epocharena.runformat.Measurement;
import org.epocharena.store.run.Machine;
import org.epocharena.store.run.RunRecord;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The results store behind a JDBC URL: an SQLite file ({@code jdbc:sqlite:reports/results.db}) or a
 * PostgreSQL server ({@code jdbc:postgresql://host/db}). Opening it brings the schema up to date with
 * Flyway ({@code db/migration}); the same scripts serve both databases.
 */
public final class ResultsStore implements AutoCloseable {
    /** What {@link #record} did with a run. */
    public enum Outcome { IMPORTED, ALREADY_STORED }

    private final Connection connection;
    private final String url;

    private ResultsStore(Connection connection, String url) {
        this.connection = connection;
        this.url = url;
    }

    /**
     * Connects and migrates. An SQLite file that does not exist is created only when {@code create}
     * (importing); reading a store that is not there fails instead of leaving an empty file behind.
     *
     * @throws StoreUnavailableException with the URL (password hidden) and the driver's reason
     */
    public static ResultsStore open(String url, String user, String password, boolean create) {
        if (url.startsWith("jdbc:sqlite:")) {
            checkSqliteFile(url, create);
        } else if (!url.startsWith("jdbc:postgresql:")) {
            throw new StoreUnavailableException("unsupported store URL " + redact(url)
                    + ": use jdbc:sqlite:FILE or jdbc:postgresql://HOST[:PORT]/DATABASE", null);
        }
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        Connection c;
        try {
            c = DriverManager.getConnection(url, props);
            if (url.startsWith("jdbc:sqlite:")) {
                // SQLite opens any file lazily; read its header now, before Flyway (which spends ~10 s retrying).
                try (java.sql.Statement s = c.createStatement()) {
                    s.executeQuery("SELECT COUNT(*) FROM sqlite_master").close();
                } catch (SQLException e) {
                    close(c);
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot connect to the results store " + redact(url) + ": "
                    + e.getMessage(), e);
        }
        try {
            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                    .failOnMissingLocations(true).load().migrate();
        } catch (FlywayException e) {
            close(c);
            throw new StoreUnavailableException("cannot bring the results store " + redact(url)
                    + " to the current schema: " + e.getMessage(), e);
        }
        return new ResultsStore(c, url);
    }

    private static void checkSqliteFile(String url, boolean create) {
        String file = url.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        file = query < 0 ? file : file.substring(0, query);
        if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path path = Path.of(file).toAbsolutePath();
        if (!create && !Files.isRegularFile(path)) {
            throw new StoreUnavailableException("no results store at " + path + " (import a run first: import RUN_DIR)", null);
        }
        if (create && !Files.isDirectory(path.getParent())) {
            throw new StoreUnavailableException("cannot create the results store " + path + ": folder "
                    + path.getParent() + " does not exist", null);
        }
    }

    /** The URL for messages and pages: any password in it replaced by ***. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*:[^/@]*@", "//***@");
    }

    public String url() {
        return redact(url);
    }

    Connection connection() {
        return connection;
    }

    /**
     * Writes one run, its machine, figures and samples in one transaction. A run already stored (same
     * content hash) is left as it is and nothing is written.
     */
    public Outcome record(RunRecord run) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            // ON CONFLICT DO NOTHING (SQLite 3.24+, PostgreSQL 9.5+): runners of a fleet may race on one machine.
            insertMachine(run.machine());
            if (!insertRun(run)) {
                connection.rollback();
                return Outcome.ALREADY_STORED;
            }
            insertFigures(run);
            connection.commit();
            return Outcome.IMPORTED;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private void insertMachine(Machine m) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO machine (fingerprint, cpu_model, cores, "
                + "memory_bytes, os, jvm_name, jvm_version, jvm_flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (fingerprint) DO NOTHING")) {
            ps.setString(1, m.fingerprint());
            ps.setString(2, m.cpuModel());
            ps.setInt(3, m.cores());
            ps.setLong(4, m.memoryBytes());
            ps.setString(5, m.os());
            ps.setString(6, m.jvmName());
            ps.setString(7, m.jvmVersion());
            ps.setString(8, m.jvmFlags());
            ps.executeUpdate();
        }
    }

    private boolean insertRun(RunRecord r) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO run (content_hash, machine, git_commit, "
                + "profile, started_at, command_line, source_path, imported_at, env_json, manifest_json) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (content_hash) DO NOTHING")) {
            ps.setString(1, r.contentHash());
            ps.setString(2, r.machine().fingerprint());
            ps.setString(3, r.gitCommit());
            ps.setString(4, r.profile());
            ps.setString(5, r.startedAt());
            ps.setString(6, r.commandLine());
            ps.setString(7, r.sourcePath());
            ps.setString(8, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
            ps.setString(9, r.envJson());
            ps.setString(10, r.manifestJson());
            return ps.executeUpdate() == 1;
        }
    }

    private void insertFigures(RunRecord r) throws SQLException {
        try (PreparedStatement f = connection.prepareStatement("INSERT INTO figure (run, figure_no, source_file, harness, "
                + "benchmark, impl, baseline, params, mode, threads, metric, unit, score, score_error) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement s = connection.prepareStatement(
                     "INSERT INTO sample (run, figure_no, fork, iteration, value) VALUES (?, ?, ?, ?, ?)")) {
            List<Measurement> figures = r.figures();
            for (int i = 0; i < figures.size(); i++) {
                Measurement x = figures.get(i);
                f.setString(1, r.contentHash());
                f.setInt(2, i);
                f.setString(3, x.source());
                f.setString(4, x.harness());
                f.setString(5, x.benchmark());
                f.setString(6, x.implementation());
                f.setInt(7, x.baseline() ? 1 : 0);
                f.setString(8, r.setting(x));
                f.setString(9, x.mode());
                f.setInt(10, x.threads());
                f.setString(11, x.metric());
                f.setString(12, x.unit());
                number(f, 13, x.value());
                number(f, 14, x.error());
                f.addBatch();
                for (int fork = 0; fork < x.forks().length; fork++) {
                    double[] values = x.forks()[fork];
                    for (int it = 0; it < values.length; it++) {
                        s.setString(1, r.contentHash());
                        s.setInt(2, i);
                        s.setInt(3, fork);
                        s.setInt(4, it);
                        number(s, 5, values[it]);
                        s.addBatch();
                    }
                }
            }
            f.executeBatch();
            s.executeBatch();
        }
    }

    /** NaN and the infinities become NULL: SQLite cannot keep NaN, and both databases then read the same. */
    private static void number(PreparedStatement ps, int index, double v) throws SQLException {
        if (Double.isFinite(v)) {
            ps.setDouble(index, v);
        } else {
            ps.setNull(index, Types.DOUBLE);
        }
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // already failing: the first error is the one to report
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

package org.epocharena.store;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.epocharena.report.OneLineErrors;
import org.epocharena.store.db.HistoryQuery;
import org.epocharena.store.db.ResultsStore;
import org.epocharena.store.db.StoreUnavailableException;
import org.epocharena.store.db.StoredFigure;
import org.epocharena.store.db.StoredRun;
import org.epocharena.store.history.HistoryPage;
import org.epocharena.store.run.BadRunException;
import org.epocharena.store.run.RunFolder;
import org.epocharena.store.run.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar results-store.jar import RUN_DIR...} records runs; {@code ... history --out DIR}
 * builds the history page. Exit codes: 0 ok, 2 bad usage, 6 a run refused (corrupt or foreign file;
 * nothing of it written), 7 the store cannot be opened (nothing written).
 */
@Command(name = "results-store", mixinStandardHelpOptions = true, version = "epocharena results-store 0.1",
        description = "Records benchmark runs in a results store (SQLite file or PostgreSQL) and builds the history page.",
        subcommands = {StoreCli.Import.class, StoreCli.History.class},
        footer = {"", "Exit codes: 0 ok, 2 bad usage, 6 a run refused (nothing of it written), 7 store unavailable."})
public final class StoreCli implements Callable<Integer> {
    static final int OK = 0;
    static final int USAGE = OneLineErrors.USAGE;
    static final int BAD_RUN = 6;
    static final int STORE_UNAVAILABLE = 7;
    private static final OneLineErrors ERRORS = new OneLineErrors("results-store",
            "Usage: results-store import [--db URL] RUN_DIR... | history [--db URL] --out DIR (--help)", StoreCli::failure);
    static final String DEFAULT_DB = "jdbc:sqlite:reports/results.db";
    /** Held so the level sticks (java.util.logging keeps loggers weakly): Flyway's INFO lines are noise here. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    @Override
    public Integer call() {
        return ERRORS.fail("name a command: import RUN_DIR... | history --out DIR (--help for more)", USAGE);
    }

    /** Where the store is and who connects: the same options for every command. */
    static final class StoreOptions {
        @Option(names = "--db", paramLabel = "JDBC_URL",
                description = "The store: jdbc:sqlite:FILE or jdbc:postgresql://HOST[:PORT]/DB. "
                        + "Default: $EPOCHARENA_DB_URL, else " + DEFAULT_DB + ".")
        String url;

        @Option(names = "--user", paramLabel = "NAME", description = "Database user. Default: $EPOCHARENA_DB_USER.")
        String user;

        @Option(names = "--password-env", paramLabel = "VAR", defaultValue = "EPOCHARENA_DB_PASSWORD",
                description = "Environment variable holding the password (a password on the command line would show "
                        + "in ps and in logs). Default: ${DEFAULT-VALUE}.")
        String passwordEnv;

        ResultsStore open(boolean create) {
            String u = url != null ? url : env("EPOCHARENA_DB_URL", DEFAULT_DB);
            return ResultsStore.open(u, user != null ? user : System.getenv("EPOCHARENA_DB_USER"),
                    System.getenv(passwordEnv), create);
        }

        private static String env(String name, String fallback) {
            String v = System.getenv(name);
            return v == null || v.isBlank() ? fallback : v;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Records run folders (e.g. reports/runs/*). A run already stored is left as it is; a run with "
                    + "a corrupt or foreign file is refused whole, naming the file.")
    static final class Import implements Callable<Integer> {
        @Mixin
        StoreOptions db;

        @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "Run folders written by run-bench.sh.")
        List<Path> runs;

        @Override
        public Integer call() throws SQLException {
            PrintWriter out = new PrintWriter(System.out, true);
            // Every folder is read and checked before the store is opened: when all are refused, not even an
            // empty store file is left behind.
            Map<Path, RunRecord> readable = new LinkedHashMap<>();
            for (Path dir : runs) {
                try {
                    readable.put(dir, RunFolder.read(dir));
                } catch (BadRunException e) {
                    System.err.println("results-store: refused " + dir + ": " + e.getMessage());
                }
            }
            if (!readable.isEmpty()) {
                try (ResultsStore store = db.open(true)) {
                    for (Map.Entry<Path, RunRecord> e : readable.entrySet()) {
                        RunRecord run = e.getValue();
                        ResultsStore.Outcome o = store.record(run);
                        out.println((o == ResultsStore.Outcome.IMPORTED ? "imported " : "already stored ") + e.getKey()
                                + " (run " + run.contentHash().substring(0, 12) + ", commit " + run.gitCommit() + ", "
                                + run.figures().size() + " figures) into " + store.url());
                    }
                }
            }
            return readable.size() == runs.size() ? OK : BAD_RUN;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "Builds the history page: trends of every figure over commits with change points, and "
                    + "machines side by side.")
    static final class History implements Callable<Integer> {
        @Mixin
        StoreOptions db;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for index.html and charts/.")
        Path out;

        @Option(names = "--figure", paramLabel = "REGEX",
                description = "Only figures whose title matches, e.g. 'score|p99\\.99|gc.alloc.rate.norm'. Default: all.")
        String figure;

        @Option(names = "--profile", paramLabel = "NAME",
                description = "Only runs of this profile (smoke, quick, full). Default: every profile, each trended apart.")
        String profile;

        @Option(names = "--alpha", paramLabel = "P", defaultValue = "" + HistoryPage.ALPHA,
                description = "Significance level of each change-point test, before the Bonferroni correction. "
                        + "Default: ${DEFAULT-VALUE}.")
        double alpha;

        @Override
        public Integer call() throws Exception {
            if (!(alpha > 0 && alpha < 1)) {
                return ERRORS.fail("--alpha must be between 0 and 1 (exclusive), got " + alpha, USAGE);
            }
            Predicate<String> include = s -> true;
            if (figure != null) {
                try {
                    include = Pattern.compile(figure).asPredicate();
                } catch (PatternSyntaxException e) {
                    return ERRORS.fail("--figure is not a regular expression: " + e.getDescription() + " in '" + figure
                            + "'", USAGE);
                }
            }
            try (ResultsStore store = db.open(false)) {
                List<StoredRun> runs = HistoryQuery.runs(store).stream()
                        .filter(r -> profile == null || r.profile().equals(profile)).toList();
                List<StoredFigure> figures = HistoryQuery.figures(store, runs);
                HistoryPage.Summary s = HistoryPage.write(runs, figures, include, alpha, store.url(), out);
                System.out.println("History: " + out.toAbsolutePath().normalize().resolve("index.html"));
                System.out.println("  " + s.runs() + " runs on " + s.machines() + " machine(s), " + s.trends()
                        + " trend charts, " + s.changePoints() + " change point(s), winner differs between machines in "
                        + s.winnerDiffers() + " figure(s)");
            }
            return OK;
        }
    }

    /** Runs the CLI and returns the exit code (tests call this; main exits with it). */
    public static int execute(String... args) {
        System.setProperty("java.awt.headless", "true");
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
        return ERRORS.execute(new StoreCli(), args);
    }

    private static OneLineErrors.Failure failure(Exception ex) {
        if (ex instanceof StoreUnavailableException) {
            return new OneLineErrors.Failure(ex.getMessage(), STORE_UNAVAILABLE);
        }
        if (ex instanceof SQLException) {
            return new OneLineErrors.Failure("the store failed, nothing of the current run was kept: " + ex.getMessage(),
                    STORE_UNAVAILABLE);
        }
        return new OneLineErrors.Failure("failed: " + ex, BAD_RUN);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}

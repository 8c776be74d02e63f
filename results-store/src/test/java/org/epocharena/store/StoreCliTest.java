package org.epocharena.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.epocharena.report.CapturedOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class StoreCliTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final CapturedOutput printed = new CapturedOutput();

    private String db() {
        return "jdbc:sqlite:" + dir.resolve("results.db");
    }

    @Test
    void importsRunsThenSaysTheyAreAlreadyStoredThenDrawsTheHistory() {
        String[] runs = TestRuns.ALL.stream().map(r -> TestRuns.fixture(r).toString()).toArray(String[]::new);
        String[] args = new String[runs.length + 3];
        args[0] = "import";
        args[1] = "--db";
        args[2] = db();
        System.arraycopy(runs, 0, args, 3, runs.length);
        assertThat(StoreCli.execute(args)).isEqualTo(0);
        assertThat(printed.out()).contains("imported " + runs[0]).doesNotContain("already stored");
        printed.reset();
        assertThat(StoreCli.execute(args)).isEqualTo(0);
        assertThat(printed.out()).contains("already stored " + runs[6]).doesNotContain("imported ");

        Path page = dir.resolve("history");
        assertThat(StoreCli.execute("history", "--db", db(), "--out", page.toString())).isEqualTo(0);
        assertThat(page.resolve("index.html")).isNotEmptyFile();
        assertThat(printed.out()).contains("7 runs on 2 machine(s), 20 trend charts, 4 change point(s)");
    }

    @Test
    void aCorruptRunIsRefusedByNameAndTheOthersAreStillImported() throws Exception {
        Path bad = TestRuns.copy("a-3", dir);
        Files.writeString(bad.resolve("raw/jmh-latency.json"), "[{\"benchmark\":");
        int code = StoreCli.execute("import", "--db", db(), TestRuns.fixture("a-1").toString(), bad.toString());
        assertThat(code).isEqualTo(StoreCli.BAD_RUN);
        assertThat(printed.err()).contains("refused " + bad).contains("jmh-latency.json").contains("not valid JSON");
        assertThat(printed.out()).contains("imported " + TestRuns.fixture("a-1"));
        Path page = dir.resolve("page");
        assertThat(StoreCli.execute("history", "--db", db(), "--out", page.toString())).isEqualTo(0);
        assertThat(printed.out()).as("only the good run is in the store").contains("1 runs on 1 machine(s)");
    }

    @Test
    void whenEveryRunIsRefusedNoStoreIsCreated() throws Exception {
        Path foreign = Files.createDirectories(dir.resolve("node_modules"));
        Files.writeString(foreign.resolve("package.json"), "{}");
        assertThat(StoreCli.execute("import", "--db", db(), foreign.toString())).isEqualTo(StoreCli.BAD_RUN);
        assertThat(printed.err()).contains("refused " + foreign).contains("env.json").contains("missing");
        assertThat(dir.resolve("results.db")).doesNotExist();
    }

    @Test
    void aStoreThatIsNotThereIsAClearErrorAndNothingIsCreated() {
        Path absent = dir.resolve("absent.db");
        assertThat(StoreCli.execute("history", "--db", "jdbc:sqlite:" + absent, "--out", dir.resolve("p").toString()))
                .isEqualTo(StoreCli.STORE_UNAVAILABLE);
        assertThat(printed.err()).contains("no results store at " + absent);
        assertThat(absent).doesNotExist();
        assertThat(dir.resolve("p")).doesNotExist();
    }

    @Test
    void aServerThatRefusesTheConnectionIsAClearError() {
        int code = StoreCli.execute("import", "--db", "jdbc:postgresql://127.0.0.1:1/results?password=secret&connectTimeout=5",
                TestRuns.fixture("a-1").toString());
        assertThat(code).isEqualTo(StoreCli.STORE_UNAVAILABLE);
        assertThat(printed.err()).contains("cannot connect to the results store jdbc:postgresql://127.0.0.1:1/results")
                .contains("password=***").doesNotContain("secret");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(StoreCli.execute()).isEqualTo(StoreCli.USAGE);
        assertThat(StoreCli.execute("import")).isEqualTo(StoreCli.USAGE);
        assertThat(StoreCli.execute("history", "--db", db())).as("--out is required").isEqualTo(StoreCli.USAGE);
        assertThat(StoreCli.execute("history", "--out", "x", "--figure", "p99(")).isEqualTo(StoreCli.USAGE);
        assertThat(printed.err()).contains("--figure is not a regular expression");
        assertThat(StoreCli.execute("history", "--out", "x", "--alpha", "1.5")).isEqualTo(StoreCli.USAGE);
        assertThat(printed.err()).contains("--alpha must be between 0 and 1 (exclusive), got 1.5");
        assertThat(StoreCli.execute("import", "--db", "jdbc:mysql://h/db", TestRuns.fixture("a-1").toString()))
                .isEqualTo(StoreCli.STORE_UNAVAILABLE);
        assertThat(printed.err()).contains("unsupported store URL jdbc:mysql://h/db");
    }
}

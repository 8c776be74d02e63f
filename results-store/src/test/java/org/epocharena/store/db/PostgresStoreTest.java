package org.epocharena.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.epocharena.store.StoreCli;
import org.epocharena.store.TestRuns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract on a real PostgreSQL server: the one {@code .ci/run} starts and names in
 * {@code EPOCHARENA_TEST_PG_URL}. Each test works in a schema of its own, dropped afterwards. Without the
 * URL the tests are skipped on a developer's machine, and FAIL in CI ({@code CI=true}), so that a broken
 * server setup cannot pass as green.
 */
class PostgresStoreTest extends StoreContract {
    static final String URL_VARIABLE = "EPOCHARENA_TEST_PG_URL";
    private final List<String> schemas = new ArrayList<>();
    private String serverUrl;

    @BeforeEach
    void server() {
        serverUrl = System.getenv(URL_VARIABLE);
        if (serverUrl == null || serverUrl.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(URL_VARIABLE + " is not set although CI=true: .ci/run must start PostgreSQL for this test");
            }
            assumeTrue(false, URL_VARIABLE + " is not set: no PostgreSQL server to test against (.ci/run starts one)");
        }
    }

    @Override
    String emptyStoreUrl() throws Exception {
        String schema = "store_test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        schemas.add(schema);
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @AfterEach
    void dropSchemas() throws Exception {
        if (schemas.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            for (String schema : schemas) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void theCommandLineImportsIntoPostgresqlAndDrawsTheHistoryFromIt(@TempDir Path out) throws Exception {
        String url = emptyStoreUrl();
        for (String r : TestRuns.ALL) {
            assertThat(StoreCli.execute("import", "--db", url, TestRuns.fixture(r).toString())).isEqualTo(0);
        }
        assertThat(StoreCli.execute("history", "--db", url, "--out", out.toString())).isEqualTo(0);
        assertThat(Files.readString(out.resolve("index.html")))
                .contains("7 runs of 2 commits on 2 machines", "id=\"machines-table\"");
    }
}

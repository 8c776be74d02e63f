package org.epocharena.store.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.epocharena.store.StoreCli;
import org.epocharena.store.TestRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens history pages built by the command line in Debian's headless Chromium, as a reader would: the
 * trend charts and the machines tables must be there, every image must decode, the console must stay free
 * of errors and nothing may come from outside the page's folder. One page from the test runs (two
 * machines, planted changes), one from three real smoke runs. Skipped, with the reason, where chromium or
 * chromedriver is not installed; .ci/run installs both. Screenshots are left in target/.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // hang guard only
class HistoryPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static ChromeDriverService service;
    private static ChromeDriver driver;

    @BeforeAll
    static void browser(@TempDir Path profile) {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM + " (apt-get install chromium)");
        assumeTrue(Files.isExecutable(CHROMEDRIVER),
                "chromedriver is not installed at " + CHROMEDRIVER + " (apt-get install chromium-driver)");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1300,900", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void quit() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    /** Imports {@code runs}, builds the page, opens it and checks what every page must satisfy. */
    private static JavascriptExecutor open(List<Path> runs, Path dir) {
        String db = "jdbc:sqlite:" + dir.resolve("results.db");
        for (Path r : runs) {
            assertThat(StoreCli.execute("import", "--db", db, r.toString())).isEqualTo(0);
        }
        Path page = dir.resolve("history");
        assertThat(StoreCli.execute("history", "--db", db, "--out", page.toString())).isEqualTo(0);
        driver.get(page.resolve("index.html").toUri().toString());
        JavascriptExecutor js = driver;

        @SuppressWarnings("unchecked")
        List<String> trends = (List<String>) js.executeScript("return Array.from(document.querySelectorAll("
                + "'figure.trend img')).map(i => i.getAttribute('src') + ' ' + i.complete + ' ' + i.naturalWidth);");
        assertThat(trends).isNotEmpty().allSatisfy(i -> assertThat(i).as("trend chart src, complete, naturalWidth")
                .matches("charts/trend-\\d+\\.png true " + TrendChart.WIDTH));
        @SuppressWarnings("unchecked")
        List<Boolean> decoded = (List<Boolean>) js.executeScript(
                "return Array.from(document.images).map(i => i.complete && i.naturalWidth > 0 && i.naturalHeight > 0);");
        Object machineCharts = js.executeScript("return document.querySelectorAll('figure.machines img').length;");
        assertThat(decoded).as("every image decodes").hasSize(trends.size() + ((Number) machineCharts).intValue())
                .containsOnly(true);
        assertThat(js.executeScript("return document.querySelectorAll('#machine-list tr').length;"))
                .as("the machine list").isNotEqualTo(0L);

        @SuppressWarnings("unchecked")
        List<String> refs = (List<String>) js.executeScript("return Array.from(document.querySelectorAll('[src],[href]'))"
                + ".map(e => e.getAttribute('src') || e.getAttribute('href'));");
        assertThat(refs).isNotEmpty().noneMatch(r -> r.matches("(?i)^([a-z]+:|//).*"));
        assertThat(js.executeScript("return document.scripts.length;")).isEqualTo(0L);
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(severe).as("console errors").isEmpty();
        return js;
    }

    private static void screenshot(JavascriptExecutor js, String name) throws Exception {
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight;")).longValue();
        driver.manage().window().setSize(new Dimension(1300, (int) Math.min(height + 120, 20_000)));
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), Files.createDirectories(Path.of("target")).resolve(name), StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(new Dimension(1300, 900));
    }

    @Test
    void testRunsShowTheirPlantedChangesAndTheMachinesSideBySide(@TempDir Path dir) throws Exception {
        JavascriptExecutor js = open(TestRuns.ALL.stream().map(TestRuns::fixture).toList(), dir);
        assertThat(js.executeScript("return document.querySelectorAll('figure.trend img').length;")).isEqualTo(20L);

        // The machines table: a column per machine, and the throughput row whose winner differs marked.
        assertThat(js.executeScript("return document.querySelectorAll('#machines-table tr:first-child th').length;"))
                .isEqualTo(4L);
        Object differs = js.executeScript("return Array.from(document.querySelectorAll('#machines-table tr.differs td'))"
                + ".map(td => td.textContent).join(' | ');");
        assertThat((String) differs).contains("ThroughputBenchmark.run score, mix=MIXED, 64 threads", "winner differs");
        assertThat(js.executeScript("return Array.from(document.querySelectorAll('figure.machines img'))"
                + ".map(i => i.getAttribute('src') + ' ' + i.naturalWidth).join();"))
                .as("the flip drawn as bars per machine").isEqualTo("charts/machines-1.png " + MachinesChart.WIDTH);
        assertThat(js.executeScript("return document.querySelectorAll('#change-table tr').length;"))
                .as("header and the four planted changes").isEqualTo(5L);
        assertThat(js.executeScript("return Array.from(document.querySelectorAll('#change-table a'))"
                + ".filter(a => !document.getElementById(a.getAttribute('href').substring(1))).length;"))
                .as("every change-point link leads to its chart").isEqualTo(0L);
        screenshot(js, "history-page-1300.png");
    }

    @Test
    void threeRealSmokeRunsOfUnchangedCodeShowTrendsAndNoChangePoint(@TempDir Path dir) throws Exception {
        JavascriptExecutor js = open(TestRuns.REAL.stream().map(TestRuns::real).toList(), dir);
        assertThat(((Number) js.executeScript("return document.querySelectorAll('figure.trend img').length;")).longValue())
                .as("percentiles and secondary results each have a chart").isGreaterThan(40);
        assertThat((String) js.executeScript("return document.getElementById('answer').textContent;"))
                .contains("No change point").contains("One machine");
        assertThat(js.executeScript("return document.getElementById('change-table');")).isNull();
        assertThat((String) js.executeScript("return document.querySelector('h1 + p').textContent;"))
                .contains("3 runs of 2 commits on 1 machine");
        screenshot(js, "history-page-real-runs-1300.png");
    }
}

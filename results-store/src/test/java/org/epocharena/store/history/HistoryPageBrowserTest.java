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
 * Opens the history page built by the command line from the five test runs in Debian's headless
 * Chromium: the trend charts and the machines table must be there, every image must decode, the console
 * must stay free of errors and nothing may come from outside the page's folder. Skipped, with the reason,
 * where chromium or chromedriver is not installed; .ci/run installs both. A screenshot is left in target/.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // hang guard only
class HistoryPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void pageShowsTrendsAndMachinesAndEveryImageDecodes(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM + " (apt-get install chromium)");
        assumeTrue(Files.isExecutable(CHROMEDRIVER),
                "chromedriver is not installed at " + CHROMEDRIVER + " (apt-get install chromium-driver)");
        String db = "jdbc:sqlite:" + dir.resolve("results.db");
        for (String r : TestRuns.ALL) {
            assertThat(StoreCli.execute("import", "--db", db, TestRuns.fixture(r).toString())).isEqualTo(0);
        }
        Path page = dir.resolve("history");
        assertThat(StoreCli.execute("history", "--db", db, "--out", page.toString())).isEqualTo(0);

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1300,900",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);

        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.get(page.resolve("index.html").toUri().toString());
            JavascriptExecutor js = driver;

            @SuppressWarnings("unchecked")
            List<String> trends = (List<String>) js.executeScript("return Array.from(document.querySelectorAll("
                    + "'figure.trend img')).map(i => i.getAttribute('src') + ' ' + i.complete + ' ' + i.naturalWidth);");
            assertThat(trends).hasSize(20);
            assertThat(trends).allSatisfy(i -> assertThat(i).as("trend chart src, complete, naturalWidth")
                    .matches("charts/trend-\\d+\\.png true " + TrendChart.WIDTH));
            assertThat(js.executeScript("return document.images.length;")).isEqualTo(20L);
            @SuppressWarnings("unchecked")
            List<Boolean> decoded = (List<Boolean>) js.executeScript(
                    "return Array.from(document.images).map(i => i.complete && i.naturalWidth > 0 && i.naturalHeight > 0);");
            assertThat(decoded).containsOnly(true);

            // The machines table: a column per machine, and the throughput row whose winner differs marked.
            Object machineColumns = js.executeScript(
                    "return document.querySelectorAll('#machines-table tr:first-child th').length;");
            assertThat(machineColumns).isEqualTo(4L);
            Object differs = js.executeScript("return Array.from(document.querySelectorAll('#machines-table tr.differs td'))"
                    + ".map(td => td.textContent).join(' | ');");
            assertThat((String) differs).contains("ThroughputBenchmark.run score, mix=MIXED, 64 threads", "winner differs");
            Object changeRows = js.executeScript("return document.querySelectorAll('#change-table tr').length;");
            assertThat(changeRows).as("header and the four planted changes").isEqualTo(5L);
            // Every change-point link leads to a chart on the page.
            Object brokenLinks = js.executeScript("return Array.from(document.querySelectorAll('#change-table a'))"
                    + ".filter(a => !document.getElementById(a.getAttribute('href').substring(1))).length;");
            assertThat(brokenLinks).isEqualTo(0L);

            @SuppressWarnings("unchecked")
            List<String> refs = (List<String>) js.executeScript("return Array.from(document.querySelectorAll('[src],[href]'))"
                    + ".map(e => e.getAttribute('src') || e.getAttribute('href'));");
            assertThat(refs).isNotEmpty().noneMatch(r -> r.matches("(?i)^([a-z]+:|//).*"));
            assertThat(js.executeScript("return document.scripts.length;")).isEqualTo(0L);

            List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
            assertThat(severe).as("console errors").isEmpty();

            long height = ((Number) js.executeScript("return document.documentElement.scrollHeight;")).longValue();
            driver.manage().window().setSize(new Dimension(1300, (int) Math.min(height + 120, 20_000)));
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = Files.createDirectories(Path.of("target"));
            Files.copy(shot.toPath(), target.resolve("history-page-1300.png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.quit();
            service.stop();
        }
    }
}

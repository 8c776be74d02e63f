package org.epocharena.report.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.epocharena.report.Fixtures;
import org.epocharena.report.ReportCli;
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
 * Opens a generated index.html in Debian's headless Chromium, as a reviewer would: every image must
 * render, the console must stay free of errors (a Content-Security-Policy violation, i.e. any
 * attempt to load something from outside, is one) and nothing may come from anywhere but the report
 * folder. Skipped, with the reason, where chromium or chromedriver is not installed; CI installs both.
 * The driver and browser paths are given explicitly so Selenium Manager never tries to download one.
 * A screenshot at 1400 px wide is left in target/ for a person to look at.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // hang guard only
class IndexPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void pageRendersEveryImageWithoutConsoleErrorsOrNetwork(@TempDir Path dir) throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM + " (apt-get install chromium)");
        assumeTrue(Files.isExecutable(CHROMEDRIVER),
                "chromedriver is not installed at " + CHROMEDRIVER + " (apt-get install chromium-driver)");
        Path run = Fixtures.copy("run-c", dir);
        assertThat(ReportCli.execute("--run", run.toString())).isEqualTo(0);

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,900",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);

        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            driver.get(run.resolve("index.html").toUri().toString());
            JavascriptExecutor js = driver;

            @SuppressWarnings("unchecked")
            List<String> images = (List<String>) js.executeScript(
                    "return Array.from(document.images).map(i => i.getAttribute('src') + ' ' + i.complete + ' ' + i.naturalWidth);");
            assertThat(images).hasSizeGreaterThanOrEqualTo(8);
            assertThat(images).allSatisfy(i -> assertThat(i).as("image src, complete, naturalWidth").matches("charts/\\S+\\.png true [1-9]\\d*"));

            // Offline: nothing to run, and every reference relative to the report folder.
            @SuppressWarnings("unchecked")
            List<String> refs = (List<String>) js.executeScript("return Array.from(document.querySelectorAll('[src],[href]'))"
                    + ".map(e => e.getAttribute('src') || e.getAttribute('href'));");
            assertThat(refs).isNotEmpty().noneMatch(r -> r.matches("(?i)^([a-z]+:|//).*"));
            assertThat(js.executeScript("return document.scripts.length + document.styleSheets.length;")).isEqualTo(1L);

            // The answer is on the first screen of a 1366x900 window: the sentences and the whole scorecard.
            driver.manage().window().setSize(new Dimension(1366, 900));
            long viewport = ((Number) js.executeScript("return window.innerHeight;")).longValue();
            @SuppressWarnings("unchecked")
            List<Number> box = (List<Number>) js.executeScript("const r = document.getElementById('recommendation'), s = document.getElementById('scorecard');"
                    + " if (!r || !s) return [];"
                    + " const a = r.getBoundingClientRect(), b = s.getBoundingClientRect();"
                    + " return [a.top, a.bottom, b.top, b.bottom, r.querySelectorAll('li').length, s.querySelectorAll('tr').length];");
            assertThat(box).as("recommendation and scorecard present").hasSize(6);
            assertThat(box.get(1).doubleValue()).as("recommendation bottom").isLessThanOrEqualTo(viewport);
            assertThat(box.get(3).doubleValue()).as("scorecard bottom").isLessThanOrEqualTo(viewport);
            assertThat(box.get(4).intValue()).as("sentences").isGreaterThanOrEqualTo(3);
            assertThat(box.get(5).intValue()).as("scorecard rows: header + 5 designs + 2 baselines").isEqualTo(8);
            File first = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(first.toPath(), Files.createDirectories(Path.of("target")).resolve("index-page-first-screen.png"),
                    StandardCopyOption.REPLACE_EXISTING);

            List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
            assertThat(severe).as("console errors").isEmpty();

            long height = ((Number) js.executeScript("return document.documentElement.scrollHeight;")).longValue();
            driver.manage().window().setSize(new Dimension(1366, (int) Math.min(height + 120, 20_000)));
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = Files.createDirectories(Path.of("target"));
            Files.copy(shot.toPath(), target.resolve("index-page-1400.png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.quit();
            service.stop();
        }
    }
}

package org.epocharena.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.epocharena.report.fixture.SyntheticRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The CLI on synthetic runs: A/A exits 0, a planted regression with enough forks exits 5, a new design gets a full report. */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // hang guard only
class ReportCliGateTest {

    @Test
    void sameCodeTwiceExitsZeroAndAPlantedRegressionExitsFive(@TempDir Path dir) {
        Path a = new SyntheticRun().forks(1).iterations(5).seed(1).write(dir.resolve("a"));
        Path b = new SyntheticRun().forks(1).iterations(5).seed(2).write(dir.resolve("b"));
        assertThat(ReportCli.execute("--run", b.toString(), "--baseline", a.toString(), "--fail-on-regression", "10")).isEqualTo(0);
        Path c = new SyntheticRun().forks(8).iterations(5).seed(3).write(dir.resolve("c"));
        Path d = new SyntheticRun().forks(8).iterations(5).seed(4).plant(k -> k.equals("throughput|LOCK_FREE|1"), 0.7)
                .write(dir.resolve("d"));
        assertThat(ReportCli.execute("--run", d.toString(), "--baseline", c.toString(), "--fail-on-regression", "10")).isEqualTo(5);
        assertThat(d.resolve("summary.md")).content().contains("REGRESSION throughput").contains("LOCK_FREE t=1 ");
    }

    @Test
    void aDesignTheReportNeverHeardOfGetsAFullReport(@TempDir Path dir) throws IOException {
        Path run = new SyntheticRun().undeclaredDesign("QUANTUM_ARENA").write(dir.resolve("q"));
        assertThat(ReportCli.execute("--run", run.toString())).isEqualTo(0);
        String html = Files.readString(run.resolve("index.html"));
        assertThat(html).contains("<th title=\"design\">QUANTUM_ARENA</th>").contains("QUANTUM_ARENA is not declared in manifest.json");
        assertThat(run.resolve("summary.md")).content().contains("| QUANTUM_ARENA |");
    }
}

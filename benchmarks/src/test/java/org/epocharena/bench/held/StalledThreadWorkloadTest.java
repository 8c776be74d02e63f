package org.epocharena.bench.held;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.epocharena.ArenaKind;
import org.epocharena.bench.alloc.Baseline;
import org.epocharena.bench.workload.Figures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stalled-thread harness shows what it claims: an arena's held bytes climb to its capacity and
 * allocation fails while one pinned thread stalls; {@code new byte[]} only keeps that thread's blocks
 * and never fails; the samples land in {@code <impl>.csv} with the contract's header.
 */
class StalledThreadWorkloadTest {
    @TempDir
    Path dir;

    @Test
    void anArenaFillsUpAndFailsDuringTheStallABaselineDoesNot() throws Exception {
        System.setProperty(StalledThreadBenchmark.DIR_PROPERTY, dir.toString());
        try {
            String design = ArenaKind.values()[0].name();
            double[] arena = stall(design);
            double[] jvmNew = stall(Baseline.JVM_NEW.name());

            assertThat(arena[0]).as("%s peak held bytes", design).isGreaterThan(StalledThreadBenchmark.CAPACITY * 0.9);
            assertThat(arena[1]).as("%s failures during the stall", design).isPositive();
            assertThat(jvmNew[0]).as("JVM_NEW peak held bytes").isLessThan(StalledThreadBenchmark.CAPACITY / 4.0);
            assertThat(jvmNew[1]).isZero();

            try (Reader in = Files.newBufferedReader(dir.resolve(design + ".csv"))) {
                List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                        .parse(in).getRecords();
                assertThat(rows.get(0).getParser().getHeaderNames())
                        .containsExactly("elapsed_ms", "held_bytes", "failed_allocations", "stall_active");
                assertThat(rows).as("a sample every few ms; fewer on a loaded machine").hasSizeGreaterThan(3);
                assertThat(rows).anySatisfy(r -> assertThat(r.get("stall_active")).isEqualTo("true"));
                assertThat(rows).anySatisfy(r -> assertThat(r.get("stall_active")).isEqualTo("false"));
            }
        } finally {
            System.clearProperty(StalledThreadBenchmark.DIR_PROPERTY);
        }
    }

    /** One measured iteration; returns {heldBytesPeak, failuresDuringStall}. */
    private static double[] stall(String impl) throws InterruptedException {
        StalledThreadBenchmark.Run run = new StalledThreadBenchmark.Run();
        run.impl = impl;
        run.workers = 2;
        run.start();
        try {
            run.measuring = true;
            Figures.drainForTest();
            new StalledThreadBenchmark().stall(run);
            var figures = Figures.drainForTest();
            return new double[] {figures.get("heldBytesPeak"), figures.get("failuresDuringStall")};
        } finally {
            run.stop();
        }
    }
}

package org.epocharena.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.SingleWriterRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The latency harness's HdrHistogram output: per-thread recorders merged per measurement iteration,
 * warm-up values dropped, files named as the contract says, and a second fork of the same trial
 * adding to (not replacing) the first fork's figures.
 */
class HdrOutputTest {
    @RegisterExtension
    final HdrFolder hdr = new HdrFolder();

    @Test
    void mergesThreadsDropsWarmupAndWritesBothFiles() throws Exception {
        HdrOutput out = new HdrOutput("latency-NETTY_POOLED-t2");
        SingleWriterRecorder a = out.newRecorder();
        SingleWriterRecorder b = out.newRecorder();
        a.recordValue(999_999); // warm-up: dropped
        out.discard();
        for (int i = 0; i < 100; i++) {
            a.recordValue(100);
            b.recordValue(2_000);
        }
        out.endInterval();
        b.recordValue(5_000);
        out.endInterval();
        out.finish();

        assertThat(out.total().getTotalCount()).isEqualTo(201);
        assertThat(out.total().getMaxValue()).isLessThan(999_999);
        File hgrm = hdr.path().resolve("latency-NETTY_POOLED-t2.hgrm").toFile();
        assertThat(hgrm).exists();
        assertThat(Files.readString(hgrm.toPath())).contains("Value     Percentile TotalCount").contains("#[Max");
        assertThat(countIntervals(hdr.path().resolve("latency-NETTY_POOLED-t2.hlog").toFile())).isEqualTo(2);
    }

    @Test
    void aSecondForkAddsToTheFirstForksFigures() throws Exception {
        HdrOutput fork1 = new HdrOutput("latency-JVM_NEW-t1");
        SingleWriterRecorder r1 = fork1.newRecorder();
        for (int i = 0; i < 10; i++) {
            r1.recordValue(300);
        }
        fork1.endInterval();
        fork1.finish();

        HdrOutput fork2 = new HdrOutput("latency-JVM_NEW-t1");
        SingleWriterRecorder r2 = fork2.newRecorder();
        for (int i = 0; i < 5; i++) {
            r2.recordValue(700);
        }
        fork2.endInterval();
        fork2.finish();

        assertThat(fork2.total().getTotalCount()).isEqualTo(15);
        assertThat(countIntervals(hdr.path().resolve("latency-JVM_NEW-t1.hlog").toFile())).isEqualTo(2);
    }

    private static int countIntervals(File hlog) throws Exception {
        HistogramLogReader reader = new HistogramLogReader(hlog);
        int n = 0;
        for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
            n++;
        }
        return n;
    }
}

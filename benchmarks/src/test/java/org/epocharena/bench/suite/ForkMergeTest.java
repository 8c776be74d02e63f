package org.epocharena.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.IterationResultMetaData;
import org.openjdk.jmh.results.ResultRole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.results.ThroughputResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.TimeValue;

/** Single-fork results joined into one JMH JSON: rawData per fork, score and error over every iteration. */
class ForkMergeTest {
    @TempDir
    Path tmp;

    private static final double[][] A_FORKS = {{100, 104, 98}, {120, 118, 125}, {90, 95, 93}};
    private static final double[][] B_FORKS = {{10, 11, 12}, {13, 12, 14}, {9, 9, 10}};

    @Test
    void joinsForksPerBenchmarkAndRecomputesScoreAndErrorTheWayJmhDoes() throws Exception {
        List<Collection<RunResult>> forks = new ArrayList<>();
        for (int f = 0; f < A_FORKS.length; f++) {
            forks.add(List.of(fork("A", A_FORKS[f], 1000 + f), fork("B", B_FORKS[f], 10 + f)));
        }
        List<RunResult> merged = ForkMerge.merge(forks);
        assertThat(merged).hasSize(2);
        assertThat(merged.get(0).getBenchmarkResults()).hasSize(3);

        Path file = tmp.resolve("jmh-x.json");
        ForkMerge.write(merged, file);
        JsonArray json = JsonParser.parseString(Files.readString(file)).getAsJsonArray();
        assertThat(json).hasSize(2);
        check(json.get(0).getAsJsonObject(), "bench.A", A_FORKS, 1000);
        check(json.get(1).getAsJsonObject(), "bench.B", B_FORKS, 10);
    }

    private static void check(JsonObject b, String name, double[][] forks, double gcBase) {
        assertThat(b.get("benchmark").getAsString()).isEqualTo(name);
        assertThat(b.get("forks").getAsInt()).isEqualTo(forks.length);
        JsonObject primary = b.getAsJsonObject("primaryMetric");
        JsonArray raw = primary.getAsJsonArray("rawData");
        assertThat(raw).hasSize(forks.length);
        for (int f = 0; f < forks.length; f++) {
            double[] got = new double[raw.get(f).getAsJsonArray().size()];
            for (int i = 0; i < got.length; i++) {
                got[i] = raw.get(f).getAsJsonArray().get(i).getAsDouble();
            }
            assertThat(got).containsExactly(forks[f], within(1e-9));
        }
        double[] all = Arrays.stream(forks).flatMapToDouble(Arrays::stream).toArray();
        DescriptiveStatistics s = new DescriptiveStatistics(all);
        double t = new TDistribution(all.length - 1).inverseCumulativeProbability(1 - 0.001 / 2);
        assertThat(primary.get("score").getAsDouble()).isCloseTo(s.getMean(), within(1e-9));
        assertThat(primary.get("scoreError").getAsDouble())
                .isCloseTo(t * s.getStandardDeviation() / Math.sqrt(all.length), within(1e-9));
        // A secondary metric is merged too: one value per fork (one iteration each here), averaged.
        JsonObject gc = b.getAsJsonObject("secondaryMetrics").getAsJsonObject("·gc.alloc.rate.norm");
        assertThat(gc.getAsJsonArray("rawData")).hasSize(forks.length);
        assertThat(gc.get("score").getAsDouble()).isCloseTo(gcBase + 1, within(1e-9));
    }

    /** One fork's result of benchmark {@code name}: one throughput value per iteration, gc per iteration. */
    private static RunResult fork(String name, double[] iterations, double gcNorm) {
        IterationParams warmup = new IterationParams(IterationType.WARMUP, 0, TimeValue.seconds(1), 1);
        IterationParams measurement = new IterationParams(IterationType.MEASUREMENT, iterations.length, TimeValue.seconds(1), 1);
        BenchmarkParams params = new BenchmarkParams("bench." + name, "bench.generated." + name, false, 1, new int[] {1},
                List.of(), 1, 0, warmup, measurement, Mode.Throughput, new WorkloadParams(), TimeUnit.SECONDS, 1,
                "java", List.of(), "17", "vm", "17", "1.37", TimeValue.minutes(10));
        List<IterationResult> its = new ArrayList<>();
        for (double ops : iterations) {
            IterationResult ir = new IterationResult(params, measurement, new IterationResultMetaData((long) ops, (long) ops));
            ir.addResult(new ThroughputResult(ResultRole.PRIMARY, "op", ops, 1_000_000_000L, TimeUnit.SECONDS));
            ir.addResult(new ScalarResult("·gc.alloc.rate.norm", gcNorm, "B/op", AggregationPolicy.AVG));
            its.add(ir);
        }
        return new RunResult(params, List.of(new BenchmarkResult(params, its)));
    }
}

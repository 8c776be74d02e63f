package org.epocharena.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.epocharena.ArenaKind;
import org.epocharena.bench.baseline.Baseline;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.Options;

/** The plan covers what a profile promises, narrows as asked, and lets the user's JMH options win. */
class PlannerTest {
    private static final Planner PLANNER = Planner.fromClasspath();
    private static final Options NO_USER_OPTIONS = PassThroughOptions.parse(List.of());

    @Test
    void smokeCoversEveryHarnessDesignAndBaselineAndOneThousandWorkers() {
        Profile smoke = Profile.load("smoke");
        List<PlannedRun> runs = PLANNER.plan(smoke, smoke.harnesses(), Impls.all(), null);

        for (String harness : Profile.HARNESSES) {
            Set<String> impls = new HashSet<>();
            runs.stream().filter(r -> r.harness().equals(harness)).forEach(r -> {
                impls.addAll(r.params().getOrDefault("kind", List.of()));
                impls.addAll(r.params().getOrDefault("baseline", List.of()));
            });
            for (ArenaKind k : ArenaKind.values()) {
                assertThat(impls).as("%s runs %s", harness, k).contains(k.name());
            }
            if (!harness.equals("oom")) {
                for (Baseline b : Baseline.values()) {
                    assertThat(impls).as("%s runs %s", harness, b).contains(b.name());
                }
            }
        }
        assertThat(runs).anySatisfy(r -> assertThat(r.params().get("workers")).contains("1000"));
        assertThat(runs).extracting(PlannedRun::resultFileName).doesNotHaveDuplicates()
                .contains("jmh-latency-t1.json", "jmh-throughput.json", "jmh-oom.json", "jmh-reclaim.json",
                        "jmh-garbage.json");
    }

    @Test
    void trialsCountEveryBenchmarkTimesItsParamCombinations() {
        Profile smoke = Profile.load("smoke");
        PlannedRun latency = PLANNER.plan(smoke, List.of("latency"), Impls.all(), null).get(0);
        Options o = options(latency, NO_USER_OPTIONS);
        assertThat(latency.trials(o)).isEqualTo(ArenaKind.values().length + Baseline.values().length);

        PlannedRun oneKind = PLANNER.plan(smoke, List.of("oom"), Impls.parse("STRIPED"), null).get(0);
        // fill x start(2) + failedTryAllocate, thrownAllocate, recover x stall(1)
        assertThat(oneKind.trials(options(oneKind, NO_USER_OPTIONS))).isEqualTo(2 + 3);
    }

    @Test
    void baselinesOnlyLeaveArenaOnlyHarnessesOutAndArenaMethodsOut() {
        Profile smoke = Profile.load("smoke");
        List<PlannedRun> runs = PLANNER.plan(smoke, Profile.HARNESSES, Impls.parse("JVM_NEW"), null);
        assertThat(runs).noneMatch(r -> r.harness().equals("oom"));
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.params()).doesNotContainKey("kind");
            assertThat(r.entries()).allSatisfy(e -> assertThat(e.getUsername()).endsWith(".baseline"));
        });
    }

    @Test
    void threadsOverrideReplacesThreadAndWorkerCountsAndDropsTheOncePoints() {
        Profile smoke = Profile.load("smoke");
        List<PlannedRun> runs = PLANNER.plan(smoke, List.of("latency", "throughput"), Impls.all(), List.of(2, 8));
        assertThat(runs).extracting(PlannedRun::resultFileName)
                .containsExactly("jmh-latency-t2.json", "jmh-latency-t8.json", "jmh-throughput.json");
        assertThat(runs.get(2).params().get("workers")).containsExactly("2", "8");
    }

    @Test
    void userJmhOptionsWinAndTheHdrFolderIsAlwaysPassed() {
        Profile smoke = Profile.load("smoke");
        PlannedRun run = PLANNER.plan(smoke, List.of("reclaim"), Impls.parse("LOCK_FREE"), null).get(0);
        Options user = PassThroughOptions.parse(List.of("-f", "2", "-p", "liveBlocks=1000",
                "-jvmArgsAppend", "-Dx=y", "-prof", "stack"));
        Options o = options(run, user);

        assertThat(o.getForkCount().get()).isEqualTo(2);
        assertThat(o.getWarmupTime().get()).as("from the profile").isEqualTo(smoke.settings("reclaim").warmupTime());
        assertThat(o.getParameter("liveBlocks").get()).containsExactly("1000");
        assertThat(o.getParameter("kind").get()).containsExactly("LOCK_FREE");
        assertThat(o.getJvmArgsAppend().get()).contains("-Dx=y")
                .anySatisfy(a -> assertThat(a).startsWith("-Depocharena.hdr.dir=").endsWith("hdr"));
        assertThat(o.getProfilers()).extracting(p -> p.getKlass())
                .contains("stack", "org.epocharena.bench.workload.FiguresProfiler");
        assertThat(o.getResult().get()).endsWith("jmh-reclaim.json");
        assertThat(run.trials(o)).isEqualTo(1);
    }

    @Test
    void onceThreadsRunOneImplementationAtThatThreadCount() {
        Profile smoke = Profile.load("smoke");
        List<PlannedRun> runs = PLANNER.plan(smoke, List.of("latency"), Impls.parse("LOCK_FREE,STRIPED,JVM_NEW"), null);
        PlannedRun many = runs.get(runs.size() - 1);
        assertThat(many.resultFileName()).isEqualTo("jmh-latency-t16.json");
        assertThat(many.threads()).isEqualTo(16);
        assertThat(many.params()).containsEntry("kind", List.of("STRIPED")).doesNotContainKey("baseline");
        assertThat(many.trials(options(many, NO_USER_OPTIONS))).isEqualTo(1);
    }

    @Test
    void aOncePointThatRepeatsAMainRunIsRefused() {
        Profile p = Profile.of("dup", ProfileTest.props("forks=1", "warmup.iterations=1", "warmup.time=1s",
                "measurement.iterations=3", "measurement.time=1s", "timeout=1m", "latency.threads=1,16",
                "latency.once.threads=16"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PLANNER.plan(p, List.of("latency"), Impls.all(), null))
                .isInstanceOf(ProfileException.class).hasMessageContaining("jmh-latency-t16.json");
    }

    private static Options options(PlannedRun run, Options user) {
        Path raw = Path.of("RUN_DIR", "raw");
        return run.options(user, raw.resolve(run.resultFileName()), raw.resolve("hdr"), null);
    }
}

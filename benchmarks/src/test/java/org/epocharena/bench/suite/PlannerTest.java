package org.epocharena.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.epocharena.ArenaKind;
import org.epocharena.bench.alloc.Impl;
import org.epocharena.bench.alloc.RunnableImpls;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.Options;

/** The plan covers what a profile promises, narrows as asked, and lets the user's JMH options win. */
class PlannerTest {
    private static final Planner PLANNER = Planner.fromClasspath();
    private static final Options NO_USER_OPTIONS = PassThroughOptions.parse(List.of());
    private static final String DESIGN = ArenaKind.values()[0].name();
    private static final String OTHER_DESIGN = ArenaKind.values()[1].name();

    private static Selection runnable() {
        return new Selection(RunnableImpls.all());
    }

    @Test
    void smokeCoversEveryHarnessAndEveryRunnableImplementationAndOneThousandWorkers() {
        Profile smoke = Profile.load("smoke");
        List<PlannedRun> runs = PLANNER.plan(smoke, smoke.harnesses(), runnable(), null);

        for (String harness : HarnessRegistry.ids()) {
            Set<String> impls = new HashSet<>();
            runs.stream().filter(r -> r.harness().equals(harness)).forEach(r -> impls.addAll(r.params().get(Planner.IMPL)));
            for (Impl impl : RunnableImpls.all()) {
                if (!impl.isBaseline() || !harness.equals("oom")) {
                    assertThat(impls).as("%s runs %s", harness, impl.name()).contains(impl.name());
                }
            }
        }
        assertThat(runs).anySatisfy(r -> assertThat(r.params().get("workers")).contains("1000"));
        assertThat(runs).extracting(PlannedRun::resultFileName).doesNotHaveDuplicates()
                .contains("jmh-latency-t1.json", "jmh-throughput.json", "jmh-allocation-t1.json", "jmh-oom.json",
                        "jmh-held.json", "jmh-reclaim.json");
        assertThat(runs).allSatisfy(r -> assertThat(r.params()).doesNotContainKeys("kind", "baseline"));
    }

    @Test
    void arenaOnlyBenchmarksGetTheDesignsInARunOfTheirOwn() {
        Profile smoke = Profile.load("smoke");
        List<PlannedRun> runs = PLANNER.plan(smoke, List.of("allocation"), Selection.parse(DESIGN + ",JVM_NEW"), null);
        PlannedRun all = runs.stream().filter(r -> r.resultFileName().equals("jmh-allocation-t1.json")).findFirst().orElseThrow();
        PlannedRun arenas = runs.stream().filter(r -> r.resultFileName().equals("jmh-allocation-t1-arenas.json")).findFirst()
                .orElseThrow();
        assertThat(all.params().get(Planner.IMPL)).containsExactly(DESIGN, "JVM_NEW");
        assertThat(all.entries()).noneMatch(Planner::isArenaOnly);
        assertThat(arenas.params().get(Planner.IMPL)).containsExactly(DESIGN);
        assertThat(arenas.entries()).extracting(e -> e.getUsername().substring(e.getUsername().lastIndexOf('.') + 1))
                .containsExactly("failedTryAllocate");

        List<PlannedRun> designsOnly = PLANNER.plan(smoke, List.of("allocation"), Selection.parse(DESIGN), null);
        assertThat(designsOnly).extracting(PlannedRun::resultFileName).containsExactly("jmh-allocation-t1.json",
                "jmh-allocation-t2.json");
        assertThat(designsOnly.get(0).entries()).hasSize(3);
    }

    @Test
    void trialsCountEveryBenchmarkTimesItsParamCombinations() {
        Profile smoke = Profile.load("smoke");
        PlannedRun latency = PLANNER.plan(smoke, List.of("latency"), runnable(), null).get(0);
        Options o = options(latency, NO_USER_OPTIONS);
        assertThat(latency.trials(o)).isEqualTo(RunnableImpls.all().size());

        PlannedRun oneKind = PLANNER.plan(smoke, List.of("oom"), Selection.parse(DESIGN), null).get(0);
        // fill x fillers(1) x start(2) + failedTryAllocate, thrownAllocate, recover x stall(1)
        assertThat(oneKind.trials(options(oneKind, NO_USER_OPTIONS))).isEqualTo(2 + 3);
    }

    @Test
    void baselinesOnlyLeaveArenaOnlyHarnessesAndMethodsOut() {
        Profile smoke = Profile.load("smoke");
        List<PlannedRun> runs = PLANNER.plan(smoke, HarnessRegistry.ids(), Selection.parse("JVM_NEW"), null);
        assertThat(runs).noneMatch(r -> r.harness().equals("oom"));
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.params().get(Planner.IMPL)).containsExactly("JVM_NEW");
            assertThat(r.entries()).noneMatch(Planner::isArenaOnly);
        });
    }

    @Test
    void threadsOverrideReplacesThreadAndWorkerCountsAndDropsTheOncePoints() {
        Profile smoke = Profile.load("smoke");
        List<PlannedRun> runs = PLANNER.plan(smoke, List.of("latency", "throughput"), runnable(), List.of(2, 8));
        assertThat(runs).extracting(PlannedRun::resultFileName)
                .containsExactly("jmh-latency-t2.json", "jmh-latency-t8.json", "jmh-throughput.json");
        assertThat(runs.get(2).params().get("workers")).containsExactly("2", "8");
    }

    @Test
    void userJmhOptionsWinAndTheSideFileFoldersAreAlwaysPassed() {
        Profile smoke = Profile.load("smoke");
        PlannedRun run = PLANNER.plan(smoke, List.of("reclaim"), Selection.parse(DESIGN), null).get(0);
        Options user = PassThroughOptions.parse(List.of("-f", "2", "-p", "liveBlocks=1000",
                "-jvmArgsAppend", "-Dx=y", "-prof", "stack"));
        Options o = options(run, user);

        assertThat(o.getForkCount().get()).isEqualTo(2);
        assertThat(o.getParameter("liveBlocks").get()).containsExactly("1000");
        assertThat(o.getParameter(Planner.IMPL).get()).containsExactly(DESIGN);
        assertThat(o.getJvmArgsAppend().get()).contains("-Dx=y")
                .anySatisfy(a -> assertThat(a).startsWith("-Depocharena.hdr.dir=").endsWith("hdr"))
                .anySatisfy(a -> assertThat(a).startsWith("-Depocharena.held.dir=").endsWith("held"));
        assertThat(o.getProfilers()).extracting(p -> p.getKlass())
                .contains("stack", "org.epocharena.bench.workload.FiguresProfiler");
        assertThat(o.getResult().get()).endsWith("jmh-reclaim.json");
        // reclaim + reclaimColdControl, one liveBlocks value
        assertThat(run.trials(o)).isEqualTo(2);
        assertThat(run.secondsPerTrial(o)).as("estimate.trial x forks").isEqualTo(2 * smoke.settings("reclaim").trialSeconds());
    }

    @Test
    void onceThreadsRunTheFirstSelectedDesignAtThatThreadCount() {
        Profile smoke = Profile.load("smoke");
        List<PlannedRun> runs = PLANNER.plan(smoke, List.of("latency"),
                Selection.parse(OTHER_DESIGN + ",JVM_NEW," + DESIGN), null);
        PlannedRun many = runs.get(runs.size() - 1);
        assertThat(many.resultFileName()).isEqualTo("jmh-latency-t16.json");
        assertThat(many.threads()).isEqualTo(16);
        assertThat(many.params().get(Planner.IMPL)).as("registry order, designs first").containsExactly(DESIGN);
        assertThat(many.trials(options(many, NO_USER_OPTIONS))).isEqualTo(1);
    }

    @Test
    void aOncePointThatRepeatsAMainRunIsRefused() {
        Profile p = Profile.of("dup", ProfileTest.props("forks=1", "warmup.iterations=1", "warmup.time=1s",
                "measurement.iterations=3", "measurement.time=1s", "timeout=1m", "latency.threads=1,16",
                "latency.once.threads=16"));
        assertThatThrownBy(() -> PLANNER.plan(p, List.of("latency"), runnable(), null))
                .isInstanceOf(ProfileException.class).hasMessageContaining("jmh-latency-t16.json");
    }

    private static Options options(PlannedRun run, Options user) {
        Path raw = Path.of("RUN_DIR", "raw");
        return run.options(user, raw.resolve(run.resultFileName()), raw.resolve("hdr"), null);
    }
}

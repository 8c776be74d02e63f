package org.epocharena.bench.suite;

import java.util.List;
import java.util.Map;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * What a profile says about one harness, after {@code <harness>.<key>} overrides: JMH's run options,
 * the thread counts ({@code threads}: JMH {@code -t}, one JMH run each; {@code workers}: the harness's
 * own {@code workers} param), extra params and profilers, and the optional "once" runs (extra params
 * such as 1000 workers, or JMH thread counts such as 16, for one implementation only, so a profile
 * can afford an expensive point without paying it for every implementation).
 *
 * @param onceImpls           which implementations the once runs measure: first, designs, baselines or all
 * @param forkOverheadSeconds time per JMH fork beyond its iterations (JVM start, setup, teardown),
 *                            used only for the time estimate
 * @param trialSeconds        the estimate of one trial when its iterations are not timed ones
 *                            ({@code SingleShotTime}: setup, not iteration time, dominates); 0 = from
 *                            the iteration times
 */
public record HarnessSettings(
        String harness,
        int forks,
        int warmupIterations,
        TimeValue warmupTime,
        int measurementIterations,
        TimeValue measurementTime,
        TimeValue timeout,
        List<String> jvmArgs,
        List<Integer> threads,
        List<Integer> workers,
        Map<String, List<String>> params,
        List<String> profilers,
        String onceImpls,
        Map<String, List<String>> onceParams,
        List<Integer> onceThreads,
        double forkOverheadSeconds,
        double trialSeconds) {
}

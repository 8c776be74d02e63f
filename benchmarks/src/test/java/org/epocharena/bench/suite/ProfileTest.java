package org.epocharena.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.runner.options.TimeValue;

/** The profiles in the jar parse, overrides apply per harness, and a bad value says which and why. */
class ProfileTest {

    @ParameterizedTest
    @ValueSource(strings = {"smoke", "quick", "full"})
    void everyShippedProfileParsesForEveryHarness(String name) {
        Profile p = Profile.load(name);
        assertThat(p.harnesses()).containsExactlyElementsOf(HarnessRegistry.ids());
        for (String h : p.harnesses()) {
            HarnessSettings s = p.settings(h);
            assertThat(s.forks()).isPositive();
            assertThat(s.measurementIterations()).as("%s: JMH needs 3+ iterations for an error", h).isGreaterThanOrEqualTo(3);
        }
        assertThat(p.settings("latency").threads()).as("1, 2 or many threads").isNotEmpty();
        assertThat(p.settings("throughput").workers()).contains(1, 2);
        assertThat(p.settings("allocation").profilers()).contains("gc");
        assertThat(p.settings("allocation").threads()).as("1 and 2 threads").contains(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"smoke", "quick", "full"})
    void noProfileNamesAnImplementation(String name) throws Exception {
        String text;
        try (var in = Profile.class.getResourceAsStream("/profiles/" + name + ".properties")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (String impl : org.epocharena.bench.alloc.Impls.names()) {
            assertThat(text).as("%s names %s", name, impl).doesNotContain(impl);
        }
    }

    @Test
    void onceImplsIsARoleNeverAName() {
        Profile p = Profile.of("t", props("forks=1", "warmup.iterations=1", "warmup.time=1s",
                "measurement.iterations=3", "measurement.time=1s", "timeout=1s", "oom.once.impls=designs"));
        assertThat(p.settings("oom").onceImpls()).isEqualTo("designs");
        assertThat(p.settings("latency").onceImpls()).isEqualTo("first");
        assertThatThrownBy(() -> Profile.of("t", props("forks=1", "warmup.iterations=1", "warmup.time=1s",
                "measurement.iterations=3", "measurement.time=1s", "timeout=1s", "once.impls=JVM_NEW"))
                .settings("oom")).isInstanceOf(ProfileException.class).hasMessageContaining("'JVM_NEW'")
                .hasMessageContaining("first, designs, baselines or all");
    }

    @Test
    void fullMeasuresTheWholeScaleAndForksMoreThanOnce() {
        HarnessSettings throughput = Profile.load("full").settings("throughput");
        assertThat(throughput.workers()).containsExactly(1, 2, 4, 16, 64, 256, 1024, 2048);
        assertThat(throughput.forks()).isGreaterThan(1);
        assertThat(Profile.load("quick").settings("throughput").workers()).contains(1024);
        assertThat(Profile.load("smoke").settings("throughput").onceParams()).containsEntry("workers", List.of("1000"));
    }

    @Test
    void aHarnessKeyOverridesTheGlobalOne() {
        Profile p = Profile.of("t", props("forks=1", "oom.forks=3", "measurement.time=100ms", "warmup.iterations=1",
                "warmup.time=1s", "measurement.iterations=3", "timeout=1m",
                "reclaim.measurement.time=2s", "params=a=1", "oom.params=start=EMPTY,PINNED_OLDER;stall=NONE"));
        assertThat(p.settings("latency").forks()).isEqualTo(1);
        assertThat(p.settings("oom").forks()).isEqualTo(3);
        assertThat(p.settings("latency").measurementTime()).isEqualTo(TimeValue.milliseconds(100));
        assertThat(p.settings("reclaim").measurementTime()).isEqualTo(TimeValue.seconds(2));
        assertThat(p.settings("oom").params()).containsEntry("start", List.of("EMPTY", "PINNED_OLDER"))
                .containsEntry("stall", List.of("NONE")).doesNotContainKey("a");
        assertThat(p.settings("allocation").params()).containsEntry("a", List.of("1"));
    }

    @Test
    void badValuesNameTheKeyTheValueAndTheBound() {
        assertThatThrownBy(() -> Profile.of("t", props("forks=-1")).settings("oom"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("'forks'").hasMessageContaining("-1")
                .hasMessageContaining("between 0 and 100");
        assertThatThrownBy(() -> Profile.of("t", props("forks=1", "oom.forks=two")).settings("oom"))
                .hasMessageContaining("'oom.forks'").hasMessageContaining("two");
        assertThatThrownBy(() -> Profile.of("t", props("forks=1", "warmup.iterations=1", "warmup.time=soon"))
                .settings("latency")).hasMessageContaining("soon").hasMessageContaining("100ms");
        assertThatThrownBy(() -> Profile.of("t", props("forks=1", "warmup.iterations=1", "warmup.time=1s",
                "measurement.iterations=3", "measurement.time=1s", "timeout=1s", "latency.threads=1,0"))
                .settings("latency")).hasMessageContaining("0").hasMessageContaining("1..65536");
        assertThatThrownBy(() -> Profile.of("t", props("forks=1", "warmup.iterations=1", "warmup.time=1s",
                "measurement.iterations=3", "measurement.time=1s", "timeout=1s", "oom.params=start"))
                .settings("oom")).hasMessageContaining("name=value").hasMessageContaining("'start'");
        assertThatThrownBy(() -> Profile.of("t", props("forks=1")).settings("oom"))
                .hasMessageContaining("'warmup.iterations'").hasMessageContaining("missing");
    }

    @Test
    void unknownKeysAndNamesAreErrorsNotDefaults() {
        assertThatThrownBy(() -> Profile.of("t", props("latency.thread=1")))
                .isInstanceOf(ProfileException.class).hasMessageContaining("latency.thread");
        assertThatThrownBy(() -> Profile.of("t", props("harnesses=latency,speed")).harnesses())
                .hasMessageContaining("'speed'").hasMessageContaining("throughput");
        assertThatThrownBy(() -> Profile.load("medium"))
                .hasMessageContaining("'medium'").hasMessageContaining("smoke, quick, full");
    }

    static Properties props(String... pairs) {
        Properties p = new Properties();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            p.setProperty(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return p;
    }
}

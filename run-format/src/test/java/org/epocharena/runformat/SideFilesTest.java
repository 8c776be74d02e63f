package org.epocharena.runformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SideFilesTest {

    @Test
    void anIntervalLogNameReadsBackAsWhatItWasMadeOf() {
        String name = SideFiles.intervalLogName("allocation-pin", "LOCK_FREE", 16);
        assertThat(name).isEqualTo("allocation-pin-LOCK_FREE-t16.hlog");
        assertThat(SideFiles.parseIntervalLogName(name))
                .contains(new SideFiles.IntervalLogName("allocation-pin", "LOCK_FREE", 16));
    }

    @Test
    void namesThatDoNotRoundTripAreRefusedOrNotRecognised() {
        assertThatThrownBy(() -> SideFiles.intervalLogName("latency", "LOCK-FREE", 1))
                .hasMessageContaining("LOCK-FREE");
        assertThatThrownBy(() -> SideFiles.intervalLogName("latency", "JVM_NEW", 0)).hasMessageContaining("threads 0");
        assertThat(SideFiles.parseIntervalLogName("latency.hlog")).isEmpty();
        assertThat(SideFiles.parseIntervalLogName("latency-JVM_NEW-t1.hgrm")).isEmpty();
    }

    @Test
    void aHeldFileNameReadsBackAsItsImplementation() {
        assertThat(SideFiles.parseHeldName(SideFiles.heldName("STRIPED"))).contains("STRIPED");
        assertThat(SideFiles.parseHeldName(".csv")).isEmpty();
        assertThat(SideFiles.parseHeldName("STRIPED.txt")).isEmpty();
    }
}

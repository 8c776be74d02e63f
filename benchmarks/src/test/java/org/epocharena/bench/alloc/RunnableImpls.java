package org.epocharena.bench.alloc;

import java.util.List;

/** The implementations this test JVM can run (the FFM baselines only on JDK 22+ with their classes built). */
public final class RunnableImpls {
    private RunnableImpls() {
    }

    public static List<Impl> all() {
        int feature = Runtime.version().feature();
        return Impls.all().stream().filter(i -> i.unavailableReason(feature).isEmpty()).toList();
    }

    public static List<Impl> baselines() {
        return all().stream().filter(Impl::isBaseline).toList();
    }
}

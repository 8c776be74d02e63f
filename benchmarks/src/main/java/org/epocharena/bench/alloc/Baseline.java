package org.epocharena.bench.alloc;

import java.util.Optional;

/**
 * What a Java team would use instead of an epoch arena, each constant creating its allocator
 * (Caffeine's {@code CacheType} style). Every baseline runs the same workloads as the arenas through
 * {@link Lane}: the same blocks, bytes written and read, epochs and live set.
 */
public enum Baseline implements Impl {
    JVM_NEW("new byte[size], dropped at the epoch's end for the garbage collector") {
        @Override
        public Allocator create(int capacity) {
            return new JvmNewAllocator();
        }
    },
    NETTY_POOLED("Netty 4.2 PooledByteBufAllocator heap buffers, thread caches on (FastThreadLocalThread"
            + " workers, useCacheForAllThreads), released at the epoch's end") {
        @Override
        public Allocator create(int capacity) {
            return NettyAllocator.pooled();
        }
    },
    NETTY_ADAPTIVE("Netty 4.2 AdaptiveByteBufAllocator (4.2's default) heap buffers, magazines for every"
            + " thread, released at the epoch's end") {
        @Override
        public Allocator create(int capacity) {
            return NettyAllocator.adaptive();
        }
    },
    FFM_SHARED("java.lang.foreign shared Arena per epoch, closed at the epoch's end (a thread handshake)",
            "org.epocharena.bench.alloc.SharedArenaAllocator"),
    FFM_CONFINED("java.lang.foreign confined Arena per thread with a slicing allocator, reset at the epoch's end",
            "org.epocharena.bench.alloc.ConfinedArenaAllocator");

    /** The first JDK whose java.lang.foreign is final (JEP 454). */
    static final int FFM_JDK = 22;

    private final String description;
    /** For baselines built only on JDK 22+ (src/main/java22): the class, loaded by name. */
    private final String jdk22Class;

    Baseline(String description) {
        this(description, null);
    }

    Baseline(String description, String jdk22Class) {
        this.description = description;
        this.jdk22Class = jdk22Class;
    }

    @Override
    public boolean isBaseline() {
        return true;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Optional<String> unavailableReason(int jvmFeatureVersion) {
        if (jdk22Class == null) {
            return Optional.empty();
        }
        if (jvmFeatureVersion < FFM_JDK) {
            return Optional.of("needs JDK " + FFM_JDK + "+; the benchmark JVM is " + jvmFeatureVersion
                    + " (use --jvm /path/to/jdk22+/bin/java)");
        }
        if (Baseline.class.getResource("/" + jdk22Class.replace('.', '/') + ".class") == null) {
            return Optional.of("the benchmarks jar was built on JDK " + Runtime.version().feature()
                    + " without the java.lang.foreign classes (build it on JDK " + FFM_JDK
                    + "+; run-bench.sh --jvm does so for a JDK 22+)");
        }
        return Optional.empty();
    }

    /** The JDK 22+ baselines: their class, loaded by name so this enum compiles for Java 17. */
    @Override
    public Allocator create(int capacity) {
        Optional<String> why = unavailableReason(Runtime.version().feature());
        if (why.isPresent()) {
            throw new IllegalStateException(name() + " cannot run here: " + why.get());
        }
        try {
            return (Allocator) Class.forName(jdk22Class).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + name() + " from " + jdk22Class, e);
        }
    }
}

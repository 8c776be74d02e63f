package org.epocharena.bench.alloc;

import java.lang.reflect.Method;
import java.util.Optional;
import org.epocharena.ArenaKind;

/** An arena design: one per {@link ArenaKind} constant, so a new design is measured without a line here. */
public record Design(ArenaKind kind) implements Impl {
    @Override
    public String name() {
        return kind.name();
    }

    @Override
    public boolean isBaseline() {
        return false;
    }

    /**
     * The design's own one-liner when {@code ArenaKind} declares {@code description()} (its
     * capability API, added beside this module), else a generic line. Looked up reflectively so this
     * module builds against either version of {@code ArenaKind}.
     */
    @Override
    public String description() {
        try {
            Method m = ArenaKind.class.getMethod("description");
            Object d = m.invoke(kind);
            if (d instanceof String s && !s.isBlank()) {
                return s;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // no description() on this ArenaKind: fall through
        }
        return "epoch arena design " + kind.name() + " (arena-impls)";
    }

    @Override
    public Optional<String> unavailableReason(int jvmFeatureVersion) {
        return Optional.empty();
    }

    @Override
    public ArenaAllocator create(int capacity) {
        return new ArenaAllocator(kind.create(capacity));
    }
}

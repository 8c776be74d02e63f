package org.epocharena.bench.alloc;

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

    @Override
    public String description() {
        return kind.description();
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

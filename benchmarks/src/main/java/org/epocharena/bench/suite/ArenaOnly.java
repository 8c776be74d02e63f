package org.epocharena.bench.suite;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a benchmark method (or every method of a class) that measures something only an arena has
 * (a pin scan, an out-of-memory failure, a ring split by a pinned epoch): the planner passes it the
 * selected arena designs only, never a baseline.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ArenaOnly {
}

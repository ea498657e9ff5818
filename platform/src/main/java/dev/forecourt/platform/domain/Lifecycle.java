package dev.forecourt.platform.domain;

import java.util.Set;

import dev.forecourt.platform.errors.IllegalTransition;

/**
 * A status enum that carries its own transition table: each status names the statuses it may
 * become. Every step of an aggregate goes through {@link #requireTransition}, so an illegal step
 * fails the same way everywhere (409 {@code illegal-state} with the current state).
 *
 * <pre>{@code
 * enum TestDriveStatus implements Lifecycle<TestDriveStatus> {
 *     BOOKED, COMPLETED, CANCELLED;
 *     public Set<TestDriveStatus> next() {
 *         return switch (this) {
 *             case BOOKED -> EnumSet.of(COMPLETED, CANCELLED);
 *             case COMPLETED, CANCELLED -> EnumSet.noneOf(TestDriveStatus.class);
 *         };
 *     }
 * }
 * }</pre>
 */
public interface Lifecycle<S extends Enum<S> & Lifecycle<S>> {

    /** The statuses this one may become. */
    Set<S> next();

    default boolean mayBecome(S target) {
        return next().contains(target);
    }

    default boolean isFinal() {
        return next().isEmpty();
    }

    /**
     * @return {@code target}, when {@code current} may become it
     * @throws IllegalTransition naming the current status otherwise
     */
    static <S extends Enum<S> & Lifecycle<S>> S requireTransition(S current, S target) {
        String what = target.getDeclaringClass().getSimpleName().replaceAll("Status$", "").replaceAll("([a-z])([A-Z])", "$1 $2");
        return requireTransition(current, target, "A " + what.toLowerCase() + " that is " + current + " cannot become " + target);
    }

    /** As {@link #requireTransition(Enum, Enum)}, with the business's own words for the refusal. */
    static <S extends Enum<S> & Lifecycle<S>> S requireTransition(S current, S target, String detail) {
        if (current == null || !current.mayBecome(target)) {
            throw new IllegalTransition(detail, current);
        }
        return target;
    }
}

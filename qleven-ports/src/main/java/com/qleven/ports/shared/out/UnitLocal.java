package com.qleven.ports.shared.out;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value that lives as long as one unit of work, the way a {@link ThreadLocal} lives as long as a
 * thread: {@link Transactions#unitLocal} gives each unit its own, made on first use in the unit and
 * dropped when the unit ends, whether it commits or rolls back. For what must not outlive what the
 * unit saw, such as the data keys a cipher read in it. Instances are compared by identity: keep
 * one in a field.
 */
public final class UnitLocal<T> {
    private final Supplier<? extends T> initial;

    private UnitLocal(Supplier<? extends T> initial) {
        this.initial = initial;
    }

    /** A unit-local whose value in each unit starts as {@code initial} makes it. */
    public static <T> UnitLocal<T> withInitial(Supplier<? extends T> initial) {
        return new UnitLocal<>(Objects.requireNonNull(initial, "initial"));
    }

    /** A new value for a unit that has none yet; called by {@link Transactions} implementations. */
    public T initialValue() {
        return Objects.requireNonNull(initial.get(), "a unit-local's initial value");
    }
}

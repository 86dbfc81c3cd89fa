package com.qleven.domain.clients;

import java.util.Objects;
import java.util.Optional;

/**
 * What a merge patch (RFC 7396) does to one member: leaves it as it is (the member is absent),
 * clears it (the member is null), or replaces it (any other value).
 */
public sealed interface FieldChange<T> permits FieldChange.Unchanged, FieldChange.Cleared, FieldChange.Replaced {

    /** The member's value after the change. */
    Optional<T> applyTo(Optional<T> current);

    static <T> FieldChange<T> unchanged() {
        return new Unchanged<>();
    }

    static <T> FieldChange<T> cleared() {
        return new Cleared<>();
    }

    static <T> FieldChange<T> replacedBy(T value) {
        return new Replaced<>(value);
    }

    record Unchanged<T>() implements FieldChange<T> {
        @Override
        public Optional<T> applyTo(Optional<T> current) {
            return current;
        }
    }

    record Cleared<T>() implements FieldChange<T> {
        @Override
        public Optional<T> applyTo(Optional<T> current) {
            return Optional.empty();
        }
    }

    record Replaced<T>(T value) implements FieldChange<T> {
        public Replaced {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Optional<T> applyTo(Optional<T> current) {
            return Optional.of(value);
        }

        @Override
        public String toString() {
            return "Replaced[redacted]";
        }
    }
}

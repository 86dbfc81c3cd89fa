package com.qleven.domain.shared;

import java.util.Objects;

/** One invalid field: its name (dotted path for nested fields, e.g. {@code admin.email}) and why. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}

package com.qleven.domain.tenancy;

import com.qleven.domain.shared.FieldError;
import java.util.List;

/** Checks of free text fields shared by the tenancy records. */
final class Text {
    private Text() {
    }

    static String required(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return value;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        } else if (trimmed.chars().anyMatch(c -> Character.isISOControl(c))) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
        return trimmed;
    }
}

package com.qleven.domain.scheduling;

import com.qleven.domain.shared.FieldError;
import java.util.List;
import java.util.Locale;

/** Checks of the free-text fields of the scheduling records. */
final class Texts {
    private Texts() {
    }

    /** The stripped text, or an error naming the field when blank, too long or holding control characters. */
    static String required(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return value;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        } else if (trimmed.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "must not contain control characters"));
        }
        return trimmed;
    }

    /**
     * An equipment kind as compared everywhere: stripped and lowercased, so "Laser " on a machine and
     * "laser" on a service are the same kind.
     */
    static String kind(List<FieldError> errors, String field, String value) {
        String text = required(errors, field, value, Equipment.MAX_KIND);
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}

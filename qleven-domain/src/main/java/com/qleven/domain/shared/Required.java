package com.qleven.domain.shared;

/**
 * A member a command or a use case cannot do without: missing, it is a {@link ValidationException}
 * naming the field, as bad input is everywhere, never a {@code NullPointerException} from deep in a
 * service.
 */
public final class Required {
    private Required() {
    }

    /** The value, or a validation error naming {@code field} when it is null. */
    public static <T> T field(T value, String field) {
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        return value;
    }

    /** The text, or a validation error naming {@code field} when it is null or blank. */
    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        return value;
    }
}

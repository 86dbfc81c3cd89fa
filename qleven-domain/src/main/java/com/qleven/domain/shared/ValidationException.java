package com.qleven.domain.shared;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input. Always names at least one field. */
public final class ValidationException extends QlevenException {
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(ErrorCode.VALIDATION, describe(errors), null);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation error names at least one field");
        }
        this.errors = List.copyOf(errors);
    }

    public ValidationException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The same errors with every field name prefixed, for a value validated inside a larger command. */
    public ValidationException under(String prefix) {
        return new ValidationException(errors.stream()
                .map(e -> new FieldError(prefix + "." + e.field(), e.message()))
                .toList());
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }
}

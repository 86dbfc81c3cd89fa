package com.qleven.domain.devices;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The rules a command's parameters and lifetime follow. {@code arm} and {@code set_parameters} carry a
 * non-empty object of at most {@value #MAX_PARAMETERS} names ({@code [a-zA-Z][a-zA-Z0-9_]{0,39}}) to
 * finite numbers, strings (at most {@value #MAX_STRING} characters) or booleans; every other type
 * carries none. A command lives {@value #MIN_EXPIRES_SECONDS} to {@value #MAX_EXPIRES_SECONDS} seconds.
 * Errors name the field ({@code parameters}, {@code parameters.<name>}, {@code expiresInSeconds}).
 */
public final class CommandParameters {
    public static final int MAX_PARAMETERS = 32;
    public static final int MAX_STRING = 200;
    public static final int MIN_EXPIRES_SECONDS = 5;
    public static final int MAX_EXPIRES_SECONDS = 86_400;
    public static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,39}");

    private CommandParameters() {
    }

    /** The parameters checked for this type, in their given order; numbers kept as given (Long or Double). */
    public static Map<String, Object> validate(CommandType type, Map<String, ?> parameters) {
        Objects.requireNonNull(type, "type");
        Map<String, ?> given = parameters == null ? Map.of() : parameters;
        if (!type.takesParameters()) {
            if (!given.isEmpty()) {
                throw new ValidationException("parameters", "a " + type.wireName() + " command takes no parameters");
            }
            return Map.of();
        }
        if (given.isEmpty()) {
            throw new ValidationException("parameters", "a " + type.wireName() + " command needs its parameters");
        }
        if (given.size() > MAX_PARAMETERS) {
            throw new ValidationException("parameters", "at most " + MAX_PARAMETERS + " parameters");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : given.entrySet()) {
            String name = e.getKey();
            if (name == null || !NAME.matcher(name).matches()) {
                errors.add(new FieldError("parameters", "names match [a-zA-Z][a-zA-Z0-9_]{0,39}"));
                continue;
            }
            Object v = e.getValue();
            String field = "parameters." + name;
            if (v instanceof Boolean) {
                out.put(name, v);
            } else if (v instanceof String s) {
                if (s.length() > MAX_STRING) {
                    errors.add(new FieldError(field, "at most " + MAX_STRING + " characters"));
                } else {
                    out.put(name, s);
                }
            } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
                out.put(name, ((Number) v).longValue());
            } else if (v instanceof Number n) {
                double d = n.doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    errors.add(new FieldError(field, "must be a finite number"));
                } else {
                    out.put(name, d);
                }
            } else {
                errors.add(new FieldError(field, "must be a number, a string or a boolean"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The lifetime in seconds, checked: {@value #MIN_EXPIRES_SECONDS}..{@value #MAX_EXPIRES_SECONDS}. */
    public static int expiresInSeconds(Integer seconds) {
        if (seconds == null) {
            throw new ValidationException("expiresInSeconds", "is required");
        }
        if (seconds < MIN_EXPIRES_SECONDS || seconds > MAX_EXPIRES_SECONDS) {
            throw new ValidationException("expiresInSeconds",
                    "must be between " + MIN_EXPIRES_SECONDS + " and " + MAX_EXPIRES_SECONDS);
        }
        return seconds;
    }
}

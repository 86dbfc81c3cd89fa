package com.qleven.application.scheduling;

import com.qleven.domain.shared.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Reads members of a JSON object given as plain values (a string, a Boolean, a Number, a List, a
 * Map, or null), as the merge-patch commands take them, naming the member when its type is wrong.
 */
final class Members {
    private Members() {
    }

    static String text(Object value, String field) {
        if (value instanceof String s) {
            return s;
        }
        throw new ValidationException(field, "must be a string");
    }

    static boolean bool(Object value, String field) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new ValidationException(field, "must be true or false");
    }

    /** A whole number that fits an int: 15 and 15.0 do, 15.5 and 1e12 do not. */
    static int integer(Object value, String field) {
        long whole = whole(value, field);
        if (whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE) {
            throw new ValidationException(field, "is out of range");
        }
        return (int) whole;
    }

    static long whole(Object value, String field) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n) {
            try {
                BigDecimal exact = n instanceof BigInteger big ? new BigDecimal(big) : new BigDecimal(n.toString());
                return exact.longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw new ValidationException(field, "must be a whole number");
            }
        }
        throw new ValidationException(field, "must be a whole number");
    }

    static List<?> list(Object value, String field) {
        if (value instanceof List<?> l) {
            return l;
        }
        throw new ValidationException(field, "must be an array");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, String field) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new ValidationException(field, "must be an object");
    }
}

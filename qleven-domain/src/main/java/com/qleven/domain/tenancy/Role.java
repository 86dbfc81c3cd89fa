package com.qleven.domain.tenancy;

import com.qleven.domain.shared.ValidationException;
import java.util.Arrays;
import java.util.Locale;

/** What a person may do: three center roles, and the platform's own operators who belong to no center. */
public enum Role {
    ADMINISTRATOR,
    PROFESSIONAL,
    RECEPTIONIST,
    OPERATOR;

    /** The wire name: lowercase snake_case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isCenterRole() {
        return this != OPERATOR;
    }

    /** Parses one of the center roles; {@code operator} is never granted through a center. */
    public static Role centerRole(String field, String wire) {
        return Arrays.stream(values())
                .filter(Role::isCenterRole)
                .filter(r -> r.wireName().equals(wire))
                .findFirst()
                .orElseThrow(() -> new ValidationException(field,
                        "must be one of administrator, professional, receptionist"));
    }

    public static Role fromWire(String wire) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role " + wire));
    }
}

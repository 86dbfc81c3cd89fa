package com.qleven.domain.consent;

import com.qleven.domain.shared.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the client said: a grant, a refusal, or the withdrawal of an earlier grant. */
public enum ConsentDecision {
    GRANTED,
    REFUSED,
    WITHDRAWN;

    /** The wire name: lowercase snake_case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConsentDecision parse(String field, String wire) {
        if (wire == null || wire.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        return Arrays.stream(values()).filter(d -> d.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> new ValidationException(field, "must be one of "
                        + Arrays.stream(values()).map(ConsentDecision::wireName).collect(Collectors.joining(", "))));
    }

    public static ConsentDecision fromWire(String wire) {
        return Arrays.stream(values()).filter(d -> d.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown decision " + wire));
    }
}

package com.qleven.domain.privacy;

import com.qleven.domain.shared.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of personal data a breach may touch, a closed list so that a center can tell its
 * authority exactly what was exposed (health data is a special category and changes what it owes).
 */
public enum IncidentCategory {
    IDENTITY,
    CONTACT,
    HEALTH,
    MESSAGES,
    BILLING,
    CREDENTIALS,
    USAGE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws ValidationException naming {@code field} when the value is not on the list */
    public static IncidentCategory parse(String field, String wire) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> new ValidationException(field, "must be one of " + Arrays.stream(values())
                        .map(IncidentCategory::wireName).collect(Collectors.joining(", "))));
    }
}

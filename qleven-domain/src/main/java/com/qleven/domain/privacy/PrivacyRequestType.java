package com.qleven.domain.privacy;

import com.qleven.domain.shared.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The rights of section 11 of the privacy policy that a client may exercise (GDPR Articles 15 to 22). */
public enum PrivacyRequestType {
    ACCESS,
    RECTIFICATION,
    ERASURE,
    RESTRICTION,
    PORTABILITY,
    OBJECTION,
    WITHDRAWAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the wire name; anything else is a validation error naming {@code field}. */
    public static PrivacyRequestType parse(String field, String wire) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> new ValidationException(field, "must be one of " + Arrays.stream(values())
                        .map(PrivacyRequestType::wireName).collect(Collectors.joining(", "))));
    }
}

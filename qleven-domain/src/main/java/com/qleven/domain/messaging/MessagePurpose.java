package com.qleven.domain.messaging;

import com.qleven.domain.shared.ValidationException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Why a message is sent, which picks its template. Wire names are lowercase snake_case
 * ({@code follow_up}). Only {@link #MARKETING} needs marketing consent on top of WhatsApp consent.
 */
public enum MessagePurpose {
    CONFIRMATION,
    REMINDER,
    CHANGE,
    CANCELLATION,
    FOLLOW_UP,
    MARKETING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the marketing rules apply (marketing consent, 16 or older, no objection, no opt-out). */
    public boolean marketing() {
        return this == MARKETING;
    }

    /** The wire name, naming {@code purpose} when it is none. */
    public static MessagePurpose parse(String wire) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> new ValidationException("purpose",
                        "must be one of confirmation, reminder, change, cancellation, follow_up, marketing"));
    }
}

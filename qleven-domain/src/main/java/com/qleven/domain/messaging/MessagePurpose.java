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
    MARKETING,
    /** Free text staff write to a client inside the 24-hour window: no template. */
    CONVERSATION;

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
                        "must be one of confirmation, reminder, change, cancellation, follow_up, marketing, conversation"));
    }

    /** Whether a template carries it: every purpose but free text ({@link #CONVERSATION}). */
    public boolean templated() {
        return this != CONVERSATION;
    }

    /** A template's purpose by its wire name, naming {@code purpose} when it is none or free text. */
    public static MessagePurpose parseTemplated(String wire) {
        return Arrays.stream(values()).filter(MessagePurpose::templated).filter(p -> p.wireName().equals(wire))
                .findFirst().orElseThrow(() -> new ValidationException("purpose",
                        "must be one of confirmation, reminder, change, cancellation, follow_up, marketing"));
    }
}

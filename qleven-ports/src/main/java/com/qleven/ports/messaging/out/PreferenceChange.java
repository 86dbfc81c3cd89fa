package com.qleven.ports.messaging.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code user_preferences[]} item of a {@code user_preferences} webhook: the client behind
 * {@code waId} (digits, as Meta spells the number) told WhatsApp to stop or resume a category of
 * messages (Meta's category, such as {@code marketing_messages}; value {@code stop} or {@code resume})
 * through the number {@code phoneNumberId}, at {@code at}. Meta's {@code detail} text is kept as sent.
 */
public record PreferenceChange(String phoneNumberId, String waId, Instant at, String category, String value,
                               Optional<String> detail) {
    public PreferenceChange {
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(waId, "waId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(detail, "detail");
    }

    /** A stop of marketing messages ("Stop promotions" in WhatsApp). */
    public boolean marketingStop() {
        return "marketing_messages".equals(category) && "stop".equals(value);
    }

    /** A resume of marketing messages: it grants nothing by itself (consent is explicit). */
    public boolean marketingResume() {
        return "marketing_messages".equals(category) && "resume".equals(value);
    }

    @Override
    public String toString() {
        return "PreferenceChange[category=" + category + ", value=" + value + ", at=" + at + "]";
    }
}

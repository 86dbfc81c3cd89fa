package com.qleven.domain.consent;

import com.qleven.domain.shared.ValidationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the decision reached the center. */
public enum ConsentChannel {
    IN_PERSON,
    WEB_FORM,
    /** A reply on WhatsApp (such as STOP), captured by the platform: never recorded by staff. */
    WHATSAPP_REPLY,
    API,
    ONLINE_BOOKING;

    /** The wire name: lowercase snake_case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a staff member may record a decision that came this way: not a WhatsApp reply. */
    public boolean staffMayRecord() {
        return this != WHATSAPP_REPLY;
    }

    public static ConsentChannel parse(String field, String wire) {
        if (wire == null || wire.isBlank()) {
            throw new ValidationException(field, "is required");
        }
        return Arrays.stream(values()).filter(c -> c.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> new ValidationException(field, "must be one of "
                        + Arrays.stream(values()).map(ConsentChannel::wireName).collect(Collectors.joining(", "))));
    }

    public static ConsentChannel fromWire(String wire) {
        return Arrays.stream(values()).filter(c -> c.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown channel " + wire));
    }
}

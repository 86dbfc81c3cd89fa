package com.qleven.domain.devices;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a device answers on {@code acks/{commandId}}: {@code accepted}, {@code rejected} or {@code done}. */
public enum AckStatus {
    ACCEPTED,
    REJECTED,
    DONE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a device sent; empty for anything else (the ack is then dropped and counted). */
    public static Optional<AckStatus> fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(wire)).findFirst();
    }
}

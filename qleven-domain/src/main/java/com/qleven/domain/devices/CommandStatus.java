package com.qleven.domain.devices;

import java.util.Locale;

/**
 * Where a device command stands. {@link #QUEUED} waits in the outbox; {@link #SENT} was handed to the
 * broker (PUBACK) and waits for the device; {@link #ACCEPTED} the device took it; {@link #DONE},
 * {@link #REJECTED}, {@link #EXPIRED} and {@link #FAILED} are final.
 */
public enum CommandStatus {
    QUEUED,
    SENT,
    ACCEPTED,
    DONE,
    REJECTED,
    EXPIRED,
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether nothing moves it any more. */
    public boolean terminal() {
        return this == DONE || this == REJECTED || this == EXPIRED || this == FAILED;
    }

    public static CommandStatus fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}

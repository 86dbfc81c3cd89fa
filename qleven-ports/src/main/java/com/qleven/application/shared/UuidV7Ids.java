package com.qleven.application.shared;

import com.qleven.ports.shared.out.IdGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Time-ordered UUIDv7 ids (RFC 9562): 48 bits of Unix milliseconds, a 12-bit sequence, then random
 * bits. Ids made by one generator strictly increase, even within a millisecond or when the clock
 * stands still (method 1 of RFC 9562 section 6.2), so "creation, then id" is a stable order.
 */
public final class UuidV7Ids implements IdGenerator {
    private static final int SEQUENCE_MAX = 0xFFF;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private int sequence;

    public UuidV7Ids(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized UUID next() {
        long millis = clock.millis();
        if (millis > lastMillis) {
            lastMillis = millis;
            sequence = random.nextInt(SEQUENCE_MAX / 2);
        } else if (sequence < SEQUENCE_MAX) {
            sequence++;
        } else {
            lastMillis++;
            sequence = 0;
        }
        long msb = (lastMillis << 16) | (0x7L << 12) | sequence;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}

package com.qleven.application.shared;

import com.qleven.ports.shared.out.IdGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/** Time-ordered UUIDv7 ids (RFC 9562): 48 bits of Unix milliseconds, then random bits. */
public final class UuidV7Ids implements IdGenerator {
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public UuidV7Ids(Clock clock) {
        this.clock = clock;
    }

    @Override
    public UUID next() {
        long millis = clock.millis();
        long randA = random.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}

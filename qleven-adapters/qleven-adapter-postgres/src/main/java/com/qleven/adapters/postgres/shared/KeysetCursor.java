package com.qleven.adapters.postgres.shared;

import com.qleven.domain.shared.ValidationException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page ordered by (a time, an id) ended: the last row's time in microseconds and its id, as
 * 24 bytes in unpadded base64url. Opaque to callers; a forged one is the caller's validation error.
 */
public record KeysetCursor(Instant at, UUID id) {
    private static final int BYTES = Long.BYTES * 3;
    // Outside this range PostgreSQL would fail the query.
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public String encode() {
        ByteBuffer buffer = ByteBuffer.allocate(BYTES)
                .putLong(ChronoUnit.MICROS.between(Instant.EPOCH, at))
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    public static KeysetCursor decode(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
        if (bytes.length != BYTES) {
            throw notACursor();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        Instant at = Instant.EPOCH.plus(buffer.getLong(), ChronoUnit.MICROS);
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw notACursor();
        }
        return new KeysetCursor(at, new UUID(buffer.getLong(), buffer.getLong()));
    }

    private static ValidationException notACursor() {
        return new ValidationException("cursor", "is not a cursor this list returned");
    }
}

package com.qleven.adapters.postgres.clients;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.ValidationException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of clients ended: the last row's creation time in microseconds and its id, as 24
 * bytes in unpadded base64url. Opaque to callers.
 */
record ClientCursor(Instant createdAt, ClientId id) {
    private static final int BYTES = Long.BYTES * 3;
    // Outside this range PostgreSQL would fail the query: a forged cursor is the caller's error.
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    String encode() {
        ByteBuffer buffer = ByteBuffer.allocate(BYTES)
                .putLong(ChronoUnit.MICROS.between(Instant.EPOCH, createdAt))
                .putLong(id.value().getMostSignificantBits())
                .putLong(id.value().getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    static ClientCursor decode(String text) {
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
        return new ClientCursor(at, new ClientId(new UUID(buffer.getLong(), buffer.getLong())));
    }

    private static ValidationException notACursor() {
        return new ValidationException("cursor", "is not a cursor this list returned");
    }
}

package com.qleven.ports.scheduling.out;

import com.qleven.domain.scheduling.TimeOff;
import com.qleven.domain.scheduling.TimeOffId;
import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A member's time off as stored: its reason only sealed (it may be health data, "surgery"), the
 * instants in clear since availability needs them.
 */
public record StoredTimeOff(TimeOffId id, UserId professional, Instant start, Instant end, byte[] sealedReason,
                           Instant createdAt) {
    public StoredTimeOff {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(professional, "professional");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(sealedReason, "sealedReason");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("time off ends after it starts");
        }
        sealedReason = sealedReason.clone();
    }

    @Override
    public byte[] sealedReason() {
        return sealedReason.clone();
    }

    public TimeRange range() {
        return new TimeRange(start, end);
    }

    /** The domain's time off, with the reason the caller unsealed. */
    public TimeOff toTimeOff(String reason) {
        return new TimeOff(id, professional, start, end, reason);
    }

    @Override
    public String toString() {
        return "StoredTimeOff[id=" + id + ", professional=" + professional + ", start=" + start + ", end=" + end + "]";
    }
}

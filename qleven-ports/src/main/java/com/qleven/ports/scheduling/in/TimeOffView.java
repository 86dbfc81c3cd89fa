package com.qleven.ports.scheduling.in;

import com.qleven.domain.scheduling.TimeOffId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A member's time off as staff see it. The reason may be health data: it is opened only for the
 * member themselves and the center's administrators, empty for everyone else.
 */
public record TimeOffView(TimeOffId id, UserId member, Instant start, Instant end, Optional<String> reason,
                          Instant createdAt) {
    public TimeOffView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "TimeOffView[id=" + id + ", member=" + member + ", start=" + start + ", end=" + end + "]";
    }
}

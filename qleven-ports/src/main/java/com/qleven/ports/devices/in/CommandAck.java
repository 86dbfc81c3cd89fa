package com.qleven.ports.devices.in;

import com.qleven.domain.devices.AckStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An {@code acks/{commandId}} message: accepted, rejected or done, the device's detail, when it came. */
public record CommandAck(AckStatus status, Optional<String> detail, Instant receivedAt) {
    public CommandAck {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}

package com.qleven.ports.messaging.in;

import java.time.Instant;
import java.util.Objects;

/**
 * A center's connected number as staff see it: never its token. {@code status} is
 * {@code connected} or {@code reconnect_needed} (Meta refused the token: nothing is sent until an
 * administrator connects it again).
 */
public record AccountView(String phoneNumberId, String wabaId, String displayPhoneNumber, String status,
                          Instant connectedAt) {
    public AccountView {
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(wabaId, "wabaId");
        Objects.requireNonNull(displayPhoneNumber, "displayPhoneNumber");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(connectedAt, "connectedAt");
    }
}

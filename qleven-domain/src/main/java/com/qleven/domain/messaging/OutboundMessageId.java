package com.qleven.domain.messaging;

import java.util.Objects;
import java.util.UUID;

/**
 * An outbound message's id. It is the opaque id sent to Meta in {@code biz_opaque_callback_data}
 * (nothing else about the center or the client goes there), so a status can find an uncertain message.
 */
public record OutboundMessageId(UUID value) {
    public OutboundMessageId {
        Objects.requireNonNull(value, "value");
    }

    public static OutboundMessageId of(String text) {
        return new OutboundMessageId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

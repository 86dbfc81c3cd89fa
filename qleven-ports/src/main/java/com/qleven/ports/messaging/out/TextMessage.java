package com.qleven.ports.messaging.out;

import java.util.Objects;

/**
 * A free-text message to one recipient (only inside the 24-hour customer service window).
 *
 * @param callbackData our message's opaque id, as for {@link TemplateMessage}
 */
public record TextMessage(String phoneNumberId, String to, String body, String callbackData) {
    public TextMessage {
        GraphIds.nodeId(phoneNumberId, "phoneNumberId");
        GraphIds.e164(to, "to");
        Objects.requireNonNull(body, "body");
        // Meta's limit for a text body is 4096 characters.
        if (body.isBlank() || body.length() > 4096) {
            throw new IllegalArgumentException("body is 1 to 4096 characters");
        }
        GraphIds.callbackData(callbackData);
    }

    @Override
    public String toString() {
        return "TextMessage[phoneNumberId=" + phoneNumberId + ", callbackData=" + callbackData + "]";
    }
}

package com.qleven.ports.messaging.out;

import java.time.Instant;
import java.util.Objects;

/** A contact on the staff's attribution worklist: its messages no client is attributed to, counted, and the latest one's time. */
public record ContactSummary(WhatsAppContact contact, long unattributedMessages, Instant lastMessageAt) {
    public ContactSummary {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(lastMessageAt, "lastMessageAt");
        if (unattributedMessages < 0) {
            throw new IllegalArgumentException("unattributedMessages: " + unattributedMessages);
        }
    }
}

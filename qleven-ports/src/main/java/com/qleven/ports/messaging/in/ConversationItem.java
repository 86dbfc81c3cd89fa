package com.qleven.ports.messaging.in;

import com.qleven.domain.messaging.InboundKind;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.MessageStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One message of a client's conversation as staff see it.
 * <ul>
 *   <li>{@code direction} {@code in} (from the client) or {@code out} (to the client); {@code at}: when
 *       the client sent it (Meta's time) or when it was queued.</li>
 *   <li>In: its {@code kind}, {@code text} (text, caption, button title, system body), {@code media}
 *       by Meta's id, {@code replyTo} (the wamid it answers) and {@code replyId} (a button's payload).</li>
 *   <li>Out: its {@code purpose}, {@code templateName}, {@code status}; {@code text} only for free text
 *       (a template's parameters stay sealed).</li>
 *   <li>{@code reaction}: the client's latest reaction to it, if one is on it now.</li>
 * </ul>
 */
public record ConversationItem(String direction, UUID id, Instant at, Optional<String> wamid,
                               Optional<InboundKind> kind, Optional<String> text, Optional<Media> media,
                               Optional<String> replyTo, Optional<String> replyId, Optional<MessagePurpose> purpose,
                               Optional<String> templateName, Optional<MessageStatus> status,
                               Optional<String> reaction) {
    public ConversationItem {
        if (!"in".equals(direction) && !"out".equals(direction)) {
            throw new IllegalArgumentException("direction is in or out");
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(wamid, "wamid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(replyId, "replyId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(templateName, "templateName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reaction, "reaction");
    }

    /** Media kept by Meta's id (never downloaded here), its mime type and a document's file name. */
    public record Media(String id, Optional<String> mimeType, Optional<String> filename) {
        public Media {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(mimeType, "mimeType");
            Objects.requireNonNull(filename, "filename");
        }
    }

    @Override
    public String toString() {
        return "ConversationItem[direction=" + direction + ", id=" + id + "]";
    }
}

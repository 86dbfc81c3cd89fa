package com.qleven.ports.messaging.out;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.InboundKind;
import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A client's WhatsApp message as stored, once per center and wamid (a replay stores nothing).
 * <ul>
 *   <li>{@code contact}: its sender; {@code client}: the center's client it is from, set when exactly
 *       one client had the number when it came, else empty until staff attribute the contact.</li>
 *   <li>{@code receivedAt}: Meta's timestamp (when the client sent it); {@code storedAt}: when it was
 *       stored here.</li>
 *   <li>{@code contextWamid}: the message it answers; {@code replyId}: a button's payload or id.</li>
 *   <li>Media by Meta's id and mime type (never downloaded); its file name sealed.</li>
 *   <li>A reaction: its target wamid and emoji (empty: the sender removed their reaction).</li>
 *   <li>{@code systemType}: a system message's type, such as {@code user_changed_number}.</li>
 *   <li>{@code sealedContent}: the text, caption, button title or system body, sealed under the
 *       contact's key (empty when there was none).</li>
 * </ul>
 */
public record InboundMessage(TenantId tenant, UUID id, String wamid, UUID contact, Optional<ClientId> client,
                             InboundKind kind, Instant receivedAt, Instant storedAt, Optional<String> contextWamid,
                             Optional<String> replyId, Optional<String> mediaId, Optional<String> mediaMimeType,
                             Optional<byte[]> sealedFilename, Optional<String> reactionTarget,
                             Optional<String> reactionEmoji, Optional<String> systemType,
                             Optional<byte[]> sealedContent) {
    public InboundMessage {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(wamid, "wamid");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(storedAt, "storedAt");
        Objects.requireNonNull(contextWamid, "contextWamid");
        Objects.requireNonNull(replyId, "replyId");
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(mediaMimeType, "mediaMimeType");
        Objects.requireNonNull(sealedFilename, "sealedFilename");
        Objects.requireNonNull(reactionTarget, "reactionTarget");
        Objects.requireNonNull(reactionEmoji, "reactionEmoji");
        Objects.requireNonNull(systemType, "systemType");
        Objects.requireNonNull(sealedContent, "sealedContent");
        if (wamid.isBlank() || wamid.length() > 512) {
            throw new IllegalArgumentException("a wamid is 1 to 512 characters");
        }
        if ((kind == InboundKind.REACTION) != reactionTarget.isPresent()) {
            throw new IllegalArgumentException("a reaction, and only a reaction, has a target");
        }
        if (reactionEmoji.isPresent() && reactionTarget.isEmpty()) {
            throw new IllegalArgumentException("an emoji belongs to a reaction");
        }
    }

    /** A reaction whose emoji is empty: it removes the sender's earlier reaction to the target. */
    public boolean reactionRemoved() {
        return kind == InboundKind.REACTION && reactionEmoji.filter(e -> !e.isEmpty()).isEmpty();
    }

    public InboundMessage withClient(Optional<ClientId> newClient) {
        return new InboundMessage(tenant, id, wamid, contact, newClient, kind, receivedAt, storedAt, contextWamid,
                replyId, mediaId, mediaMimeType, sealedFilename, reactionTarget, reactionEmoji, systemType,
                sealedContent);
    }

    @Override
    public String toString() {
        return "InboundMessage[id=" + id + ", kind=" + kind + "]";
    }
}

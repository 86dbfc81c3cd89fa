package com.qleven.ports.messaging.out;

import com.qleven.domain.messaging.InboundKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code messages[]} item of a {@code messages} webhook: what a client sent to the center's number.
 * <ul>
 *   <li>{@code phoneNumberId}: the center's number it came to ({@code metadata.phone_number_id});
 *       {@code wamid}: Meta's id of it, the key of deduplication; {@code from}: the sender's number as
 *       Meta spells it (digits, no +); {@code profileName}: the name on their WhatsApp profile
 *       ({@code contacts[].profile.name} for that {@code wa_id}); {@code at}: its {@code timestamp}.</li>
 *   <li>{@code type}: Meta's type as spelt ({@link #kind()} reads it); {@code text}: the text of a
 *       text message, the caption of media, the title of a tapped button, the body of a system
 *       message; {@code contextWamid}: the wamid of the message it answers ({@code context.id}),
 *       present for quick replies to our templates.</li>
 *   <li>{@code replyId}: a quick reply's {@code button.payload}, or an interactive
 *       {@code button_reply.id}/{@code list_reply.id}.</li>
 *   <li>{@code media}, {@code reaction}, {@code system}: present for their kinds; a reaction whose
 *       emoji is empty removes the sender's earlier reaction to that message.</li>
 *   <li>{@code errors}: {@code messages[].errors[]} (an unsupported type).</li>
 * </ul>
 * {@code toString} shows no text, number or name.
 */
public record ReceivedMessage(String phoneNumberId, String wamid, String from, Optional<String> profileName,
                              Instant at, String type, Optional<String> text, Optional<String> contextWamid,
                              Optional<String> replyId, Optional<Media> media, Optional<Reaction> reaction,
                              Optional<SystemChange> system, List<WebhookValueError> errors) {
    public ReceivedMessage {
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(wamid, "wamid");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(profileName, "profileName");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(contextWamid, "contextWamid");
        Objects.requireNonNull(replyId, "replyId");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(reaction, "reaction");
        Objects.requireNonNull(system, "system");
        errors = List.copyOf(Objects.requireNonNull(errors, "errors"));
        if (wamid.isBlank()) {
            throw new IllegalArgumentException("an inbound message names its wamid");
        }
    }

    public InboundKind kind() {
        return InboundKind.of(type);
    }

    /** Media kept by Meta's id (never downloaded here), with what Meta said of it. */
    public record Media(String id, Optional<String> mimeType, Optional<String> sha256, Optional<String> filename) {
        public Media {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(mimeType, "mimeType");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(filename, "filename");
        }
    }

    /** A reaction to the message {@code targetWamid}; an empty emoji removes it. */
    public record Reaction(String targetWamid, Optional<String> emoji) {
        public Reaction {
            Objects.requireNonNull(targetWamid, "targetWamid");
            Objects.requireNonNull(emoji, "emoji");
        }

        public boolean removed() {
            return emoji.isEmpty();
        }
    }

    /**
     * A system message: its {@code system.type} as Meta spells it ({@code user_changed_number}, formerly
     * {@code customer_changed_number}, or another) and the sender's new number ({@code system.wa_id},
     * or {@code new_wa_id}) when the number changed.
     */
    public record SystemChange(String type, Optional<String> newWaId) {
        public SystemChange {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(newWaId, "newWaId");
        }

        public boolean numberChanged() {
            return newWaId.isPresent() && (type.equals("user_changed_number") || type.equals("customer_changed_number"));
        }
    }

    @Override
    public String toString() {
        return "ReceivedMessage[type=" + type + ", at=" + at + "]";
    }
}

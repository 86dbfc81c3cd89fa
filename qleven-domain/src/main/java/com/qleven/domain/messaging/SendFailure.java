package com.qleven.domain.messaging;

import java.util.Objects;
import java.util.Optional;

/**
 * Why the Cloud API refused a message, with the Graph error code it came with (kept on the message
 * for staff) and what the dispatcher does about it ({@link Kind}). Built from the code, never from
 * the HTTP status or the title text (shared/whatsapp-cloud-api.md, "Error responses").
 */
public record SendFailure(int graphCode, Kind kind, Optional<String> detail) {
    public SendFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** What a failure means for the message and the number. */
    public enum Kind {
        /** The platform or the number is busy or unavailable (130429, 4, 80007, 131057, 1, 2, 131000, 131016, 5xx): back off, send again. */
        RETRY_LATER,
        /** Too many messages to this recipient (131056, the pair rate): only this recipient waits. */
        RETRY_RECIPIENT_LATER,
        /** The token is expired or revoked (190): the center must reconnect its number; nothing is sent meanwhile. */
        RECONNECT,
        /** The message as it is can never go (a bad parameter, a template not approved, not on WhatsApp, …). */
        NEVER
    }

    /** The kind a Graph error code calls for; an unknown code is not retried (a duplicate is worse than a gap staff can see). */
    public static Kind kindOf(int graphCode) {
        return switch (graphCode) {
            case 130429, 4, 80007, 131057, 1, 2, 131000, 131016 -> Kind.RETRY_LATER;
            case 131056 -> Kind.RETRY_RECIPIENT_LATER;
            case 190 -> Kind.RECONNECT;
            default -> Kind.NEVER;
        };
    }

    /** A failure of that code, its kind from {@link #kindOf}. */
    public static SendFailure of(int graphCode, String detail) {
        return new SendFailure(graphCode, kindOf(graphCode), Optional.ofNullable(detail).filter(d -> !d.isBlank()));
    }
}

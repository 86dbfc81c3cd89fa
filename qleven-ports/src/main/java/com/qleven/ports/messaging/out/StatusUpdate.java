package com.qleven.ports.messaging.out;

import com.qleven.domain.messaging.DeliveryStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code statuses[]} item of a {@code messages} webhook: the number it came through ({@code
 * metadata.phone_number_id}), the message's wamid, the status as Meta spelt it and, when it is one
 * of sent, delivered, read or failed, its {@link #kind()}; when it happened; our message id from
 * {@code biz_opaque_callback_data} (as sent; may be anything); the first error of a failed status;
 * and the pricing and conversation Meta attached. The recipient's number is not kept.
 */
public record StatusUpdate(String phoneNumberId, String wamid, String status, Instant at,
                           Optional<String> callbackData, Optional<StatusError> error, Optional<Pricing> pricing,
                           Optional<Conversation> conversation) {
    public StatusUpdate {
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(wamid, "wamid");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(callbackData, "callbackData");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(pricing, "pricing");
        Objects.requireNonNull(conversation, "conversation");
        if (wamid.isBlank()) {
            throw new IllegalArgumentException("a status names its wamid");
        }
    }

    /** sent, delivered, read or failed; empty for any other value Meta sends (logged and passed over). */
    public Optional<DeliveryStatus.Kind> kind() {
        return switch (status) {
            case "sent" -> Optional.of(DeliveryStatus.Kind.SENT);
            case "delivered" -> Optional.of(DeliveryStatus.Kind.DELIVERED);
            case "read" -> Optional.of(DeliveryStatus.Kind.READ);
            case "failed" -> Optional.of(DeliveryStatus.Kind.FAILED);
            default -> Optional.empty();
        };
    }

    /** {@code errors[0]} of a status: the Graph code and Meta's texts about it (no personal data). */
    public record StatusError(int code, Optional<String> title, Optional<String> message, Optional<String> details) {
        public StatusError {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(details, "details");
        }
    }

    /**
     * {@code pricing}: the category (utility, marketing, authentication, service, …), the pricing model
     * ({@code PMP}, formerly {@code CBP}), {@code billable} (deprecated by Meta, so optional) and the
     * pricing type (regular, free_customer_service, free_entry_point), as Meta spelt them.
     */
    public record Pricing(Optional<String> category, Optional<String> model, Optional<Boolean> billable,
                          Optional<String> type) {
        public Pricing {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(billable, "billable");
            Objects.requireNonNull(type, "type");
        }
    }

    /** {@code conversation}: Meta's conversation id and its {@code origin.type}, when Meta still sends them. */
    public record Conversation(String id, Optional<String> origin) {
        public Conversation {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(origin, "origin");
        }
    }
}

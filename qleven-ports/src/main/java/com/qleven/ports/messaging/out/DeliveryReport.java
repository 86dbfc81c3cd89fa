package com.qleven.ports.messaging.out;

import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * What Meta's statuses added to an outbound message beyond its status: the pricing (category,
 * model, billable, type), the conversation (id, origin) and the last error of a failed status, each
 * with the time of the status it came from. {@link #merge} is idempotent and order-free, so statuses
 * replayed in any order, however often, leave the same report: of the statuses carrying pricing (or
 * a conversation) the earliest wins, of the failed ones the latest; a tie goes to the smaller value.
 */
public record DeliveryReport(TenantId tenant, OutboundMessageId message, Optional<StatusUpdate.Pricing> pricing,
                             Optional<Instant> pricingAt, Optional<StatusUpdate.Conversation> conversation,
                             Optional<Instant> conversationAt, Optional<StatusUpdate.StatusError> lastError,
                             Optional<Instant> lastErrorAt) {
    private static final Comparator<Object> CANONICAL = Comparator.comparing(String::valueOf);

    public DeliveryReport {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(pricing, "pricing");
        Objects.requireNonNull(pricingAt, "pricingAt");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(conversationAt, "conversationAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(lastErrorAt, "lastErrorAt");
        if (pricing.isPresent() != pricingAt.isPresent() || conversation.isPresent() != conversationAt.isPresent()
                || lastError.isPresent() != lastErrorAt.isPresent()) {
            throw new IllegalArgumentException("each part of a report comes with its time");
        }
    }

    /** A message nothing was reported about yet. */
    public static DeliveryReport empty(TenantId tenant, OutboundMessageId message) {
        return new DeliveryReport(tenant, message, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Whether no status added anything. */
    public boolean isEmpty() {
        return pricing.isEmpty() && conversation.isEmpty() && lastError.isEmpty();
    }

    /** This report with what the status adds (see the class comment for which value stays). */
    public DeliveryReport merge(StatusUpdate update) {
        Objects.requireNonNull(update, "update");
        Instant at = update.at();
        Optional<StatusUpdate.Pricing> p = pricing;
        Optional<Instant> pAt = pricingAt;
        if (update.pricing().isPresent() && earlierWins(pAt, p, at, update.pricing().get())) {
            p = update.pricing();
            pAt = Optional.of(at);
        }
        Optional<StatusUpdate.Conversation> c = conversation;
        Optional<Instant> cAt = conversationAt;
        if (update.conversation().isPresent() && earlierWins(cAt, c, at, update.conversation().get())) {
            c = update.conversation();
            cAt = Optional.of(at);
        }
        Optional<StatusUpdate.StatusError> e = lastError;
        Optional<Instant> eAt = lastErrorAt;
        if ("failed".equals(update.status()) && update.error().isPresent()
                && laterWins(eAt, e, at, update.error().get())) {
            e = update.error();
            eAt = Optional.of(at);
        }
        return new DeliveryReport(tenant, message, p, pAt, c, cAt, e, eAt);
    }

    private static boolean earlierWins(Optional<Instant> heldAt, Optional<?> held, Instant at, Object incoming) {
        if (heldAt.isEmpty()) {
            return true;
        }
        int byTime = at.compareTo(heldAt.get());
        return byTime < 0 || byTime == 0 && CANONICAL.compare(incoming, held.orElseThrow()) < 0;
    }

    private static boolean laterWins(Optional<Instant> heldAt, Optional<?> held, Instant at, Object incoming) {
        if (heldAt.isEmpty()) {
            return true;
        }
        int byTime = at.compareTo(heldAt.get());
        return byTime > 0 || byTime == 0 && CANONICAL.compare(incoming, held.orElseThrow()) < 0;
    }
}

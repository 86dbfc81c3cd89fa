package com.qleven.application.messaging;

import com.qleven.application.Foundation;
import com.qleven.ports.clients.in.ProcessingCheck;
import com.qleven.ports.consent.in.ConsentCheck;
import com.qleven.ports.messaging.in.WebhookRun;
import com.qleven.ports.messaging.out.WebhookParser;
import com.qleven.ports.messaging.out.WhatsAppGateway;
import com.qleven.ports.privacy.in.SuppressionCheck;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * WhatsApp messaging, {@code qleven.messaging()}: the center's connected number and its templates,
 * appointment messages, the outbox and its dispatcher, delivery statuses from Meta's webhooks, and
 * the messages staff see. Every verb checks the principal's permission itself.
 */
public final class MessagingFacade {
    private final Foundation f;
    private final Optional<WhatsAppGateway> gateway;
    private final ConsentCheck consent;
    private final SuppressionCheck suppression;
    private final ProcessingCheck processing;
    private final TokenSeal tokens;
    private final MessageParameters parameters;
    private final WebhookService webhooks;

    /**
     * Wires the context's services. Without a {@code gateway} nothing can reach Meta: messages are
     * queued and wait, and connecting a number or syncing templates fails with {@link IllegalStateException}.
     * Without a {@code webhookParser}, webhooks are kept but wait unprocessed.
     */
    public MessagingFacade(Foundation f, Optional<WhatsAppGateway> gateway, ConsentCheck consent,
                           SuppressionCheck suppression, ProcessingCheck processing,
                           Optional<WebhookParser> webhookParser) {
        this.f = Objects.requireNonNull(f, "f");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.consent = Objects.requireNonNull(consent, "consent");
        this.suppression = Objects.requireNonNull(suppression, "suppression");
        this.processing = Objects.requireNonNull(processing, "processing");
        this.tokens = new TokenSeal(f.cipher());
        this.parameters = new MessageParameters(f.cipher());
        this.webhooks = new WebhookService(f.store().shared().transactions(), f.store().messaging(), f.cipher(),
                Objects.requireNonNull(webhookParser, "webhookParser"), f.clock(), f.ids());
    }

    /**
     * Keeps a WhatsApp webhook POST's body, as it came, sealed under the platform's webhook key, in
     * one unit of work and nothing else, so Meta is answered fast; returns the event's id. For the
     * host's webhook route, which has checked Meta's signature over exactly these bytes (no principal:
     * the signature is the credential).
     */
    public UUID receiveWebhook(byte[] rawBody) {
        return webhooks.receive(rawBody);
    }

    /**
     * Processes up to {@code batch} kept webhook events (for a host job; hosts side by side share
     * them): each status moves its message forward in its center's unit and adds its pricing,
     * conversation and error to the message's report; template status updates reach every center of
     * the business account. Idempotent and order-free; unknown wamids and numbers are counted and
     * passed over; an unreadable event is given up on without holding up the rest.
     */
    public WebhookRun processWebhooks(int batch) {
        return webhooks.process(batch);
    }

    /** Deletes processed webhook events received more than {@link WebhookService#RETENTION} ago, up to {@code limit}; how many. */
    public int purgeProcessedWebhooks(int limit) {
        return webhooks.purge(limit);
    }

    /** How many webhook events wait to be processed (a gauge for operators). */
    public long waitingWebhooks() {
        return webhooks.waiting();
    }
}

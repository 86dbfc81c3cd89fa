package com.qleven.application.messaging;

import com.qleven.application.Foundation;
import com.qleven.ports.clients.in.ProcessingCheck;
import com.qleven.ports.consent.in.ConsentCheck;
import com.qleven.ports.messaging.out.WhatsAppGateway;
import com.qleven.ports.privacy.in.SuppressionCheck;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * Wires the context's services. Without a {@code gateway} nothing can reach Meta: messages are
     * queued and wait, and connecting a number or syncing templates fails with {@link IllegalStateException}.
     */
    public MessagingFacade(Foundation f, Optional<WhatsAppGateway> gateway, ConsentCheck consent,
                           SuppressionCheck suppression, ProcessingCheck processing) {
        this.f = Objects.requireNonNull(f, "f");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.consent = Objects.requireNonNull(consent, "consent");
        this.suppression = Objects.requireNonNull(suppression, "suppression");
        this.processing = Objects.requireNonNull(processing, "processing");
        this.tokens = new TokenSeal(f.cipher());
        this.parameters = new MessageParameters(f.cipher());
    }
}

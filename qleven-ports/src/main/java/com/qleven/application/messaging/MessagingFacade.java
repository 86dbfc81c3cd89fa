package com.qleven.application.messaging;

import com.qleven.application.Foundation;
import com.qleven.domain.messaging.MessagingSettings;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.clients.in.ProcessingCheck;
import com.qleven.ports.consent.in.ConsentCheck;
import com.qleven.ports.messaging.in.MessagingSettingsView;
import com.qleven.ports.messaging.out.MessagingStore;
import com.qleven.ports.messaging.out.WhatsAppGateway;
import com.qleven.ports.privacy.in.SuppressionCheck;
import com.qleven.ports.scheduling.in.AppointmentChanged;
import com.qleven.ports.tenancy.in.StaffNames;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

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
    private final MessagingSettingsService settings;
    private final MessageQueue queue;
    private final AppointmentMessages appointmentMessages;
    private final MessagesRegistry registry;

    /**
     * Wires the context's services. Without a {@code gateway} nothing can reach Meta: messages are
     * queued and wait, and connecting a number or syncing templates fails with {@link IllegalStateException}.
     * {@code addressees} reads a client as a message's addressee (name, preferred language) and
     * {@code staffNames} a professional's name, both in the caller's unit.
     */
    public MessagingFacade(Foundation f, Optional<WhatsAppGateway> gateway, ConsentCheck consent,
                           SuppressionCheck suppression, ProcessingCheck processing,
                           AppointmentMessages.Addressees addressees, StaffNames staffNames) {
        this.f = Objects.requireNonNull(f, "f");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.consent = Objects.requireNonNull(consent, "consent");
        this.suppression = Objects.requireNonNull(suppression, "suppression");
        this.processing = Objects.requireNonNull(processing, "processing");
        this.tokens = new TokenSeal(f.cipher());
        this.parameters = new MessageParameters(f.cipher());
        MessagingStore store = f.store().messaging();
        this.settings = new MessagingSettingsService(f.store().shared().transactions(), store.centers(), f.audit(),
                f.clock());
        this.queue = new MessageQueue(f.store().shared().transactions(), store.templates(), store.outbox(), parameters,
                f.ids(), f.clock());
        this.appointmentMessages = new AppointmentMessages(f.store().shared().transactions(), store.accounts(),
                store.centers(), store.outbox(), queue, f.store().scheduling().settings(), staffNames, addressees,
                f.clock());
        this.registry = new MessagesRegistry(store.outbox(), parameters);
    }

    // Settings ------------------------------------------------------------------------------------

    /** The center's messaging settings and their version (0: the defaults); every center role. */
    public MessagingSettingsView settings(Principal principal) {
        return settings.settings(principal);
    }

    /**
     * Replaces the center's messaging settings (administrators). {@code ifMatch}, when given, is the
     * version the change was made from: another one fails with a precondition error (412), writing nothing.
     */
    public MessagingSettingsView saveSettings(Principal principal, MessagingSettings newSettings,
                                              Optional<Long> ifMatch) {
        return settings.save(principal, newSettings, Objects.requireNonNull(ifMatch, "ifMatch"));
    }

    // Appointment messages and the outbox's cause side --------------------------------------------

    /** Writes messages in the caller's unit: for campaigns and other causes beside appointments. */
    public MessageQueue queue() {
        return queue;
    }

    /**
     * The listener of appointments' lifecycle ({@code scheduling().onAppointmentChanged}): confirmation,
     * reminders, change and cancellation notices, in the appointment's unit of work.
     */
    public Consumer<AppointmentChanged> appointmentListener() {
        return appointmentMessages;
    }

    /** The client's messages in the privacy registry: export and erasure. */
    public MessagesRegistry privacyRegistry() {
        return registry;
    }
}

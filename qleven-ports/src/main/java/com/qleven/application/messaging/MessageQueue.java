package com.qleven.application.messaging;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.ComponentKey;
import com.qleven.domain.messaging.MessageFacts;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.OutboundMessage;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.messaging.SkipReason;
import com.qleven.domain.messaging.TemplateChoice;
import com.qleven.domain.messaging.TemplateChooser;
import com.qleven.domain.messaging.WhatsAppTemplate;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.Outbox;
import com.qleven.ports.messaging.out.QueuedMessage;
import com.qleven.ports.messaging.out.WhatsAppTemplates;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.shared.out.UnitLocal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The cause side of the outbox: writes a message in the CALLER's unit of work, so it commits with its
 * cause (a booking, a campaign) or not at all. What callers rely on:
 * <ul>
 *   <li>The template is the approved one of the purpose in the client's language, else the center's
 *       ({@link TemplateChooser}); its parameters are rendered from the facts now and sealed under the
 *       client's key ({@link MessageParameters}), so an erasure makes them unreadable.</li>
 *   <li>Every call leaves a message: {@code queued} for its due time, or {@code skipped} with its reason
 *       ({@link SkipReason#NO_APPROVED_TEMPLATE}, {@link SkipReason#MISSING_PARAMETER} when a mapped
 *       source has nothing for these facts) — a visible fate, never silence. A skipped message holds no
 *       parameters (an empty byte array).</li>
 *   <li>No consent is checked here: the dispatcher checks it at send time, so a withdrawal between
 *       queueing and sending stops the message.</li>
 * </ul>
 * Statements: one read of the purpose's templates per unit of work, one insert per message.
 */
public final class MessageQueue {
    private static final byte[] NO_PARAMETERS = new byte[0];
    /** The purposes' templates one unit of work read: a batch of messages reads each purpose's once. */
    private final UnitLocal<Map<List<Object>, List<WhatsAppTemplate>>> unitTemplates =
            UnitLocal.withInitial(HashMap::new);
    private final Transactions transactions;
    private final WhatsAppTemplates templates;
    private final Outbox outbox;
    private final MessageParameters parameters;
    private final IdGenerator ids;
    private final Clock clock;

    public MessageQueue(Transactions transactions, WhatsAppTemplates templates, Outbox outbox,
                        MessageParameters parameters, IdGenerator ids, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One message of {@code purpose} due at {@code dueAt} (now when it is past); see the class. */
    public QueuedMessage queue(TenantId tenant, ClientId client, Optional<AppointmentId> appointment,
                               MessagePurpose purpose, Instant dueAt, MessageFacts facts,
                               Optional<Locale> clientLanguage) {
        return queueAll(tenant, client, appointment, purpose, List.of(dueAt), facts, clientLanguage).get(0);
    }

    /**
     * One message of {@code purpose} per due time (an appointment's reminders), the template read once;
     * the messages in the order of {@code dueAts}.
     */
    public List<QueuedMessage> queueAll(TenantId tenant, ClientId client, Optional<AppointmentId> appointment,
                                        MessagePurpose purpose, List<Instant> dueAts, MessageFacts facts,
                                        Optional<Locale> clientLanguage) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(appointment, "appointment");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(clientLanguage, "clientLanguage");
        if (dueAts.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<WhatsAppTemplate> sendable = transactions.unitLocal(unitTemplates)
                .map(read -> read.computeIfAbsent(List.of(tenant, purpose), k -> templates.sendableFor(tenant, purpose)))
                .orElseGet(() -> templates.sendableFor(tenant, purpose));
        TemplateChoice choice = TemplateChooser.choose(sendable, purpose, clientLanguage, facts.centerLocale());
        Optional<WhatsAppTemplate> template = choice instanceof TemplateChoice.Chosen chosen
                ? Optional.of(chosen.template()) : Optional.empty();
        Optional<Map<ComponentKey, List<String>>> rendered = template.flatMap(t -> t.parameters().render(facts));
        List<QueuedMessage> queued = new ArrayList<>(dueAts.size());
        for (Instant dueAt : dueAts) {
            OutboundMessageId id = new OutboundMessageId(ids.next());
            OutboundMessage state;
            byte[] sealed;
            if (template.isEmpty()) {
                state = OutboundMessage.skippedAtOnce(id, purpose, SkipReason.NO_APPROVED_TEMPLATE, now);
                sealed = NO_PARAMETERS;
            } else if (rendered.isEmpty()) {
                state = OutboundMessage.skippedAtOnce(id, purpose, SkipReason.MISSING_PARAMETER, now);
                sealed = NO_PARAMETERS;
            } else {
                state = OutboundMessage.queueAt(id, purpose, now, dueAt);
                sealed = parameters.seal(tenant, client, id, rendered.get());
            }
            QueuedMessage message = new QueuedMessage(tenant, state, client, appointment,
                    template.map(WhatsAppTemplate::id), template.map(WhatsAppTemplate::name),
                    template.map(WhatsAppTemplate::language), sealed);
            outbox.add(message);
            queued.add(message);
        }
        return List.copyOf(queued);
    }

    /** A recipient of a batch: the client and the facts their parameters are rendered from. */
    public record Addressed(ClientId client, MessageFacts facts) {
        public Addressed {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(facts, "facts");
        }
    }

    /**
     * One message of {@code purpose} per recipient with THIS template (a campaign's, chosen by staff),
     * due at {@code dueAt}, written in ONE insert whatever their number; in the order of {@code to}. A
     * recipient whose facts leave a mapped source empty gets a message skipped {@code missing_parameter}.
     * The clients' keys are read in one go first ({@link MessageParameters#preloadKeys}), so sealing
     * reads nothing per client.
     */
    public List<QueuedMessage> queueBatch(TenantId tenant, WhatsAppTemplate template, MessagePurpose purpose,
                                          Instant dueAt, List<Addressed> to) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(dueAt, "dueAt");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        parameters.preloadKeys(to.stream().map(Addressed::client).toList());
        List<QueuedMessage> batch = new ArrayList<>(to.size());
        for (Addressed a : to) {
            OutboundMessageId id = new OutboundMessageId(ids.next());
            Optional<Map<ComponentKey, List<String>>> rendered = template.parameters().render(a.facts());
            OutboundMessage state = rendered.isPresent() ? OutboundMessage.queueAt(id, purpose, now, dueAt)
                    : OutboundMessage.skippedAtOnce(id, purpose, SkipReason.MISSING_PARAMETER, now);
            byte[] sealed = rendered.map(r -> parameters.seal(tenant, a.client(), id, r)).orElse(NO_PARAMETERS);
            batch.add(new QueuedMessage(tenant, state, a.client(), Optional.empty(), Optional.of(template.id()),
                    Optional.of(template.name()), Optional.of(template.language()), sealed));
        }
        outbox.addAll(batch);
        return List.copyOf(batch);
    }
}

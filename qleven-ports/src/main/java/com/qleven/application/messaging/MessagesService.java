package com.qleven.application.messaging;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.messaging.OutboundMessage;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.messaging.in.MessageFilter;
import com.qleven.ports.messaging.in.MessageView;
import com.qleven.ports.messaging.out.Outbox;
import com.qleven.ports.messaging.out.QueuedMessage;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The messages staff see and act on: a client's or an appointment's messages newest first, the
 * uncertain ones (the worklist: a send whose outcome is unknown, never resent by itself), and a resend
 * of an uncertain or failed message as a new queued message pointing back at it (the old one stays as
 * it was). Each verb is one unit of work with its audit event; another center's message is a 404 and
 * another center's client or appointment an empty list.
 */
public final class MessagesService {
    static final String SUBJECT = "message";
    static final String PURPOSE = "messaging";
    private final Transactions transactions;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final MessageParameters parameters;
    private final Clock clock;

    public MessagesService(Transactions transactions, Outbox outbox, AuditTrail audit, IdGenerator ids,
                           MessageParameters parameters, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@link Permission#VIEW_MESSAGES}: one page of the messages the filter picks. */
    public Page<MessageView> list(Principal principal, MessageFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(page, "page");
        Permissions.require(principal, Permission.VIEW_MESSAGES);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            Page<QueuedMessage> found;
            String subject;
            Optional<java.util.UUID> subjectId;
            if (filter.client().isPresent()) {
                found = outbox.ofClient(tenant, filter.client().get(), page);
                subject = "client";
                subjectId = Optional.of(filter.client().get().value());
            } else if (filter.appointment().isPresent()) {
                found = outbox.ofAppointment(tenant, filter.appointment().get(), page);
                subject = "appointment";
                subjectId = Optional.of(filter.appointment().get().value());
            } else {
                found = outbox.uncertain(tenant, page);
                subject = SUBJECT;
                subjectId = Optional.empty();
            }
            audit.record(AuditEvent.by(principal, "message.list", subject, subjectId, PURPOSE, found.items().size(),
                    now()));
            return new Page<>(found.items().stream().map(MessagesService::view).toList(), found.next());
        });
    }

    /**
     * {@link Permission#RESEND_MESSAGES}: queues a new message with the same client, appointment,
     * template and parameters, due now, pointing back at this one, which stays as it was. Only an
     * uncertain or failed message is resent (a 409 otherwise); the send-time rules apply again.
     */
    public MessageView resend(Principal principal, OutboundMessageId id) {
        Objects.requireNonNull(id, "id");
        Permissions.require(principal, Permission.RESEND_MESSAGES);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            QueuedMessage old = outbox.find(tenant, id).orElseThrow(() -> new NotFoundException("message"));
            Instant now = now();
            OutboundMessage fresh = old.state().resendAs(new OutboundMessageId(ids.next()), now);
            // The parameters are sealed to their message: the new one gets them sealed anew.
            if (old.sealedParameters().length == 0) {
                throw new ConflictException("the message's content is gone (the client was erased): it cannot be resent");
            }
            byte[] sealed = parameters.seal(tenant, old.client(), fresh.id(),
                    parameters.open(tenant, old.state().id(), old.sealedParameters()));
            QueuedMessage copy = new QueuedMessage(tenant, fresh, old.client(), old.appointment(), old.template(),
                    old.templateName(), old.templateLanguage(), sealed);
            outbox.add(copy);
            audit.record(AuditEvent.by(principal, "message.resend", SUBJECT, Optional.of(fresh.id().value()), PURPOSE,
                    1, now));
            return view(copy);
        });
    }

    static MessageView view(QueuedMessage m) {
        OutboundMessage s = m.state();
        return new MessageView(s.id(), m.client(), m.appointment(), s.purpose(), s.status(), s.statusAt(),
                s.attempts(), s.wamid(), m.templateName(), m.templateLanguage(), s.failure(), s.skipReason(),
                s.resendOf(), s.createdAt());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

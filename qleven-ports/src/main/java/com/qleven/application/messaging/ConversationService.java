package com.qleven.application.messaging;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.ComponentKey;
import com.qleven.domain.messaging.ConversationWindow;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.OutboundMessage;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.clients.in.ClientPhones;
import com.qleven.ports.clients.in.MessageRecipients;
import com.qleven.ports.clients.in.ProcessingCheck;
import com.qleven.ports.messaging.in.ContactView;
import com.qleven.ports.messaging.in.ConversationItem;
import com.qleven.ports.messaging.in.ConversationView;
import com.qleven.ports.messaging.in.MessageView;
import com.qleven.ports.messaging.out.ContactSummary;
import com.qleven.ports.messaging.out.ConversationEntry;
import com.qleven.ports.messaging.out.InboundMessage;
import com.qleven.ports.messaging.out.InboundMessages;
import com.qleven.ports.messaging.out.Outbox;
import com.qleven.ports.messaging.out.QueuedMessage;
import com.qleven.ports.messaging.out.WhatsAppContact;
import com.qleven.ports.messaging.out.WhatsAppContacts;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A client's WhatsApp conversation and the senders no single client is known for. What callers rely on:
 * <ul>
 *   <li>{@link #conversation} ({@link Permission#VIEW_CONVERSATIONS}): the client's inbound and
 *       outbound messages newest first, each inbound text opened, each message's current reaction, and
 *       the 24-hour window with the client's number; a bounded number of statements whatever the page
 *       holds (the page's keys and rows, their data keys, the reactions in one read). Another center's
 *       client is a 404.</li>
 *   <li>{@link #reply} ({@link Permission#REPLY_TO_CLIENTS}): free text (1 to 4096 characters) queued
 *       as a {@code conversation} message in the request's one unit, its text sealed under the client's
 *       key as template parameters are; refused with a 409 when the window is closed (saying when the
 *       client last wrote), or the client has no phone or a restricted processing. Consent, restriction
 *       and the window are checked again when it is sent (the dispatcher).</li>
 *   <li>{@link #contacts} and {@link #attribute} ({@link Permission#ATTRIBUTE_CONTACTS}): the worklist
 *       of unmatched and shared numbers, and attributing a contact's waiting messages to a client of the
 *       center (for a shared number, one of those with it). Each verb is audited.</li>
 * </ul>
 */
public final class ConversationService {
    static final String PURPOSE = "messaging";
    static final int MAX_TEXT = 4096;

    private final Transactions tx;
    private final WhatsAppContacts contacts;
    private final InboundMessages inbound;
    private final Outbox outbox;
    private final MessageRecipients recipients;
    private final ClientPhones phones;
    private final ProcessingCheck processing;
    private final MessageParameters parameters;
    private final FieldCipher cipher;
    private final InboundSeal seal;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    public ConversationService(Transactions tx, WhatsAppContacts contacts, InboundMessages inbound, Outbox outbox,
                               MessageRecipients recipients, ClientPhones phones, ProcessingCheck processing,
                               FieldCipher cipher, AuditTrail audit, IdGenerator ids, Clock clock) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.inbound = Objects.requireNonNull(inbound, "inbound");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.recipients = Objects.requireNonNull(recipients, "recipients");
        this.phones = Objects.requireNonNull(phones, "phones");
        this.processing = Objects.requireNonNull(processing, "processing");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.parameters = new MessageParameters(cipher);
        this.seal = new InboundSeal(cipher);
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One page of the client's conversation with the window. */
    public ConversationView conversation(Principal principal, ClientId client, PageRequest page) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(page, "page");
        Permissions.require(principal, Permission.VIEW_CONVERSATIONS);
        TenantId tenant = principal.requireTenant();
        return tx.inTenant(tenant, () -> {
            MessageRecipients.Recipient recipient = recipients.of(tenant, client)
                    .orElseThrow(() -> new NotFoundException("client"));
            Instant now = now();
            ConversationWindow window = window(tenant, recipient.phone());
            Page<ConversationEntry> found = inbound.conversation(tenant, client, page);
            List<String> wamids = new ArrayList<>();
            List<byte[]> sealed = new ArrayList<>();
            for (ConversationEntry e : found.items()) {
                e.inbound().ifPresent(m -> {
                    wamids.add(m.wamid());
                    m.sealedContent().ifPresent(sealed::add);
                    m.sealedFilename().ifPresent(sealed::add);
                });
                e.outbound().ifPresent(m -> {
                    m.state().wamid().ifPresent(wamids::add);
                    if (m.state().purpose() == MessagePurpose.CONVERSATION && m.sealedParameters().length > 0) {
                        sealed.add(m.sealedParameters());
                    }
                });
            }
            cipher.preload(sealed);
            Map<String, InboundMessage> reactions = inbound.latestReactions(tenant, wamids);
            List<ConversationItem> items = found.items().stream().map(e -> item(tenant, e, reactions)).toList();
            audit.record(AuditEvent.by(principal, "conversation.read", "client", Optional.of(client.value()), PURPOSE,
                    items.size(), now));
            return new ConversationView(items, found.next(), window.openAt(now), window.closesAt(),
                    window.lastInbound());
        });
    }

    /** Queues free text to the client inside the window. */
    public MessageView reply(Principal principal, ClientId client, String text) {
        Objects.requireNonNull(client, "client");
        Permissions.require(principal, Permission.REPLY_TO_CLIENTS);
        if (text == null || text.isBlank()) {
            throw new ValidationException("text", "is required");
        }
        if (text.length() > MAX_TEXT) {
            throw new ValidationException("text", "must be at most " + MAX_TEXT + " characters");
        }
        TenantId tenant = principal.requireTenant();
        return tx.inTenant(tenant, () -> {
            MessageRecipients.Recipient recipient = recipients.of(tenant, client)
                    .orElseThrow(() -> new NotFoundException("client"));
            processing.requireProcessable(tenant, client);
            if (recipient.phone().isEmpty()) {
                throw new ConflictException("the client has no phone number: there is no conversation to reply to");
            }
            Instant now = now();
            ConversationWindow window = window(tenant, recipient.phone());
            if (!window.openAt(now)) {
                throw windowClosed(window);
            }
            OutboundMessageId id = new OutboundMessageId(ids.next());
            QueuedMessage message = new QueuedMessage(tenant, OutboundMessage.queue(id, MessagePurpose.CONVERSATION, now),
                    client, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    parameters.seal(tenant, client, id, Map.of(ComponentKey.BODY, List.of(text))));
            outbox.add(message);
            audit.record(AuditEvent.by(principal, "message.reply", MessagesService.SUBJECT, Optional.of(id.value()),
                    PURPOSE, 1, now));
            return MessagesService.view(message);
        });
    }

    /** The worklist: contacts of that status ({@code unmatched} or {@code shared}) with messages waiting for a client. */
    public Page<ContactView> contacts(Principal principal, String status, PageRequest page) {
        Objects.requireNonNull(page, "page");
        Permissions.require(principal, Permission.ATTRIBUTE_CONTACTS);
        WhatsAppContact.Match match = worklistStatus(status);
        TenantId tenant = principal.requireTenant();
        return tx.inTenant(tenant, () -> {
            Page<ContactSummary> found = contacts.awaitingAttribution(tenant, match, page);
            List<byte[]> sealed = new ArrayList<>();
            found.items().forEach(s -> {
                sealed.add(s.contact().sealedNumber());
                s.contact().sealedProfileName().ifPresent(sealed::add);
            });
            cipher.preload(sealed);
            List<ContactView> views = found.items().stream().map(s -> {
                WhatsAppContact c = s.contact();
                return new ContactView(c.id(), seal.openNumber(tenant, c.id(), c.sealedNumber()).e164(),
                        seal.openProfileName(tenant, c.id(), c.sealedProfileName()), c.match().wireName(),
                        s.unattributedMessages(), s.lastMessageAt(), c.firstSeenAt());
            }).toList();
            audit.recordAll(views.isEmpty()
                    ? List.of(AuditEvent.by(principal, "whatsapp_contact.list", "whatsapp_contact", Optional.empty(),
                            PURPOSE, 0, now()))
                    : views.stream().map(v -> AuditEvent.by(principal, "whatsapp_contact.list", "whatsapp_contact",
                            Optional.of(v.id()), PURPOSE, 1, now())).toList());
            return new Page<>(views, found.next());
        });
    }

    /**
     * Attributes the contact's waiting messages to the client; how many. The client must be the
     * center's (404 otherwise, as an unknown contact is) and, for a shared number, one of the clients
     * with it (422 on {@code clientId}).
     */
    public int attribute(Principal principal, UUID contact, ClientId client) {
        Objects.requireNonNull(contact, "contact");
        Permissions.require(principal, Permission.ATTRIBUTE_CONTACTS);
        if (client == null) {
            throw new ValidationException("clientId", "is required");
        }
        TenantId tenant = principal.requireTenant();
        return tx.inTenant(tenant, () -> {
            WhatsAppContact c = contacts.find(tenant, contact).orElseThrow(() -> new NotFoundException("contact"));
            recipients.of(tenant, client).orElseThrow(() -> new NotFoundException("client"));
            List<ClientId> withNumber = phones.withNumber(tenant, c.phoneIndex());
            if (withNumber.size() > 1 && !withNumber.contains(client)) {
                throw new UnprocessableException("clientId",
                        "the number is shared by several clients: attribute its messages to one of them");
            }
            int attributed = inbound.attribute(tenant, contact, client);
            Instant now = now();
            audit.record(AuditEvent.by(principal, "whatsapp_contact.attribute", "client", Optional.of(client.value()),
                    PURPOSE, attributed, now));
            return attributed;
        });
    }

    /** The window with the number: that of the contact at the client's phone (closed without one). */
    ConversationWindow window(TenantId tenant, Optional<PhoneNumber> phone) {
        return phone.flatMap(p -> contacts.byIndex(tenant, phones.index(tenant, p)))
                .map(c -> new ConversationWindow(c.lastInboundAt()))
                .orElse(ConversationWindow.never());
    }

    static ConflictException windowClosed(ConversationWindow window) {
        Map<String, Object> details = new LinkedHashMap<>();
        window.lastInbound().ifPresent(at -> details.put("lastInboundAt", instant(at)));
        window.closesAt().ifPresent(at -> details.put("windowClosedAt", instant(at)));
        String when = window.lastInbound().map(at -> "the client last wrote at " + instant(at))
                .orElse("the client has never written to the center's number");
        return new ConflictException("the 24-hour conversation window is closed (" + when
                + "): free text can only answer a client's message within 24 hours; send a template instead",
                details);
    }

    private ConversationItem item(TenantId tenant, ConversationEntry e, Map<String, InboundMessage> reactions) {
        if (e.inbound().isPresent()) {
            InboundMessage m = e.inbound().get();
            Optional<ConversationItem.Media> media = m.mediaId().map(id -> new ConversationItem.Media(id,
                    m.mediaMimeType(), seal.openFilename(tenant, m.id(), m.sealedFilename())));
            return new ConversationItem("in", m.id(), m.receivedAt(), Optional.of(m.wamid()), Optional.of(m.kind()),
                    seal.openContent(tenant, m.id(), m.sealedContent()), media, m.contextWamid(), m.replyId(),
                    Optional.empty(), Optional.empty(), Optional.empty(), reaction(reactions, Optional.of(m.wamid())));
        }
        QueuedMessage m = e.outbound().orElseThrow();
        OutboundMessage s = m.state();
        Optional<String> text = Optional.empty();
        if (s.purpose() == MessagePurpose.CONVERSATION && m.sealedParameters().length > 0) {
            text = parameters.open(tenant, s.id(), m.sealedParameters()).getOrDefault(ComponentKey.BODY, List.of())
                    .stream().findFirst();
        }
        return new ConversationItem("out", s.id().value(), s.createdAt(), s.wamid(), Optional.empty(), text,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(s.purpose()), m.templateName(),
                Optional.of(s.status()), reaction(reactions, s.wamid()));
    }

    private static Optional<String> reaction(Map<String, InboundMessage> reactions, Optional<String> wamid) {
        return wamid.map(reactions::get).filter(r -> !r.reactionRemoved()).flatMap(InboundMessage::reactionEmoji);
    }

    private static WhatsAppContact.Match worklistStatus(String status) {
        if ("unmatched".equals(status)) {
            return WhatsAppContact.Match.UNMATCHED;
        }
        if ("shared".equals(status)) {
            return WhatsAppContact.Match.SHARED;
        }
        throw new ValidationException("status", "must be unmatched or shared");
    }

    private static String instant(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

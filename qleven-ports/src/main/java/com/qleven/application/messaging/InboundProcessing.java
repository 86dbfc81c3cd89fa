package com.qleven.application.messaging;

import com.qleven.application.privacy.CenterNotificationSeal;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.InboundKind;
import com.qleven.domain.privacy.CenterNotification;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.ports.clients.in.ClientPhones;
import com.qleven.ports.messaging.out.InboundMessage;
import com.qleven.ports.messaging.out.InboundMessages;
import com.qleven.ports.messaging.out.PreferenceChange;
import com.qleven.ports.messaging.out.ReceivedMessage;
import com.qleven.ports.messaging.out.StoredPreferenceChange;
import com.qleven.ports.messaging.out.WebhookValueError;
import com.qleven.ports.messaging.out.WhatsAppContact;
import com.qleven.ports.messaging.out.WhatsAppContacts;
import com.qleven.ports.privacy.out.CenterNotifications;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Applies one event's inbound messages and preference changes to one center, in the center's unit
 * (the caller opens it). What callers rely on:
 * <ul>
 *   <li>Each sender's number is read once per unit: its blind index (as the clients context indexes
 *       phones), the center's clients with it (one read), its contact (made on first sight).</li>
 *   <li>A message is stored once per wamid; the contact's window is the latest of Meta's times
 *       (order-free); the message is the client's when exactly one client has the number, else it
 *       waits for staff to attribute it, and the staff are told once per contact.</li>
 *   <li>Only a message or change stored now is passed to the {@link InboundListener}: a replay never is.</li>
 *   <li>{@code user_changed_number}: the contact at the new number (made or found) takes the window,
 *       the old contact records {@code movedTo}, and the clients with the old number get the new one
 *       (through {@link ClientPhones}, audited with the wamid). A message from the old number that
 *       comes after (a late webhook) is the clients' at the new number when no client has the old one,
 *       so the order Meta delivers them in changes nothing.</li>
 *   <li>Meta's errors are counted and logged by code, never with a number or a text.</li>
 * </ul>
 */
final class InboundProcessing {
    static final String UNMATCHED_KIND = "whatsapp_unmatched_contact";
    static final String SHARED_KIND = "whatsapp_shared_contact";
    private static final System.Logger LOG = System.getLogger(InboundProcessing.class.getName());
    /** Meta's bounds as V35 keeps them: a longer value is not kept (never a failure of the whole event). */
    private static final int MAX_WAMID = 512;
    private static final int MAX_REPLY_ID = 1024;
    private static final int MAX_MEDIA = 256;
    private static final int MAX_EMOJI = 64;
    private static final int MAX_SYSTEM_TYPE = 64;

    private final WhatsAppContacts contacts;
    private final InboundMessages inbound;
    private final ClientPhones phones;
    private final CenterNotifications notifications;
    private final CenterNotificationSeal notices;
    private final InboundSeal seal;
    private final Supplier<InboundListener> listener;
    private final Clock clock;
    private final IdGenerator ids;

    InboundProcessing(WhatsAppContacts contacts, InboundMessages inbound, ClientPhones phones,
                      CenterNotifications notifications, FieldCipher cipher, Supplier<InboundListener> listener,
                      Clock clock, IdGenerator ids) {
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.inbound = Objects.requireNonNull(inbound, "inbound");
        this.phones = Objects.requireNonNull(phones, "phones");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.notices = new CenterNotificationSeal(cipher);
        this.seal = new InboundSeal(cipher);
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** What one center's unit did. */
    record Counts(int stored, int replayed, int preferences, int errors) {
        static final Counts NONE = new Counts(0, 0, 0, 0);

        Counts plus(Counts o) {
            return new Counts(stored + o.stored, replayed + o.replayed, preferences + o.preferences, errors + o.errors);
        }
    }

    /** A sender as this unit knows it. */
    private static final class Sender {
        final PhoneNumber phone;
        final BlindIndex index;
        List<ClientId> clients;
        WhatsAppContact contact;
        boolean unattributedStored;

        Sender(PhoneNumber phone, BlindIndex index, List<ClientId> clients, WhatsAppContact contact) {
            this.phone = phone;
            this.index = index;
            this.clients = clients;
            this.contact = contact;
        }
    }

    Counts apply(TenantId center, List<ReceivedMessage> messages, List<PreferenceChange> preferences) {
        Instant now = clock.instant();
        Map<String, Sender> senders = new HashMap<>();
        int stored = 0;
        int replayed = 0;
        int storedPreferences = 0;
        int errors = 0;
        // Oldest first (then by wamid): the same result whatever order Meta sent them in.
        List<ReceivedMessage> ordered = messages.stream()
                .sorted(Comparator.comparing(ReceivedMessage::at).thenComparing(ReceivedMessage::wamid)).toList();
        for (ReceivedMessage m : ordered) {
            for (WebhookValueError e : m.errors()) {
                errors++;
                log(center, "message_error", e);
            }
            Optional<Sender> sender = sender(center, senders, m.from(), m.at(), now);
            if (sender.isEmpty() || m.wamid().length() > MAX_WAMID) {
                errors++;
                LOG.log(System.Logger.Level.WARNING, "event=whatsapp_inbound_unreadable tenant=" + center
                        + " type=" + InboundKind.of(m.type()).wireName());
                continue;
            }
            Sender s = sender.get();
            InboundMessage message = message(center, s, m, now);
            if (!inbound.add(message)) {
                replayed++;
                continue;
            }
            stored++;
            contacts.recordInbound(center, s.contact.id(), m.at(), seal.profileName(center, s.contact.id(),
                    m.profileName()));
            if (message.client().isEmpty()) {
                s.unattributedStored = true;
            }
            // The clients the number was when it came, even when it moves them to another number.
            List<ClientId> clients = List.copyOf(s.clients);
            if (m.system().filter(ReceivedMessage.SystemChange::numberChanged).isPresent()) {
                moved(center, senders, s, m, now);
            }
            listener.get().onMessage(center, m, clients);
        }
        for (PreferenceChange p : preferences) {
            Optional<Sender> sender = sender(center, senders, p.waId(), p.at(), now);
            if (sender.isEmpty() || p.category().isBlank() || p.category().length() > 64 || p.value().isBlank()
                    || p.value().length() > 64) {
                errors++;
                LOG.log(System.Logger.Level.WARNING, "event=whatsapp_preference_unreadable tenant=" + center);
                continue;
            }
            Sender s = sender.get();
            if (inbound.addPreference(new StoredPreferenceChange(center, ids.next(), s.contact.id(), p.category(),
                    p.value(), p.at(), p.detail(), now))) {
                storedPreferences++;
                listener.get().onPreference(center, p, s.clients);
            }
        }
        for (Sender s : senders.values()) {
            settle(center, s, now);
        }
        return new Counts(stored, replayed, storedPreferences, errors);
    }

    /** The sender of {@code waId} in this unit: read (or made) once; empty when it is not a phone number. */
    private Optional<Sender> sender(TenantId center, Map<String, Sender> senders, String waId, Instant at,
                                    Instant now) {
        Sender known = senders.get(waId);
        if (known != null) {
            return Optional.of(known);
        }
        PhoneNumber phone;
        try {
            phone = new PhoneNumber("+" + waId.strip());
        } catch (ValidationException e) {
            return Optional.empty();
        }
        Sender s = senderAt(center, phone, at, now);
        senders.put(waId, s);
        senders.put(phone.e164().substring(1), s);
        return Optional.of(s);
    }

    private Sender senderAt(TenantId center, PhoneNumber phone, Instant at, Instant now) {
        BlindIndex index = phones.index(center, phone);
        List<ClientId> clients = phones.withNumber(center, index);
        Optional<WhatsAppContact> known = contacts.byIndex(center, index);
        if (clients.isEmpty() && known.flatMap(WhatsAppContact::movedTo).isPresent()) {
            // A late message from a number its sender has left: it is theirs, who now have the new number.
            clients = contacts.find(center, known.get().movedTo().get())
                    .map(moved -> phones.withNumber(center, moved.phoneIndex())).orElse(List.of());
        }
        List<ClientId> matched = clients;
        WhatsAppContact contact = known.orElseGet(() -> {
            java.util.UUID id = ids.next();
            WhatsAppContact made = new WhatsAppContact(center, id, index, seal.number(center, id, phone),
                    Optional.empty(), now, Optional.empty(), WhatsAppContact.Match.of(matched.size()), false,
                    Optional.empty());
            // Another unit of the center may have made it meanwhile: then that one is read.
            return contacts.add(made) ? made : contacts.byIndex(center, index).orElseThrow();
        });
        return new Sender(phone, index, clients, contact);
    }

    private InboundMessage message(TenantId center, Sender s, ReceivedMessage m, Instant now) {
        java.util.UUID id = ids.next();
        java.util.UUID contact = s.contact.id();
        InboundKind kind = m.kind();
        Optional<ReceivedMessage.Reaction> reaction = m.reaction()
                .filter(r -> !r.targetWamid().isBlank() && r.targetWamid().length() <= MAX_WAMID);
        if (kind == InboundKind.REACTION && reaction.isEmpty()) {
            kind = InboundKind.UNSUPPORTED;
        }
        boolean isReaction = kind == InboundKind.REACTION;
        Optional<ReceivedMessage.Media> media = kind.media() ? m.media() : Optional.empty();
        Optional<ClientId> client = s.clients.size() == 1 ? Optional.of(s.clients.get(0)) : Optional.empty();
        return new InboundMessage(center, id, m.wamid(), contact, client, kind, m.at(), now,
                bounded(m.contextWamid(), MAX_WAMID), bounded(m.replyId(), MAX_REPLY_ID),
                bounded(media.map(ReceivedMessage.Media::id), MAX_MEDIA),
                bounded(media.flatMap(ReceivedMessage.Media::mimeType), MAX_MEDIA),
                seal.filename(center, contact, id, media.flatMap(ReceivedMessage.Media::filename)),
                isReaction ? reaction.map(ReceivedMessage.Reaction::targetWamid) : Optional.empty(),
                isReaction ? bounded(reaction.flatMap(ReceivedMessage.Reaction::emoji)
                        .filter(e -> !e.isEmpty()), MAX_EMOJI) : Optional.empty(),
                bounded(m.system().map(ReceivedMessage.SystemChange::type), MAX_SYSTEM_TYPE),
                seal.content(center, contact, id, m.text()));
    }

    /**
     * The sender moved to a new number: the contact there (found or made) takes the window, the old
     * one points at it, and the clients with the old number get the new one.
     */
    private void moved(TenantId center, Map<String, Sender> senders, Sender old, ReceivedMessage m, Instant now) {
        String newWaId = m.system().flatMap(ReceivedMessage.SystemChange::newWaId).orElseThrow();
        Optional<Sender> target = sender(center, senders, newWaId, m.at(), now);
        if (target.isEmpty() || target.get() == old) {
            return;
        }
        Sender moved = target.get();
        contacts.moveTo(center, old.contact.id(), moved.contact.id());
        // The window follows the person: the later of the new contact's and the old one's last message.
        Instant last = contacts.find(center, old.contact.id()).flatMap(WhatsAppContact::lastInboundAt).orElse(m.at());
        contacts.recordInbound(center, moved.contact.id(), last, Optional.empty());
        List<ClientId> changed = phones.numberChanged(center, old.phone, moved.phone, m.wamid(), now);
        if (!changed.isEmpty()) {
            moved.clients = phones.withNumber(center, moved.index);
            List<ClientId> left = phones.withNumber(center, old.index);
            // Later messages of this unit from the old number are the movers' (as in senderAt).
            old.clients = left.isEmpty() ? moved.clients : left;
        }
        LOG.log(System.Logger.Level.INFO, "event=whatsapp_contact_moved tenant=" + center + " contact="
                + old.contact.id() + " to=" + moved.contact.id() + " clients_changed=" + changed.size());
    }

    /** The sender's match as of now, and the staff told once when its messages wait for them. */
    private void settle(TenantId center, Sender s, Instant now) {
        WhatsAppContact.Match match = WhatsAppContact.Match.of(s.clients.size());
        if (match != s.contact.match()) {
            contacts.setMatch(center, s.contact.id(), match);
        }
        if (!s.unattributedStored || s.contact.staffTold() || match == WhatsAppContact.Match.MATCHED) {
            return;
        }
        boolean shared = match == WhatsAppContact.Match.SHARED;
        notifications.add(notices.seal(new CenterNotification(center, ids.next(),
                shared ? SHARED_KIND : UNMATCHED_KIND, s.contact.id(),
                shared ? "A WhatsApp number shared by several clients wrote" : "An unknown WhatsApp number wrote",
                (shared ? "Several clients of the center have the WhatsApp number of a new conversation, so its"
                        + " messages are not in any client's conversation yet."
                        : "A WhatsApp number that is no client's wrote to the center, so its messages are not in"
                        + " any client's conversation yet.")
                        + " Open the WhatsApp contacts to attribute them to a client; later messages from the"
                        + " number wait there too until the number is a single client's.", now)));
        contacts.markStaffTold(center, s.contact.id());
    }

    /** Logs Meta's error by code and title (Meta's words, no personal data). */
    static void log(TenantId center, String event, WebhookValueError e) {
        LOG.log(System.Logger.Level.WARNING, "event=whatsapp_webhook_" + event + " tenant="
                + center + " code=" + e.code() + " title=" + e.title().map(InboundProcessing::clean).orElse(""));
    }

    private static String clean(String text) {
        String flat = text.replaceAll("[^A-Za-z0-9 _.,()-]", "_");
        return flat.length() > 120 ? flat.substring(0, 120) : flat;
    }

    private static Optional<String> bounded(Optional<String> value, int max) {
        return value.filter(v -> !v.isEmpty() && v.length() <= max);
    }
}

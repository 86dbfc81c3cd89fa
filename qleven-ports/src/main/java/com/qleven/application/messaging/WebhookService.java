package com.qleven.application.messaging;

import com.qleven.domain.messaging.DeliveryStatus;
import com.qleven.domain.messaging.OutboundMessage;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.messaging.SendFailure;
import com.qleven.domain.messaging.TemplateStatus;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.ports.messaging.in.WebhookRun;
import com.qleven.ports.messaging.out.DeliveryReport;
import com.qleven.ports.messaging.out.MalformedWebhookException;
import com.qleven.ports.messaging.out.MessagingStore;
import com.qleven.ports.messaging.out.ParsedWebhook;
import com.qleven.ports.messaging.out.PreferenceChange;
import com.qleven.ports.messaging.out.ReceivedMessage;
import com.qleven.ports.messaging.out.WebhookValueError;
import com.qleven.ports.clients.in.ClientPhones;
import com.qleven.ports.privacy.out.CenterNotifications;
import com.qleven.ports.messaging.out.QueuedMessage;
import com.qleven.ports.messaging.out.StatusUpdate;
import com.qleven.ports.messaging.out.TemplateStatusUpdate;
import com.qleven.ports.messaging.out.WebhookEvent;
import com.qleven.ports.messaging.out.WebhookParser;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.shared.out.Transactions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Meta's webhooks: {@link #receive} keeps a POST's body sealed in one global unit and nothing else,
 * so the answer goes back fast; {@link #process} later opens, reads and applies the events a batch at
 * a time. Applying is idempotent and order-free: statuses only move a message forward
 * ({@link OutboundMessage#merge}) and its report keeps the same values whatever the order
 * ({@link DeliveryReport#merge}), so a replayed or reordered batch changes nothing more. Statuses
 * for wamids or numbers unknown here, and items not handled, are counted and passed over. Clients'
 * inbound messages and preference changes are applied per center in one unit
 * ({@link InboundProcessing}): stored once per wamid, the listener told only of what is stored now.
 * Meta's errors are counted and logged by code. An event
 * that is not JSON is given up on at once; one that cannot be opened or applied is tried again after
 * its lease, and given up on after {@value #MAX_ATTEMPTS} attempts, never holding up the others.
 */
public final class WebhookService {
    /**
     * The platform's key for webhook bodies: Meta's posts hold phone numbers and message text of
     * every center, before anyone knows which.
     */
    static final KeyScope KEY = new KeyScope("whatsapp_webhook", UUID.fromString("01940000-0000-7000-8000-00000000b001"));
    static final Duration LEASE = Duration.ofMinutes(2);
    static final int MAX_ATTEMPTS = 5;
    /** How long a processed event's body is kept (to look into a complaint about a status), then purged. */
    public static final Duration RETENTION = Duration.ofDays(7);
    /** A failed status that came without an error: Meta's "something went wrong". */
    static final int UNKNOWN_FAILURE = 131000;
    private static final System.Logger LOG = System.getLogger(WebhookService.class.getName());

    private final Transactions tx;
    private final MessagingStore store;
    private final FieldCipher cipher;
    private final Optional<WebhookParser> parser;
    private final Clock clock;
    private final IdGenerator ids;
    private final InboundProcessing inbound;
    private volatile InboundListener listener;

    /**
     * Wires the processing. {@code phones} reads the center's clients by a sender's number (and moves
     * them to a new one), {@code notifications} tells staff of an unmatched or shared number, and
     * {@code listener} hears each inbound message and preference change stored for the first time
     * ({@link InboundListener#NONE} for none; {@link #listener(InboundListener)} replaces it).
     */
    public WebhookService(Transactions tx, MessagingStore store, FieldCipher cipher, Optional<WebhookParser> parser,
                          ClientPhones phones, CenterNotifications notifications, InboundListener listener,
                          Clock clock, IdGenerator ids) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.store = Objects.requireNonNull(store, "store");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.inbound = new InboundProcessing(store.contacts(), store.inbound(), phones, notifications, cipher,
                () -> this.listener, clock, ids);
    }

    /** What hears inbound messages and preference changes from now on. */
    public void listener(InboundListener next) {
        this.listener = Objects.requireNonNull(next, "listener");
    }

    /**
     * Keeps the body as it came, sealed, in one global unit; reads nothing of it. The caller has
     * checked Meta's signature over exactly these bytes.
     */
    public UUID receive(byte[] rawBody) {
        Objects.requireNonNull(rawBody, "rawBody");
        UUID id = ids.next();
        Instant now = clock.instant();
        // ISO-8859-1 maps each byte to one char and back: any body, even one that is not UTF-8, is kept exactly.
        String plain = new String(rawBody, StandardCharsets.ISO_8859_1);
        tx.global(() -> store.webhookInbox().add(new WebhookEvent(id, now,
                cipher.encrypt(KEY, aad(id), plain), Optional.empty(), 0)));
        return id;
    }

    /** Processes up to {@code batch} waiting events; without a parser, none (they wait). */
    public WebhookRun process(int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1");
        }
        if (parser.isEmpty()) {
            return WebhookRun.NONE;
        }
        Instant now = clock.instant();
        List<WebhookEvent> claimed = tx.global(() -> store.webhookInbox().claimUnprocessed(now, now.plus(LEASE), batch));
        WebhookRun run = WebhookRun.NONE;
        for (WebhookEvent event : claimed) {
            run = run.plus(processOne(event));
        }
        if (!claimed.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "event=whatsapp_webhooks_processed events=" + run.events()
                    + " processed=" + run.processed() + " unreadable=" + run.unreadable() + " retry_later="
                    + run.retryLater() + " statuses=" + run.statuses() + " unknown_messages=" + run.unknownMessages()
                    + " unknown_numbers=" + run.unknownNumbers() + " other_statuses=" + run.otherStatuses()
                    + " template_updates=" + run.templateUpdates() + " unknown_templates=" + run.unknownTemplates()
                    + " unhandled=" + run.unhandled() + " inbound=" + run.inboundMessages() + " replayed="
                    + run.replayedMessages() + " preferences=" + run.preferenceChanges() + " errors=" + run.errors());
        }
        return run;
    }

    /** Deletes processed events received before the retention; how many. */
    public int purge(int limit) {
        Instant cutoff = clock.instant().minus(RETENTION);
        return tx.global(() -> store.webhookInbox().purgeProcessedBefore(cutoff, limit));
    }

    /** How many events wait to be processed. */
    public long waiting() {
        return tx.global(() -> store.webhookInbox().countUnprocessed());
    }

    private record Resolved(ParsedWebhook parsed, Map<String, Optional<TenantId>> numbers,
                            Map<String, List<TenantId>> accounts) {
    }

    private WebhookRun processOne(WebhookEvent event) {
        Resolved resolved;
        try {
            resolved = tx.global(() -> {
                String plain = cipher.decrypt(aad(event.id()), event.sealedBody());
                ParsedWebhook parsed = parser.orElseThrow().parse(plain.getBytes(StandardCharsets.ISO_8859_1));
                Map<String, Optional<TenantId>> numbers = new LinkedHashMap<>();
                for (StatusUpdate s : parsed.statuses()) {
                    numbers.computeIfAbsent(s.phoneNumberId(), n -> store.accounts().centerOfPhoneNumber(n));
                }
                for (ReceivedMessage m : parsed.messages()) {
                    numbers.computeIfAbsent(m.phoneNumberId(), n -> store.accounts().centerOfPhoneNumber(n));
                }
                for (PreferenceChange p : parsed.preferences()) {
                    numbers.computeIfAbsent(p.phoneNumberId(), n -> store.accounts().centerOfPhoneNumber(n));
                }
                Map<String, List<TenantId>> accounts = new LinkedHashMap<>();
                for (TemplateStatusUpdate t : parsed.templateUpdates()) {
                    accounts.computeIfAbsent(t.wabaId(), w -> store.accounts().centersOfBusinessAccount(w));
                }
                return new Resolved(parsed, numbers, accounts);
            });
        } catch (MalformedWebhookException e) {
            giveUp(event, "not_json");
            return counted(1, 0, 1, 0);
        } catch (RuntimeException e) {
            return failed(event, e);
        }
        try {
            WebhookRun run = apply(event, resolved);
            tx.global(() -> store.webhookInbox().markProcessed(event.id(), clock.instant()));
            return run;
        } catch (RuntimeException e) {
            return failed(event, e);
        }
    }

    private WebhookRun failed(WebhookEvent event, RuntimeException e) {
        if (event.attempts() >= MAX_ATTEMPTS) {
            giveUp(event, e.getClass().getSimpleName());
            return counted(1, 0, 1, 0);
        }
        LOG.log(System.Logger.Level.WARNING, "event=whatsapp_webhook_retry webhook=" + event.id() + " attempts="
                + event.attempts() + " error=" + e.getClass().getName());
        return counted(1, 0, 0, 1);
    }

    private void giveUp(WebhookEvent event, String why) {
        tx.global(() -> store.webhookInbox().markUnreadable(event.id(), clock.instant()));
        LOG.log(System.Logger.Level.WARNING, "event=whatsapp_webhook_unreadable webhook=" + event.id() + " attempts="
                + event.attempts() + " reason=" + why);
    }

    private static WebhookRun counted(int events, int processed, int unreadable, int retryLater) {
        return new WebhookRun(events, processed, unreadable, retryLater, 0, 0, 0, 0, 0, 0, 0);
    }

    private WebhookRun apply(WebhookEvent event, Resolved r) {
        int applied = 0;
        int unknownMessages = 0;
        int unknownNumbers = 0;
        int others = 0;
        Map<TenantId, List<StatusUpdate>> byCenter = new LinkedHashMap<>();
        for (StatusUpdate s : r.parsed().statuses()) {
            if (s.kind().isEmpty()) {
                others++;
                continue;
            }
            Optional<TenantId> center = r.numbers().get(s.phoneNumberId());
            if (center.isEmpty()) {
                unknownNumbers++;
            } else {
                byCenter.computeIfAbsent(center.get(), c -> new ArrayList<>()).add(s);
            }
        }
        for (Map.Entry<TenantId, List<StatusUpdate>> e : byCenter.entrySet()) {
            TenantId center = e.getKey();
            int found = tx.inTenant(center, () -> {
                int n = 0;
                for (StatusUpdate s : e.getValue()) {
                    n += applyStatus(center, s) ? 1 : 0;
                }
                return n;
            });
            applied += found;
            unknownMessages += e.getValue().size() - found;
        }
        int templates = 0;
        int unknownTemplates = 0;
        for (TemplateStatusUpdate t : r.parsed().templateUpdates()) {
            TemplateStatus status;
            try {
                status = TemplateStatus.parse(t.event());
            } catch (ValidationException ex) {
                others++;
                continue;
            }
            boolean any = false;
            for (TenantId center : r.accounts().getOrDefault(t.wabaId(), List.of())) {
                any |= tx.inTenant(center, () -> store.templates().updateStatus(center, t.name(), t.language(), status,
                        event.receivedAt()));
            }
            if (any) {
                templates++;
            } else {
                unknownTemplates++;
            }
        }
        Map<TenantId, List<ReceivedMessage>> messagesByCenter = new LinkedHashMap<>();
        Map<TenantId, List<PreferenceChange>> preferencesByCenter = new LinkedHashMap<>();
        for (ReceivedMessage m : r.parsed().messages()) {
            Optional<TenantId> center = r.numbers().get(m.phoneNumberId());
            if (center.isEmpty()) {
                unknownNumbers++;
            } else {
                messagesByCenter.computeIfAbsent(center.get(), c -> new ArrayList<>()).add(m);
                preferencesByCenter.computeIfAbsent(center.get(), c -> new ArrayList<>());
            }
        }
        for (PreferenceChange p : r.parsed().preferences()) {
            Optional<TenantId> center = r.numbers().get(p.phoneNumberId());
            if (center.isEmpty()) {
                unknownNumbers++;
            } else {
                preferencesByCenter.computeIfAbsent(center.get(), c -> new ArrayList<>()).add(p);
            }
        }
        InboundProcessing.Counts counts = InboundProcessing.Counts.NONE;
        // One unit per center: its messages and preference changes commit together or not at all.
        for (Map.Entry<TenantId, List<PreferenceChange>> e : preferencesByCenter.entrySet()) {
            TenantId center = e.getKey();
            List<ReceivedMessage> messages = messagesByCenter.getOrDefault(center, List.of());
            counts = counts.plus(tx.inTenant(center, () -> inbound.apply(center, messages, e.getValue())));
        }
        for (WebhookValueError error : r.parsed().errors()) {
            LOG.log(System.Logger.Level.WARNING, "event=whatsapp_webhook_value_error webhook=" + event.id()
                    + " code=" + error.code());
        }
        return new WebhookRun(1, 1, 0, 0, applied, unknownMessages, unknownNumbers, others, templates,
                unknownTemplates, r.parsed().unhandled(), counts.stored(), counts.replayed(), counts.preferences(),
                counts.errors() + r.parsed().errors().size());
    }

    /** Applies one status in its center's unit; false when no message of the center has it. */
    private boolean applyStatus(TenantId center, StatusUpdate s) {
        Optional<QueuedMessage> found = s.callbackData().flatMap(WebhookService::messageId)
                .flatMap(id -> store.outbox().find(center, id))
                .or(() -> store.outbox().findByWamid(center, s.wamid()));
        if (found.isEmpty()) {
            return false;
        }
        OutboundMessage state = found.get().state();
        if (state.wamid().isPresent() && !state.wamid().get().equals(s.wamid())) {
            // our id with another wamid: not this message's status
            return false;
        }
        OutboundMessage merged = state.merge(status(s));
        if (!merged.equals(state)) {
            store.outbox().update(center, merged);
        }
        if (merged.wamid().filter(s.wamid()::equals).isPresent()) {
            DeliveryReport held = store.deliveryReports().find(center, state.id())
                    .orElse(DeliveryReport.empty(center, state.id()));
            DeliveryReport next = held.merge(s);
            if (!next.equals(held)) {
                store.deliveryReports().save(next);
            }
        }
        return true;
    }

    private static DeliveryStatus status(StatusUpdate s) {
        DeliveryStatus.Kind kind = s.kind().orElseThrow();
        if (kind != DeliveryStatus.Kind.FAILED) {
            return DeliveryStatus.of(kind, s.at(), s.wamid());
        }
        SendFailure failure = s.error()
                .map(e -> SendFailure.of(e.code(), e.details().or(e::title).orElse(null)))
                .orElse(SendFailure.of(UNKNOWN_FAILURE, "Meta reported the failure without an error"));
        return DeliveryStatus.failed(s.at(), s.wamid(), failure);
    }

    private static Optional<OutboundMessageId> messageId(String callbackData) {
        try {
            return Optional.of(OutboundMessageId.of(callbackData.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String aad(UUID event) {
        return "whatsapp|webhook|" + event;
    }
}

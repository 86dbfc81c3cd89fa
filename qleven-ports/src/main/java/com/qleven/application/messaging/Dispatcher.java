package com.qleven.application.messaging;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.messaging.ComponentKey;
import com.qleven.domain.messaging.FrequencyCap;
import com.qleven.domain.messaging.MessageStatus;
import com.qleven.domain.messaging.MessagingSettings;
import com.qleven.domain.messaging.OutboundMessage;
import com.qleven.domain.messaging.RetryPolicy;
import com.qleven.domain.messaging.SendFailure;
import com.qleven.domain.messaging.SkipReason;
import com.qleven.domain.messaging.TemplateId;
import com.qleven.domain.messaging.TokenBucket;
import com.qleven.domain.messaging.WhatsAppTemplate;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.messaging.ConversationWindow;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.ports.clients.in.ClientPhones;
import com.qleven.ports.clients.in.MessageRecipients;
import com.qleven.ports.messaging.out.TextMessage;
import com.qleven.ports.clients.in.ProcessingCheck;
import com.qleven.ports.consent.in.ConsentCheck;
import com.qleven.ports.messaging.out.AccessToken;
import com.qleven.ports.messaging.out.ConnectedAccount;
import com.qleven.ports.messaging.out.MessagingStore;
import com.qleven.ports.messaging.out.QueuedMessage;
import com.qleven.ports.messaging.out.SendResult;
import com.qleven.ports.messaging.out.TemplateMessage;
import com.qleven.ports.messaging.out.TemplateParameters;
import com.qleven.ports.messaging.out.WhatsAppGateway;
import com.qleven.ports.privacy.in.SuppressionCheck;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * Sends the outbox's due messages, on any number of hosts side by side. What callers rely on:
 * <ul>
 *   <li>Centers with due work are claimed under a lease from the global queue; per center, ONE unit of
 *       work sweeps messages left {@code sending} past {@link Settings#sendingGrace} into
 *       {@code uncertain} (their host died mid-call), locks a batch of due messages
 *       ({@code SKIP LOCKED}), applies the send-time rules (WhatsApp consent for every message; for
 *       marketing also not known to be under 16 (even with a marketing grant), marketing consent, no
 *       opt-out or objection and the center's frequency cap, counted for the batch in one read; no restriction; an
 *       approved template with a purpose), takes a token from the number's bucket and the
 *       recipient's pair bucket (both shared by every host), and marks each message {@code sending},
 *       its attempt counted — all committed before any call to Meta.</li>
 *   <li>Free text ({@code conversation}) goes as a text message: WhatsApp consent (a STOP withdrew it),
 *       no restriction, a phone, and the 24-hour window with the client's number still open when it is
 *       sent (else {@code outside_window}); Meta's 131047 (re-engagement: the window closed) fails it
 *       for good, never retried.</li>
 *   <li>A refused message is {@code skipped} with its reason; one whose bucket is empty stays queued
 *       until the bucket will have a token (no busy loop); a center with no number skips its messages
 *       ({@code no_account}); a center whose number needs reconnecting keeps them queued, unattempted.</li>
 *   <li>The calls run outside any transaction; then one unit records the outcomes: accepted →
 *       {@code sent} with its wamid; refused → retried with backoff and jitter or failed with its Graph
 *       code (a 190 marks the number {@code reconnect_needed} and puts the message back in the queue);
 *       unknown (no answer after the request left) → {@code uncertain}, never resent by itself.</li>
 *   <li>Meta sees the template, the parameters, the recipient's number and the message id in
 *       {@code biz_opaque_callback_data}; nothing else about the center or the client.</li>
 * </ul>
 */
public final class Dispatcher {
    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());
    /** Meta's pair rate: 1 message per 6 s to one recipient, bursts of up to 45 borrowed from the future. */
    static final TokenBucket PAIR_BUCKET = new TokenBucket(45, 1, Duration.ofSeconds(6));
    static final String PAIR_INDEX = "whatsapp_pair";

    /**
     * How much one run does: centers claimed, messages locked per center, how long a claim leases a
     * center, after how long a message still {@code sending} is taken for a crash mid-call (the
     * outbox's queue makes such a center due two minutes after, so a shorter grace waits for that),
     * the retry policy, and how many calls run at once.
     */
    public record Settings(int centersPerRun, int messagesPerCenter, Duration lease, Duration sendingGrace,
                           RetryPolicy retry, int parallelSends) {
        public Settings {
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(sendingGrace, "sendingGrace");
            Objects.requireNonNull(retry, "retry");
            if (centersPerRun < 1 || centersPerRun > 1000 || messagesPerCenter < 1 || messagesPerCenter > 1000) {
                throw new IllegalArgumentException("centers and messages per run are 1 to 1000");
            }
            if (parallelSends < 1 || parallelSends > 64) {
                throw new IllegalArgumentException("parallelSends is 1 to 64");
            }
            if (lease.isNegative() || lease.isZero() || sendingGrace.compareTo(Duration.ofMinutes(2)) < 0) {
                throw new IllegalArgumentException("a positive lease and a sending grace of at least two minutes");
            }
        }

        public static Settings defaults() {
            return new Settings(50, 100, Duration.ofSeconds(30), Duration.ofMinutes(2), RetryPolicy.standard(), 8);
        }
    }

    /**
     * What one run did: centers claimed; messages sent (accepted by Meta), queued again for a retry,
     * failed for good, left uncertain (by an unknown outcome or the sweep), skipped with a reason, and
     * left queued for want of a send budget.
     */
    public record Counts(int centers, int sent, int retried, int failed, int uncertain, int skipped, int deferred) {
        public int attempted() {
            return sent + retried + failed;
        }
    }

    private final Transactions tx;
    private final MessagingStore store;
    private final Optional<WhatsAppGateway> gateway;
    private final ConsentCheck consent;
    private final SuppressionCheck suppression;
    private final ProcessingCheck processing;
    private final MessageRecipients recipients;
    private final TokenSeal tokens;
    private final MessageParameters parameters;
    private final FieldCipher cipher;
    private final ReconnectNeeded reconnect;
    private final ClientPhones phones;
    private final Clock clock;
    private final RandomGenerator random;
    private final Settings settings;

    /** What the dispatcher does when Meta refuses a center's token (190): mark the number, once, and tell. */
    @FunctionalInterface
    public interface ReconnectNeeded {
        /** In the center's unit of work. */
        void mark(TenantId tenant, Instant at);
    }

    public Dispatcher(Transactions tx, MessagingStore store, Optional<WhatsAppGateway> gateway, ConsentCheck consent,
                      SuppressionCheck suppression, ProcessingCheck processing, MessageRecipients recipients,
                      FieldCipher cipher, ReconnectNeeded reconnect, Clock clock, RandomGenerator random,
                      Settings settings, ClientPhones phones) {
        this.tx = Objects.requireNonNull(tx, "tx");
        this.store = Objects.requireNonNull(store, "store");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.consent = Objects.requireNonNull(consent, "consent");
        this.suppression = Objects.requireNonNull(suppression, "suppression");
        this.processing = Objects.requireNonNull(processing, "processing");
        this.recipients = Objects.requireNonNull(recipients, "recipients");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.tokens = new TokenSeal(cipher);
        this.parameters = new MessageParameters(cipher);
        this.reconnect = Objects.requireNonNull(reconnect, "reconnect");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.phones = Objects.requireNonNull(phones, "phones");
    }

    /** One run over the centers due now. Without a gateway nothing is claimed: messages wait queued. */
    public Counts dispatchDue() {
        if (gateway.isEmpty()) {
            return new Counts(0, 0, 0, 0, 0, 0, 0);
        }
        Instant now = clock.instant();
        List<TenantId> centers = tx.global(() -> store.outbox().claimDueCenters(now, now.plus(settings.lease()),
                settings.centersPerRun()));
        Tally tally = new Tally();
        for (TenantId tenant : centers) {
            try {
                dispatch(tenant, tally);
            } catch (RuntimeException e) {
                // The center's lease runs out and another run takes it again; other centers go on.
                LOG.log(System.Logger.Level.WARNING, "event=whatsapp_dispatch_failed tenant=" + tenant
                        + " error=" + e.getClass().getSimpleName());
            }
        }
        return new Counts(centers.size(), tally.sent.get(), tally.retried.get(), tally.failed.get(),
                tally.uncertain.get(), tally.skipped.get(), tally.deferred.get());
    }

    private static final class Tally {
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger retried = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger uncertain = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        final AtomicInteger deferred = new AtomicInteger();
    }

    /**
     * A message marked sending, with what its call needs (opened in the unit, held in memory only): a
     * template, or free text for a conversation message.
     */
    private record Outgoing(OutboundMessage state, Optional<TemplateMessage> template, Optional<TextMessage> text) {
    }

    private record Claimed(AccessToken token, List<Outgoing> outgoing) {
    }

    private void dispatch(TenantId tenant, Tally tally) {
        Claimed claimed = tx.inTenant(tenant, () -> claim(tenant, tally));
        if (claimed.outgoing().isEmpty()) {
            return;
        }
        List<SendResult> results = send(claimed);
        tx.inTenant(tenant, () -> {
            record(tenant, claimed.outgoing(), results, tally);
            return null;
        });
    }

    /** The one unit before any call: sweep, rules, budgets, marks. */
    private Claimed claim(TenantId tenant, Tally tally) {
        Instant now = clock.instant();
        for (QueuedMessage stale : store.outbox().sendingSince(tenant, now.minus(settings.sendingGrace()),
                settings.messagesPerCenter())) {
            store.outbox().update(tenant, stale.state().outcomeUnknown(now));
            tally.uncertain.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "event=whatsapp_message_uncertain tenant=" + tenant + " message="
                    + stale.state().id() + " reason=left_sending");
        }
        Optional<ConnectedAccount> account = store.accounts().find(tenant);
        if (account.isPresent() && account.get().status() == ConnectedAccount.AccountStatus.RECONNECT_NEEDED) {
            // Nothing goes until an administrator reconnects; the messages wait, unattempted.
            return new Claimed(null, List.of());
        }
        if (account.isEmpty()) {
            for (QueuedMessage m : store.outbox().lockDue(tenant, now, settings.messagesPerCenter())) {
                skip(tenant, m, SkipReason.NO_ACCOUNT, now, tally);
            }
            return new Claimed(null, List.of());
        }
        ConnectedAccount number = account.get();
        MessagingSettings centerSettings = store.centers().find(tenant).orElse(MessagingSettings.defaults());
        int rate = centerSettings.sendsPerSecond();
        TokenBucket numberBucket = TokenBucket.perSecond(rate, rate);
        String numberKey = "wa:number:" + number.phoneNumberId();
        // A burst of one second at most: the bucket never holds more, so no run locks more than that.
        List<QueuedMessage> locked = store.outbox().lockDue(tenant, now, Math.min(settings.messagesPerCenter(), rate));
        if (locked.isEmpty()) {
            return new Claimed(null, List.of());
        }
        int granted = grant(numberKey, numberBucket, locked.size(), now);
        if (granted == 0) {
            // The number's budget is spent: the due messages wait, unattempted, until it has a token again.
            Instant refill = store.sendBudgets().take(numberKey, numberBucket, 1, now).retryAt().orElse(now);
            for (QueuedMessage m : locked) {
                defer(tenant, m, refill, tally);
            }
            return new Claimed(null, List.of());
        }
        // As many messages as tokens were granted (the others stay due for the next run); a token a
        // skipped message leaves goes unused.
        List<QueuedMessage> due = locked.subList(0, granted);
        Map<ClientId, MessageRecipients.Recipient> to = recipients.of(tenant,
                due.stream().map(QueuedMessage::client).distinct().toList());
        Map<TemplateId, Optional<WhatsAppTemplate>> templates = new HashMap<>();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        MarketingCap cap = marketingCap(tenant, centerSettings, due, now);
        List<Outgoing> outgoing = new ArrayList<>();
        for (QueuedMessage m : due) {
            MessageRecipients.Recipient recipient = to.get(m.client());
            boolean conversation = m.state().purpose() == MessagePurpose.CONVERSATION;
            Optional<SkipReason> refusal = conversation ? conversationRefusal(tenant, m, recipient, now)
                    : refusal(tenant, m, recipient, templates, now, today, cap);
            if (refusal.isPresent()) {
                skip(tenant, m, refusal.get(), now, tally);
                continue;
            }
            PhoneNumber phone = recipient.phone().orElseThrow();
            Optional<TemplateMessage> message;
            Optional<TextMessage> text;
            try {
                message = conversation ? Optional.empty() : Optional.of(new TemplateMessage(number.phoneNumberId(),
                        phone.e164(), m.templateName().orElseThrow(), m.templateLanguage().orElseThrow(),
                        components(tenant, m), m.state().id().toString()));
                text = conversation ? Optional.of(new TextMessage(number.phoneNumberId(), phone.e164(),
                        freeText(tenant, m), m.state().id().toString())) : Optional.empty();
            } catch (IllegalArgumentException e) {
                // A blank value, or a template name or language Meta would refuse: never sendable as it is.
                skip(tenant, m, SkipReason.MISSING_PARAMETER, now, tally);
                continue;
            }
            String pairKey = "wa:pair:" + number.phoneNumberId() + ":"
                    + cipher.blindIndex(PAIR_INDEX, Optional.of(tenant), phone.e164()).hex();
            TokenBucket.Take pair = store.sendBudgets().take(pairKey, PAIR_BUCKET, 1, now);
            if (!pair.granted()) {
                defer(tenant, m, pair.retryAt().orElseThrow(), tally);
                continue;
            }
            OutboundMessage sending = m.state().markSending(now);
            store.outbox().update(tenant, sending);
            if (m.state().purpose().marketing()) {
                cap.counted(m.client());
            }
            outgoing.add(new Outgoing(sending, message, text));
        }
        return new Claimed(outgoing.isEmpty() ? null : tokens.open(number), outgoing);
    }

    /**
     * Takes up to {@code want} tokens from the number's bucket: all of them when it has them, else as
     * many whole tokens as it holds; how many were taken.
     */
    private int grant(String key, TokenBucket bucket, int want, Instant now) {
        TokenBucket.Take all = store.sendBudgets().take(key, bucket, want, now);
        if (all.granted()) {
            return want;
        }
        int some = (int) Math.min(want, all.state().tokens());
        if (some < 1) {
            return 0;
        }
        return store.sendBudgets().take(key, bucket, some, now).granted() ? some : 0;
    }

    /**
     * The center's marketing cap and how many marketing messages each client of the batch's marketing
     * messages had within its window, counted in ONE read for the whole batch (none without marketing);
     * the batch's own sends are added as they are marked.
     */
    private MarketingCap marketingCap(TenantId tenant, MessagingSettings centerSettings, List<QueuedMessage> due,
                                      Instant now) {
        FrequencyCap cap = centerSettings.marketingCap();
        List<ClientId> marketed = due.stream().filter(m -> m.state().purpose().marketing()).map(QueuedMessage::client)
                .distinct().toList();
        Map<ClientId, Long> sent = marketed.isEmpty() ? new HashMap<>()
                : new HashMap<>(store.outbox().marketingSince(tenant, marketed, now.minus(cap.per())));
        return new MarketingCap(cap, sent);
    }

    /** A center's cap with the marketing messages its clients had within the window, as this run goes. */
    private record MarketingCap(FrequencyCap cap, Map<ClientId, Long> sent) {
        boolean allows(ClientId client) {
            return cap.allowsAnother(sent.getOrDefault(client, 0L));
        }

        void counted(ClientId client) {
            sent.merge(client, 1L, Long::sum);
        }
    }

    /** Why the message may not go now, by the rules at send time; empty when it may. */
    private Optional<SkipReason> refusal(TenantId tenant, QueuedMessage m, MessageRecipients.Recipient recipient,
                                         Map<TemplateId, Optional<WhatsAppTemplate>> templates, Instant now,
                                         LocalDate today, MarketingCap cap) {
        if (recipient == null || recipient.phone().isEmpty()) {
            return Optional.of(SkipReason.NO_PHONE);
        }
        if (processing.restricted(tenant, m.client())) {
            return Optional.of(SkipReason.RESTRICTED);
        }
        if (!consent.allows(tenant, m.client(), ConsentPurpose.WHATSAPP, now)) {
            return Optional.of(SkipReason.NO_WHATSAPP_CONSENT);
        }
        if (m.state().purpose().marketing()) {
            // A client known to be under 16 gets no marketing, whatever grant the ledger holds (one given
            // before the birth date was known, say); a client without a birth date may be messaged.
            boolean under16 = recipient.birthDate().map(b -> b.plusYears(16).isAfter(today)).orElse(false);
            if (under16) {
                return Optional.of(SkipReason.UNDER_16);
            }
            if (!consent.allows(tenant, m.client(), ConsentPurpose.MARKETING, now)) {
                return Optional.of(SkipReason.NO_MARKETING_CONSENT);
            }
            if (suppression.isSuppressed(tenant, recipient.phone().get())) {
                return Optional.of(SkipReason.OPTED_OUT);
            }
            if (!cap.allows(m.client())) {
                return Optional.of(SkipReason.FREQUENCY_CAP);
            }
        }
        if (m.template().isEmpty()) {
            return Optional.of(SkipReason.NO_APPROVED_TEMPLATE);
        }
        Optional<WhatsAppTemplate> template = templates.computeIfAbsent(m.template().get(),
                id -> store.templates().find(tenant, id));
        if (template.isEmpty() || !template.get().sendable()) {
            return Optional.of(SkipReason.NO_APPROVED_TEMPLATE);
        }
        return Optional.empty();
    }

    /**
     * Why free text to the client may not go now: no phone, a restricted processing, no WhatsApp
     * consent (a STOP withdrew it), or the 24-hour window with the client's number closed since it was
     * queued ({@code outside_window}). Marketing rules and templates do not apply to it.
     */
    private Optional<SkipReason> conversationRefusal(TenantId tenant, QueuedMessage m,
                                                     MessageRecipients.Recipient recipient, Instant now) {
        if (recipient == null || recipient.phone().isEmpty()) {
            return Optional.of(SkipReason.NO_PHONE);
        }
        if (processing.restricted(tenant, m.client())) {
            return Optional.of(SkipReason.RESTRICTED);
        }
        if (!consent.allows(tenant, m.client(), ConsentPurpose.WHATSAPP, now)) {
            return Optional.of(SkipReason.NO_WHATSAPP_CONSENT);
        }
        boolean open = store.contacts().byIndex(tenant, phones.index(tenant, recipient.phone().get()))
                .map(c -> new ConversationWindow(c.lastInboundAt()).openAt(now)).orElse(false);
        return open ? Optional.empty() : Optional.of(SkipReason.OUTSIDE_WINDOW);
    }

    /** A conversation message's text, sealed as its body's one value. */
    private String freeText(TenantId tenant, QueuedMessage m) {
        if (m.sealedParameters().length == 0) {
            throw new IllegalArgumentException("the message's text is gone");
        }
        List<String> body = parameters.open(tenant, m.state().id(), m.sealedParameters())
                .getOrDefault(ComponentKey.BODY, List.of());
        if (body.size() != 1) {
            throw new IllegalArgumentException("a conversation message has one text");
        }
        return body.get(0);
    }

    /** The sealed parameters as the send's components: header, body and URL buttons that have values. */
    private List<TemplateParameters> components(TenantId tenant, QueuedMessage m) {
        Map<ComponentKey, List<String>> values = parameters.open(tenant, m.state().id(), m.sealedParameters());
        List<TemplateParameters> out = new ArrayList<>();
        values.forEach((key, list) -> {
            if (list.isEmpty()) {
                return;
            }
            switch (key.type()) {
                case HEADER -> out.add(new TemplateParameters(TemplateParameters.Component.HEADER, 0, list));
                case BODY -> out.add(TemplateParameters.body(list));
                case BUTTON -> out.add(new TemplateParameters(TemplateParameters.Component.URL_BUTTON, key.index(),
                        list));
                case FOOTER -> throw new IllegalArgumentException("a footer has no parameters");
            }
        });
        return out;
    }

    private void skip(TenantId tenant, QueuedMessage m, SkipReason reason, Instant now, Tally tally) {
        store.outbox().update(tenant, m.state().skip(reason, now));
        tally.skipped.incrementAndGet();
        LOG.log(System.Logger.Level.INFO, "event=whatsapp_message_skipped tenant=" + tenant + " message="
                + m.state().id() + " reason=" + reason.wireName());
    }

    private void defer(TenantId tenant, QueuedMessage m, Instant until, Tally tally) {
        store.outbox().update(tenant, m.state().deferredTo(until));
        tally.deferred.incrementAndGet();
    }

    /** The calls, outside any transaction, a few at a time; results in the order of {@code claimed}. */
    private List<SendResult> send(Claimed claimed) {
        WhatsAppGateway graph = gateway.orElseThrow();
        List<Outgoing> outgoing = claimed.outgoing();
        if (outgoing.size() == 1 || settings.parallelSends() == 1) {
            return outgoing.stream().map(o -> call(graph, claimed.token(), o)).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.parallelSends(), outgoing.size()),
                r -> {
                    Thread t = new Thread(r, "whatsapp-send");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<Future<SendResult>> calls = new ArrayList<>();
            for (Outgoing o : outgoing) {
                calls.add(pool.submit(() -> call(graph, claimed.token(), o)));
            }
            List<SendResult> results = new ArrayList<>();
            for (Future<SendResult> call : calls) {
                results.add(await(call));
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private static SendResult await(Future<SendResult> call) {
        try {
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // The call may still go out: its outcome is unknown, never retried by itself.
            return new SendResult.Unknown("interrupted while waiting for the answer");
        } catch (ExecutionException e) {
            return new SendResult.Unknown("the call failed: " + e.getCause().getClass().getSimpleName());
        }
    }

    private static SendResult call(WhatsAppGateway graph, AccessToken token, Outgoing o) {
        try {
            return o.text().isPresent() ? graph.sendText(token, o.text().get())
                    : graph.sendTemplate(token, o.template().orElseThrow());
        } catch (RuntimeException e) {
            // The gateway reports failures as results; anything else may have left: unknown.
            return new SendResult.Unknown("the gateway failed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The outcomes, in one unit. Each message is read again first: a status webhook carrying its id may
     * have moved it on meanwhile, and an outcome never moves a message back.
     */
    private void record(TenantId tenant, List<Outgoing> outgoing, List<SendResult> results, Tally tally) {
        Instant now = clock.instant();
        boolean reconnectMarked = false;
        for (int i = 0; i < outgoing.size(); i++) {
            Outgoing o = outgoing.get(i);
            SendResult result = results.get(i);
            Optional<QueuedMessage> current = store.outbox().find(tenant, o.state().id());
            if (current.isEmpty()) {
                continue; // erased meanwhile
            }
            OutboundMessage state = current.get().state();
            if (result instanceof SendResult.Sent sent) {
                tally.sent.incrementAndGet();
                OutboundMessage next;
                try {
                    next = state.accepted(sent.wamid(), now);
                } catch (IllegalStateException e) {
                    continue; // a state no acceptance changes
                }
                if (!next.equals(state)) {
                    store.outbox().update(tenant, next);
                }
            } else if (result instanceof SendResult.Refused refused) {
                SendFailure failure = refused.failure();
                if (failure.kind() == SendFailure.Kind.RECONNECT && !reconnectMarked) {
                    reconnect.mark(tenant, now);
                    reconnectMarked = true;
                }
                if (state.status() != MessageStatus.SENDING) {
                    continue;
                }
                OutboundMessage next = state.failedAttempt(failure, now, settings.retry(), random);
                store.outbox().update(tenant, next);
                if (next.status() == MessageStatus.FAILED) {
                    tally.failed.incrementAndGet();
                } else {
                    tally.retried.incrementAndGet();
                }
                LOG.log(System.Logger.Level.INFO, "event=whatsapp_message_refused tenant=" + tenant + " message="
                        + state.id() + " code=" + failure.graphCode() + " kind=" + failure.kind()
                        + " status=" + next.status().wireName());
            } else if (result instanceof SendResult.Unknown unknown) {
                if (state.status() != MessageStatus.SENDING) {
                    continue;
                }
                store.outbox().update(tenant, state.outcomeUnknown(now));
                tally.uncertain.incrementAndGet();
                LOG.log(System.Logger.Level.WARNING, "event=whatsapp_message_uncertain tenant=" + tenant
                        + " message=" + state.id() + " reason=" + unknown.reason());
            }
        }
    }
}

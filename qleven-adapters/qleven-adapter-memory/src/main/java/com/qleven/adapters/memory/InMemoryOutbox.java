package com.qleven.adapters.memory;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.MessageStatus;
import com.qleven.domain.messaging.OutboundMessage;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.Outbox;
import com.qleven.ports.messaging.out.QueuedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The outbox in memory, as PostgreSQL keeps it (V32): one unit at a time, so a lock is a unit's
 * alone; the queue of centers with dispatch work is recomputed on every write that adds, ends or
 * moves queued or sending messages, the earliest of the queued ones' next attempts and the sending
 * ones' start plus {@link #SENDING_SWEEP}; a claim leases a center until any such write.
 */
final class InMemoryOutbox implements Outbox {
    /** As V32's trigger: a message sending this long is looked at again by the sweep. */
    static final Duration SENDING_SWEEP = Duration.ofMinutes(2);

    private record Key(TenantId tenant, UUID id) {
    }

    private record Due(Instant dueAt, Optional<Instant> leaseUntil) {
    }

    private static final Comparator<QueuedMessage> DUE_ORDER = Comparator
            .comparing((QueuedMessage m) -> m.state().nextAttemptAt().orElseThrow())
            .thenComparing(m -> m.state().id().value(), InMemoryStore::compareAsPostgres);

    private final InMemoryTransactions tx;
    private final Map<Key, QueuedMessage> rows = new LinkedHashMap<>();
    private final Map<TenantId, Due> due = new HashMap<>();

    InMemoryOutbox(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(QueuedMessage message) {
        tx.within(() -> {
            tx.checkWrite(message.tenant());
            Key key = new Key(message.tenant(), message.state().id().value());
            if (rows.containsKey(key)) {
                throw new ConflictException("cannot queue a message: it conflicts with what is already stored");
            }
            requireWamidFree(message.tenant(), message.state());
            tx.put(rows, key, message);
            if (dispatchWork(message.state().status())) {
                refresh(message.tenant());
            }
        });
    }

    @Override
    public void addAll(List<QueuedMessage> messages) {
        if (messages.stream().map(QueuedMessage::tenant).distinct().count() > 1) {
            throw new IllegalArgumentException("a batch of messages is one center's");
        }
        tx.within(() -> messages.forEach(this::add));
    }

    @Override
    public Map<ClientId, Long> marketingSince(TenantId tenant, java.util.Collection<ClientId> clients, Instant since) {
        java.util.Set<ClientId> wanted = java.util.Set.copyOf(clients);
        java.util.Set<MessageStatus> counted = java.util.EnumSet.of(MessageStatus.SENDING, MessageStatus.SENT,
                MessageStatus.DELIVERED, MessageStatus.READ, MessageStatus.UNCERTAIN);
        return tx.within(() -> select(tenant, m -> wanted.contains(m.client()) && m.state().purpose().marketing()
                && counted.contains(m.state().status()) && !m.state().statusAt().isBefore(since))
                .collect(java.util.stream.Collectors.groupingBy(QueuedMessage::client,
                        java.util.stream.Collectors.counting())));
    }

    @Override
    public Optional<QueuedMessage> find(TenantId tenant, OutboundMessageId id) {
        return tx.within(() -> visible(tenant).map(t -> rows.get(new Key(t, id.value()))));
    }

    @Override
    public Optional<QueuedMessage> findByWamid(TenantId tenant, String wamid) {
        return tx.within(() -> select(tenant, m -> m.state().wamid().filter(wamid::equals).isPresent()).findFirst());
    }

    @Override
    public void update(TenantId tenant, OutboundMessage state) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, state.id().value());
            QueuedMessage old = rows.get(key);
            if (old == null) {
                throw new IllegalStateException("no message " + state.id() + " to update");
            }
            requireWamidFree(tenant, state);
            // Only the fate moves; what the message is (purpose, creation, resend) stays as stored.
            OutboundMessage kept = new OutboundMessage(state.id(), old.state().purpose(), old.state().createdAt(),
                    state.status(), state.statusAt(), state.attempts(), state.nextAttemptAt(), state.wamid(),
                    state.failure(), state.skipReason(), old.state().resendOf());
            tx.put(rows, key, old.withState(kept));
            OutboundMessage before = old.state();
            boolean touchesWork = dispatchWork(before.status()) || dispatchWork(kept.status());
            boolean moved = before.status() != kept.status() || !before.nextAttemptAt().equals(kept.nextAttemptAt())
                    || !before.statusAt().equals(kept.statusAt());
            if (touchesWork && moved) {
                refresh(tenant);
            }
        });
    }

    private void requireWamidFree(TenantId tenant, OutboundMessage state) {
        if (state.wamid().isPresent() && rows.values().stream().anyMatch(m -> m.tenant().equals(tenant)
                && !m.state().id().equals(state.id()) && m.state().wamid().equals(state.wamid()))) {
            throw new ConflictException("cannot update a message: it conflicts with what is already stored");
        }
    }

    @Override
    public List<QueuedMessage> lockDue(TenantId tenant, Instant now, int limit) {
        requireLimit(limit);
        return tx.within(() -> select(tenant, m -> m.state().due(now)).sorted(DUE_ORDER).limit(limit).toList());
    }

    @Override
    public List<TenantId> claimDueCenters(Instant now, Instant leaseUntil, int limit) {
        requireLimit(limit);
        return tx.within(() -> {
            List<TenantId> claimed = due.entrySet().stream()
                    .filter(e -> !e.getValue().dueAt().isAfter(now)
                            && e.getValue().leaseUntil().map(l -> !l.isAfter(now)).orElse(true))
                    .sorted(Comparator.comparing((Map.Entry<TenantId, Due> e) -> e.getValue().dueAt())
                            .thenComparing(e -> e.getKey().value().toString()))
                    .limit(limit).map(Map.Entry::getKey).toList();
            claimed.forEach(t -> tx.put(due, t, new Due(due.get(t).dueAt(), Optional.of(leaseUntil))));
            return claimed;
        });
    }

    @Override
    public List<QueuedMessage> sendingSince(TenantId tenant, Instant before, int limit) {
        requireLimit(limit);
        return tx.within(() -> select(tenant, m -> m.state().status() == MessageStatus.SENDING
                && m.state().statusAt().isBefore(before))
                .sorted(Comparator.comparing((QueuedMessage m) -> m.state().statusAt())
                        .thenComparing(m -> m.state().id().value(), InMemoryStore::compareAsPostgres))
                .limit(limit).toList());
    }

    @Override
    public Page<QueuedMessage> ofClient(TenantId tenant, ClientId client, PageRequest page) {
        return tx.within(() -> InMemoryPages.newestFirst(select(tenant, m -> m.client().equals(client)).toList(),
                m -> m.state().createdAt(), m -> m.state().id().value(), page));
    }

    @Override
    public Page<QueuedMessage> ofAppointment(TenantId tenant, AppointmentId appointment, PageRequest page) {
        return tx.within(() -> InMemoryPages.newestFirst(
                select(tenant, m -> m.appointment().filter(appointment::equals).isPresent()).toList(),
                m -> m.state().createdAt(), m -> m.state().id().value(), page));
    }

    @Override
    public Page<QueuedMessage> uncertain(TenantId tenant, PageRequest page) {
        return tx.within(() -> InMemoryPages.oldestFirst(
                select(tenant, m -> m.state().status() == MessageStatus.UNCERTAIN).toList(),
                m -> m.state().statusAt(), m -> m.state().id().value(), page));
    }

    @Override
    public List<QueuedMessage> allOfClient(TenantId tenant, ClientId client) {
        return tx.within(() -> select(tenant, m -> m.client().equals(client))
                .sorted(Comparator.comparing((QueuedMessage m) -> m.state().createdAt())
                        .thenComparing(m -> m.state().id().value(), InMemoryStore::compareAsPostgres))
                .toList());
    }

    @Override
    public int eraseClient(TenantId tenant, ClientId client) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            int changed = 0;
            boolean workGone = false;
            for (QueuedMessage m : select(tenant, m -> m.client().equals(client)).toList()) {
                Key key = new Key(tenant, m.state().id().value());
                MessageStatus status = m.state().status();
                if ((status == MessageStatus.QUEUED || status == MessageStatus.SKIPPED) && m.state().attempts() == 0) {
                    tx.remove(rows, key);
                    workGone |= status == MessageStatus.QUEUED;
                    changed++;
                } else if (m.sealedParameters().length > 0) {
                    tx.put(rows, key, new QueuedMessage(m.tenant(), m.state(), m.client(), m.appointment(),
                            m.template(), m.templateName(), m.templateLanguage(), new byte[0]));
                    changed++;
                }
            }
            if (workGone) {
                refresh(tenant);
            }
            return changed;
        });
    }

    /** The center's row in the queue of dispatch work, recomputed; no work, no row. */
    private void refresh(TenantId tenant) {
        Optional<Instant> queued = rows.values().stream()
                .filter(m -> m.tenant().equals(tenant) && m.state().status() == MessageStatus.QUEUED)
                .map(m -> m.state().nextAttemptAt().orElseThrow()).min(Comparator.naturalOrder());
        Optional<Instant> sending = rows.values().stream()
                .filter(m -> m.tenant().equals(tenant) && m.state().status() == MessageStatus.SENDING)
                .map(m -> m.state().statusAt().plus(SENDING_SWEEP)).min(Comparator.naturalOrder());
        Optional<Instant> earliest = Stream.of(queued, sending).flatMap(Optional::stream).min(Comparator.naturalOrder());
        if (earliest.isPresent()) {
            tx.put(due, tenant, new Due(earliest.get(), Optional.empty()));
        } else {
            tx.remove(due, tenant);
        }
    }

    /** When the center is next due for dispatch, as the store keeps it (tests). */
    Optional<Instant> dueAt(TenantId tenant) {
        return tx.within(() -> Optional.ofNullable(due.get(tenant)).map(Due::dueAt));
    }

    private static boolean dispatchWork(MessageStatus status) {
        return status == MessageStatus.QUEUED || status == MessageStatus.SENDING;
    }

    private Optional<TenantId> visible(TenantId tenant) {
        return tx.visible(tenant) ? Optional.of(tenant) : Optional.empty();
    }

    private Stream<QueuedMessage> select(TenantId tenant, Predicate<QueuedMessage> filter) {
        if (!tx.visible(tenant)) {
            return Stream.empty();
        }
        return rows.values().stream().filter(m -> m.tenant().equals(tenant)).filter(filter);
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("a limit is 1 to 1000: " + limit);
        }
    }
}

package com.qleven.adapters.memory;

import com.qleven.domain.devices.CommandStatus;
import com.qleven.domain.devices.DeviceCommand;
import com.qleven.domain.devices.DeviceCommandId;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.out.DeviceCommands;
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
 * The device command outbox in memory, as PostgreSQL keeps it (V39): the queue of centers with
 * dispatch work is recomputed on every write that adds, ends or moves waiting commands (the earliest
 * of their due times and expiries); a claim leases a center until such a write.
 */
final class InMemoryDeviceCommands implements DeviceCommands {
    private record Key(TenantId tenant, UUID id) {
    }

    private record Due(Instant dueAt, Optional<Instant> leaseUntil) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, DeviceCommand> rows = new LinkedHashMap<>();
    private final Map<TenantId, Due> due = new HashMap<>();

    InMemoryDeviceCommands(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(TenantId tenant, DeviceCommand command) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, command.id().value());
            if (rows.containsKey(key)) {
                throw new ConflictException("cannot queue a command: it conflicts with what is already stored");
            }
            tx.put(rows, key, command);
            refresh(tenant);
        });
    }

    @Override
    public Optional<DeviceCommand> find(TenantId tenant, DeviceCommandId id) {
        return tx.within(() -> tx.visible(tenant) ? Optional.ofNullable(rows.get(new Key(tenant, id.value())))
                : Optional.<DeviceCommand>empty());
    }

    @Override
    public Optional<DeviceCommand> read(TenantId tenant, DeviceCommandId id) {
        return find(tenant, id);
    }

    @Override
    public void update(TenantId tenant, DeviceCommand command) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, command.id().value());
            DeviceCommand old = rows.get(key);
            if (old == null) {
                throw new IllegalStateException("no command " + command.id() + " to update");
            }
            DeviceCommand kept = new DeviceCommand(old.id(), old.device(), old.type(), old.parameters(),
                    old.appointment(), old.issuedBy(), old.createdAt(), old.expiresAt(), command.status(),
                    command.statusAt(), command.attempts(), command.dueAt(), command.detail());
            tx.put(rows, key, kept);
            if (waiting(old) || waiting(kept)) {
                refresh(tenant);
            }
        });
    }

    @Override
    public List<DeviceCommand> lockDue(TenantId tenant, Instant now, int limit) {
        requireLimit(limit);
        return tx.within(() -> select(tenant, c -> c.due(now) || c.overdue(now))
                .sorted(Comparator.comparing((DeviceCommand c) -> actAt(c))
                        .thenComparing(c -> c.id().value(), InMemoryStore::compareAsPostgres))
                .limit(limit).toList());
    }

    @Override
    public List<DeviceCommand> waitingOf(TenantId tenant, DeviceId device, int limit) {
        requireLimit(limit);
        return tx.within(() -> select(tenant, c -> c.device().equals(device) && waiting(c))
                .sorted(Comparator.comparing(DeviceCommand::createdAt)
                        .thenComparing(c -> c.id().value(), InMemoryStore::compareAsPostgres))
                .limit(limit).toList());
    }

    @Override
    public Page<DeviceCommand> ofDevice(TenantId tenant, DeviceId device, PageRequest page) {
        return tx.within(() -> InMemoryPages.newestFirst(select(tenant, c -> c.device().equals(device)).toList(),
                DeviceCommand::createdAt, c -> c.id().value(), page));
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
    public void endLease(TenantId tenant) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            Due d = due.get(tenant);
            if (d != null && d.leaseUntil().isPresent()) {
                tx.put(due, tenant, new Due(d.dueAt(), Optional.empty()));
            }
        });
    }

    /** When the dispatcher must act on a waiting command: its due time, or its expiry if earlier. */
    private static Instant actAt(DeviceCommand c) {
        return c.dueAt().filter(d -> d.isBefore(c.expiresAt())).orElse(c.expiresAt());
    }

    private void refresh(TenantId tenant) {
        Optional<Instant> earliest = rows.entrySet().stream().filter(e -> e.getKey().tenant().equals(tenant))
                .map(Map.Entry::getValue).filter(InMemoryDeviceCommands::waiting)
                .map(InMemoryDeviceCommands::actAt).min(Comparator.naturalOrder());
        if (earliest.isPresent()) {
            tx.put(due, tenant, new Due(earliest.get(), Optional.empty()));
        } else {
            tx.remove(due, tenant);
        }
    }

    private static boolean waiting(DeviceCommand c) {
        return c.status() == CommandStatus.QUEUED || c.status() == CommandStatus.SENT;
    }

    private Stream<DeviceCommand> select(TenantId tenant, Predicate<DeviceCommand> filter) {
        if (!tx.visible(tenant)) {
            return Stream.empty();
        }
        return rows.entrySet().stream().filter(e -> e.getKey().tenant().equals(tenant)).map(Map.Entry::getValue)
                .filter(filter);
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("a limit is 1 to 1000: " + limit);
        }
    }
}

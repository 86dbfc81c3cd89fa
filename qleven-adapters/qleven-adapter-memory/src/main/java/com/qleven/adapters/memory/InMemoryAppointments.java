package com.qleven.adapters.memory;

import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.BusyIntervals;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.scheduling.RoomId;
import com.qleven.domain.scheduling.SeriesId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.scheduling.out.AppointmentQuery;
import com.qleven.ports.scheduling.out.Appointments;
import com.qleven.ports.scheduling.out.StoredAppointment;
import com.qleven.domain.clients.ClientId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Appointments in memory, refusing overlapping holds of one resource as PostgreSQL's exclusion
 * constraint does: an appointment whose status holds resources holds its professional, room and
 * each piece of equipment over its occupied range, and no other such hold of the same resource in
 * the same center may overlap it.
 */
final class InMemoryAppointments implements Appointments {
    private record Key(TenantId tenant, AppointmentId id) {
    }

    /** One hold, as a row of {@code appointment_resources}. */
    private record Hold(UUID resource, String kind, TimeRange during) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, StoredAppointment> rows = new HashMap<>();

    InMemoryAppointments(InMemoryTransactions tx) {
        this.tx = tx;
    }

    private static List<Hold> holds(StoredAppointment a) {
        if (!a.status().holdsResources()) {
            return List.of();
        }
        List<Hold> holds = new ArrayList<>();
        holds.add(new Hold(a.professional().value(), "professional", a.occupied()));
        if (a.room() != null) {
            holds.add(new Hold(a.room().value(), "room", a.occupied()));
        }
        a.equipment().forEach(e -> holds.add(new Hold(e.value(), "equipment", a.occupied())));
        return holds;
    }

    private void checkFree(StoredAppointment a) {
        List<Hold> wanted = holds(a);
        if (wanted.isEmpty()) {
            return;
        }
        for (Hold hold : wanted) {
            boolean taken = rows.values().stream()
                    .filter(other -> other.tenant().equals(a.tenant()) && !other.id().equals(a.id()))
                    .flatMap(other -> holds(other).stream())
                    .anyMatch(h -> h.resource().equals(hold.resource()) && h.during().overlaps(hold.during()));
            if (taken) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("start", a.start().toString());
                details.put("resource", hold.kind());
                details.put("resourceId", hold.resource().toString());
                throw new ConflictException("the " + hold.kind() + " is already taken at this time", details);
            }
        }
    }

    @Override
    public void add(StoredAppointment a) {
        if (a.version() != 1) {
            throw new IllegalArgumentException("a new appointment is at version 1");
        }
        tx.within(() -> {
            tx.checkWrite(a.tenant());
            Key key = new Key(a.tenant(), a.id());
            if (rows.containsKey(key)) {
                throw new ConflictException("cannot add an appointment: it conflicts with what is already stored");
            }
            checkFree(a);
            tx.put(rows, key, a);
        });
    }

    @Override
    public boolean update(StoredAppointment a, long expectedVersion) {
        if (a.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("an update moves the version on by one");
        }
        return tx.within(() -> {
            tx.checkWrite(a.tenant());
            Key key = new Key(a.tenant(), a.id());
            StoredAppointment stored = rows.get(key);
            if (stored == null || stored.version() != expectedVersion || !stored.client().equals(a.client())
                    || !stored.service().equals(a.service())) {
                return false;
            }
            checkFree(a);
            // The history only grows, as the table's rows are only ever added.
            List<com.qleven.domain.scheduling.PreviousSlot> history = new ArrayList<>(stored.history());
            if (a.history().size() > history.size()) {
                history.addAll(a.history().subList(history.size(), a.history().size()));
            }
            tx.put(rows, key, new StoredAppointment(a.tenant(), a.id(), stored.client(), stored.service(),
                    a.professional(), a.room(), a.equipment(), a.start(), a.end(), a.bufferBeforeMinutes(),
                    a.bufferAfterMinutes(), a.status(), a.statusAt(), a.cancellation(), history, stored.series(),
                    stored.bookedAt(), stored.bookedBy(), a.version(), stored.depositDue()));
            return true;
        });
    }

    private Stream<StoredAppointment> visible(TenantId tenant) {
        return tx.visible(tenant) ? rows.values().stream().filter(a -> a.tenant().equals(tenant)) : Stream.empty();
    }

    @Override
    public Optional<StoredAppointment> byId(TenantId tenant, AppointmentId id) {
        return tx.within(() -> tx.visible(tenant) ? Optional.ofNullable(rows.get(new Key(tenant, id)))
                : Optional.<StoredAppointment>empty());
    }

    @Override
    public List<StoredAppointment> bySeries(TenantId tenant, SeriesId series) {
        return tx.within(() -> visible(tenant)
                .filter(a -> series.equals(a.series()))
                .sorted(Comparator.comparing(StoredAppointment::start)
                        .thenComparing(a -> a.id().value(), InMemoryStore::compareAsPostgres))
                .toList());
    }

    @Override
    public Page<StoredAppointment> list(TenantId tenant, AppointmentQuery query, PageRequest page) {
        return tx.within(() -> InMemoryPages.oldestFirst(visible(tenant)
                        .filter(a -> query.starts().contains(a.start()))
                        .filter(a -> query.professional().map(a.professional()::equals).orElse(true))
                        .filter(a -> query.client().map(a.client()::equals).orElse(true))
                        .toList(),
                StoredAppointment::start, a -> a.id().value(), page));
    }

    @Override
    public List<StoredAppointment> ofProfessional(TenantId tenant, UserId professional, TimeRange starts, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        return tx.within(() -> visible(tenant)
                .filter(a -> a.professional().equals(professional) && starts.contains(a.start())
                        && a.status() != com.qleven.domain.scheduling.AppointmentStatus.CANCELLED)
                .sorted(java.util.Comparator.comparing(StoredAppointment::start)
                        .thenComparing(a -> a.id().value(), InMemoryStore::compareAsPostgres))
                .limit(max)
                .toList());
    }

    @Override
    public BusyIntervals busy(TenantId tenant, Collection<UserId> professionals, Collection<RoomId> rooms,
                              Collection<EquipmentId> equipment, TimeRange range) {
        return tx.within(() -> {
            Set<UUID> wanted = new java.util.HashSet<>();
            professionals.forEach(p -> wanted.add(p.value()));
            rooms.forEach(r -> wanted.add(r.value()));
            equipment.forEach(e -> wanted.add(e.value()));
            BusyIntervals.Builder busy = BusyIntervals.builder();
            visible(tenant).flatMap(a -> holds(a).stream())
                    .filter(h -> wanted.contains(h.resource()) && h.during().overlaps(range))
                    .forEach(h -> {
                        switch (h.kind()) {
                            case "professional" -> busy.professional(new UserId(h.resource()), h.during());
                            case "room" -> busy.room(new RoomId(h.resource()), h.during());
                            default -> busy.equipment(new EquipmentId(h.resource()), h.during());
                        }
                    });
            return busy.build();
        });
    }

    @Override
    public Map<ClientId, com.qleven.ports.scheduling.in.ClientActivity.Activity> activity(TenantId tenant) {
        return tx.within(() -> {
            Map<ClientId, List<StoredAppointment>> byClient = new HashMap<>();
            visible(tenant).forEach(a -> byClient.computeIfAbsent(a.client(), c -> new java.util.ArrayList<>()).add(a));
            Map<ClientId, com.qleven.ports.scheduling.in.ClientActivity.Activity> out = new HashMap<>();
            byClient.forEach((client, list) -> {
                List<StoredAppointment> completed = list.stream()
                        .filter(a -> a.status() == com.qleven.domain.scheduling.AppointmentStatus.COMPLETED).toList();
                Optional<Instant> last = completed.stream().map(StoredAppointment::start).max(Instant::compareTo);
                int noShows = (int) list.stream()
                        .filter(a -> a.status() == com.qleven.domain.scheduling.AppointmentStatus.NO_SHOW).count();
                out.put(client, new com.qleven.ports.scheduling.in.ClientActivity.Activity(last,
                        completed.stream().map(StoredAppointment::service).collect(java.util.stream.Collectors.toSet()),
                        noShows));
            });
            return out;
        });
    }
}

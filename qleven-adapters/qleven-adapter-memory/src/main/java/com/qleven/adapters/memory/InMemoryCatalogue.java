package com.qleven.adapters.memory;

import com.qleven.domain.scheduling.Equipment;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.scheduling.EquipmentStatus;
import com.qleven.domain.scheduling.Room;
import com.qleven.domain.scheduling.RoomId;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.scheduling.out.Catalogue;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Services, rooms and equipment in memory; visible and writable only in their center's unit. */
final class InMemoryCatalogue implements Catalogue {
    private record Key(TenantId tenant, UUID id) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, Service> services = new HashMap<>();
    private final Map<Key, Room> rooms = new HashMap<>();
    private final Map<Key, Equipment> equipment = new HashMap<>();

    InMemoryCatalogue(InMemoryTransactions tx) {
        this.tx = tx;
    }

    private <T> void add(Map<Key, T> map, TenantId tenant, UUID id, T value) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, id);
            if (map.containsKey(key)) {
                throw new ConflictException("cannot add it: it conflicts with what is already stored");
            }
            tx.put(map, key, value);
        });
    }

    private <T> boolean replace(Map<Key, T> map, TenantId tenant, UUID id, Function<T, T> change) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, id);
            T row = map.get(key);
            if (row == null) {
                return false;
            }
            tx.put(map, key, change.apply(row));
            return true;
        });
    }

    private <T> Optional<T> one(Map<Key, T> map, TenantId tenant, UUID id) {
        return tx.within(() -> tx.visible(tenant) ? Optional.ofNullable(map.get(new Key(tenant, id)))
                : Optional.<T>empty());
    }

    private <T> List<T> all(Map<Key, T> map, TenantId tenant, Function<T, String> name, Function<T, UUID> id) {
        return tx.within(() -> !tx.visible(tenant) ? List.<T>of() : map.entrySet().stream()
                .filter(e -> e.getKey().tenant().equals(tenant))
                .map(Map.Entry::getValue)
                .sorted(Comparator.comparing(name).thenComparing(id, InMemoryStore::compareAsPostgres))
                .toList());
    }

    @Override
    public void addService(TenantId tenant, Service service) {
        add(services, tenant, service.id().value(), service);
    }

    @Override
    public boolean updateService(TenantId tenant, Service service) {
        return replace(services, tenant, service.id().value(), old -> service);
    }

    @Override
    public Optional<Service> service(TenantId tenant, ServiceId id) {
        return one(services, tenant, id.value());
    }

    @Override
    public List<Service> services(TenantId tenant) {
        return all(services, tenant, Service::name, s -> s.id().value());
    }

    @Override
    public void addRoom(TenantId tenant, Room room) {
        add(rooms, tenant, room.id().value(), room);
    }

    @Override
    public Optional<Room> room(TenantId tenant, RoomId id) {
        return one(rooms, tenant, id.value());
    }

    @Override
    public List<Room> rooms(TenantId tenant) {
        return all(rooms, tenant, Room::name, r -> r.id().value());
    }

    @Override
    public void addEquipment(TenantId tenant, Equipment piece) {
        add(equipment, tenant, piece.id().value(), piece);
    }

    @Override
    public boolean setEquipmentStatus(TenantId tenant, EquipmentId id, EquipmentStatus status) {
        return replace(equipment, tenant, id.value(), old -> old.withStatus(status));
    }

    @Override
    public Optional<Equipment> equipment(TenantId tenant, EquipmentId id) {
        return one(equipment, tenant, id.value());
    }

    @Override
    public List<Equipment> equipment(TenantId tenant) {
        return all(equipment, tenant, Equipment::name, e -> e.id().value());
    }

    @Override
    public List<Equipment> equipmentOfKinds(TenantId tenant, Collection<String> kinds) {
        return equipment(tenant).stream().filter(e -> kinds.contains(e.kind())).toList();
    }
}

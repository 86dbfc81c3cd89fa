package com.qleven.ports.scheduling.out;

import com.qleven.domain.scheduling.Equipment;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.scheduling.EquipmentStatus;
import com.qleven.domain.scheduling.Room;
import com.qleven.domain.scheduling.RoomId;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A center's catalogue: services (with their equipment kinds and allowed professionals), rooms and
 * equipment. A catalogue is small (tens of rows), so lists are whole, ordered by name then id.
 * Writes join the unit of work open on the thread.
 */
public interface Catalogue {

    void addService(TenantId tenant, Service service);

    /** Replaces the stored service; false when the center has none of that id. */
    boolean updateService(TenantId tenant, Service service);

    Optional<Service> service(TenantId tenant, ServiceId id);

    List<Service> services(TenantId tenant);

    void addRoom(TenantId tenant, Room room);

    Optional<Room> room(TenantId tenant, RoomId id);

    List<Room> rooms(TenantId tenant);

    void addEquipment(TenantId tenant, Equipment equipment);

    /** Sets a piece's status; false when the center has none of that id. */
    boolean setEquipmentStatus(TenantId tenant, EquipmentId id, EquipmentStatus status);

    Optional<Equipment> equipment(TenantId tenant, EquipmentId id);

    List<Equipment> equipment(TenantId tenant);

    /** The pieces of these kinds (lowercase), any status, in one query: what availability may assign. */
    List<Equipment> equipmentOfKinds(TenantId tenant, Collection<String> kinds);
}

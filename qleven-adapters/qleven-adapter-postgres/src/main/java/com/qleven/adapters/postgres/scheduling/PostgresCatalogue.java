package com.qleven.adapters.postgres.scheduling;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.billing.Money;
import com.qleven.domain.scheduling.Equipment;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.scheduling.EquipmentStatus;
import com.qleven.domain.scheduling.Room;
import com.qleven.domain.scheduling.RoomId;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.scheduling.out.Catalogue;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

/** Services, rooms and equipment in tenant-owned tables under row-level security. */
final class PostgresCatalogue implements Catalogue {
    static final String SERVICE_COLUMNS = "id, name, duration_minutes, buffer_before_minutes, "
            + "buffer_after_minutes, price_minor, currency, tax_rate, room_required, equipment_kinds, professional_ids, active, "
            + "deposit_minor";
    static final RowMapper<Service> SERVICE = (rs, ctx) -> {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        Long deposit = rs.getObject("deposit_minor", Long.class);
        return new Service(new ServiceId(Sql.uuid(rs, "id")), rs.getString("name"), rs.getInt("duration_minutes"),
                rs.getInt("buffer_before_minutes"), rs.getInt("buffer_after_minutes"),
                new Money(rs.getLong("price_minor"), currency), rs.getString("tax_rate"),
                rs.getBoolean("room_required"), new LinkedHashSet<>(Columns.texts(rs, "equipment_kinds")),
                new LinkedHashSet<>(Columns.uuids(rs, "professional_ids").stream().map(UserId::new).toList()),
                rs.getBoolean("active"), Optional.ofNullable(deposit).map(d -> new Money(d, currency)));
    };
    private static final RowMapper<Room> ROOM = (rs, ctx) -> new Room(new RoomId(Sql.uuid(rs, "id")),
            rs.getString("name"));
    private static final RowMapper<Equipment> EQUIPMENT = (rs, ctx) -> new Equipment(
            new EquipmentId(Sql.uuid(rs, "id")), rs.getString("name"), rs.getString("kind"),
            EquipmentStatus.parse(rs.getString("status")));

    private final PostgresTransactions tx;

    PostgresCatalogue(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void addService(TenantId tenant, Service service) {
        tx.withHandle(Optional.of(tenant), "add a service", h -> bindService(h.createUpdate(
                "INSERT INTO public.services (tenant_id, " + SERVICE_COLUMNS + ") VALUES (:tenant, :id, :name, "
                        + ":duration, :before, :after, :price, :currency, :taxRate, :room, :kinds, :professionals, "
                        + ":active, :deposit)"), tenant, service).execute());
    }

    @Override
    public boolean updateService(TenantId tenant, Service service) {
        return tx.withHandle(Optional.of(tenant), "update a service", h -> bindService(h.createUpdate("""
                UPDATE public.services SET name = :name, duration_minutes = :duration, buffer_before_minutes = :before,
                    buffer_after_minutes = :after, price_minor = :price, currency = :currency, tax_rate = :taxRate,
                    room_required = :room, equipment_kinds = :kinds, professional_ids = :professionals, active = :active,
                    deposit_minor = :deposit
                WHERE tenant_id = :tenant AND id = :id"""), tenant, service).execute()) == 1;
    }

    private static Update bindService(Update update, TenantId tenant, Service s) {
        return update.bind("tenant", tenant.value())
                .bind("id", s.id().value())
                .bind("name", s.name())
                .bind("duration", s.durationMinutes())
                .bind("before", s.bufferBeforeMinutes())
                .bind("after", s.bufferAfterMinutes())
                .bind("price", s.price().amountMinor())
                .bind("currency", s.price().currency().getCurrencyCode())
                .bind("taxRate", s.taxRate())
                .bind("room", s.roomRequired())
                .bindArray("kinds", String.class, s.equipmentKinds())
                .bindArray("professionals", UUID.class, s.professionalIds().stream().map(UserId::value).toList())
                .bind("active", s.active())
                .bindByType("deposit", s.deposit().map(Money::amountMinor).orElse(null), Long.class);
    }

    @Override
    public Optional<Service> service(TenantId tenant, ServiceId id) {
        return tx.withHandle(Optional.of(tenant), "find a service", h -> h.createQuery(
                        "SELECT " + SERVICE_COLUMNS + " FROM public.services WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .map(SERVICE)
                .findOne());
    }

    @Override
    public List<Service> services(TenantId tenant) {
        return tx.withHandle(Optional.of(tenant), "list services", h -> h.createQuery(
                        "SELECT " + SERVICE_COLUMNS + " FROM public.services WHERE tenant_id = :tenant ORDER BY name, id")
                .bind("tenant", tenant.value())
                .map(SERVICE)
                .list());
    }

    @Override
    public void addRoom(TenantId tenant, Room room) {
        tx.withHandle(Optional.of(tenant), "add a room", h -> h.createUpdate(
                        "INSERT INTO public.rooms (tenant_id, id, name) VALUES (:tenant, :id, :name)")
                .bind("tenant", tenant.value())
                .bind("id", room.id().value())
                .bind("name", room.name())
                .execute());
    }

    @Override
    public Optional<Room> room(TenantId tenant, RoomId id) {
        return tx.withHandle(Optional.of(tenant), "find a room", h -> h.createQuery(
                        "SELECT id, name FROM public.rooms WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .map(ROOM)
                .findOne());
    }

    @Override
    public List<Room> rooms(TenantId tenant) {
        return tx.withHandle(Optional.of(tenant), "list rooms", h -> h.createQuery(
                        "SELECT id, name FROM public.rooms WHERE tenant_id = :tenant ORDER BY name, id")
                .bind("tenant", tenant.value())
                .map(ROOM)
                .list());
    }

    @Override
    public void addEquipment(TenantId tenant, Equipment equipment) {
        tx.withHandle(Optional.of(tenant), "add equipment", h -> h.createUpdate("""
                        INSERT INTO public.equipment (tenant_id, id, name, kind, status)
                        VALUES (:tenant, :id, :name, :kind, :status)""")
                .bind("tenant", tenant.value())
                .bind("id", equipment.id().value())
                .bind("name", equipment.name())
                .bind("kind", equipment.kind())
                .bind("status", equipment.status().wireName())
                .execute());
    }

    @Override
    public boolean setEquipmentStatus(TenantId tenant, EquipmentId id, EquipmentStatus status) {
        return tx.withHandle(Optional.of(tenant), "set equipment's status", h -> h.createUpdate(
                        "UPDATE public.equipment SET status = :status WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .bind("status", status.wireName())
                .execute()) == 1;
    }

    @Override
    public Optional<Equipment> equipment(TenantId tenant, EquipmentId id) {
        return tx.withHandle(Optional.of(tenant), "find equipment", h -> h.createQuery(
                        "SELECT id, name, kind, status FROM public.equipment WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .map(EQUIPMENT)
                .findOne());
    }

    @Override
    public List<Equipment> equipment(TenantId tenant) {
        return tx.withHandle(Optional.of(tenant), "list equipment", h -> h.createQuery(
                        "SELECT id, name, kind, status FROM public.equipment WHERE tenant_id = :tenant ORDER BY name, id")
                .bind("tenant", tenant.value())
                .map(EQUIPMENT)
                .list());
    }

    @Override
    public List<Equipment> equipmentOfKinds(TenantId tenant, Collection<String> kinds) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return tx.withHandle(Optional.of(tenant), "list equipment of kinds", h -> h.createQuery("""
                        SELECT id, name, kind, status FROM public.equipment
                        WHERE tenant_id = :tenant AND kind = ANY(:kinds) ORDER BY name, id""")
                .bind("tenant", tenant.value())
                .bindArray("kinds", String.class, kinds)
                .map(EQUIPMENT)
                .list());
    }
}

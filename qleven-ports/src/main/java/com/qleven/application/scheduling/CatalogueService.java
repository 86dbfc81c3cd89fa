package com.qleven.application.scheduling;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.billing.Money;
import com.qleven.domain.scheduling.Equipment;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.scheduling.EquipmentStatus;
import com.qleven.domain.scheduling.Room;
import com.qleven.domain.scheduling.RoomId;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.PreconditionFailedException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Center;
import com.qleven.domain.tenancy.Membership;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.billing.in.TaxRateCheck;
import com.qleven.ports.scheduling.in.EquipmentStatusChanged;
import com.qleven.ports.scheduling.in.ServiceView;
import com.qleven.ports.scheduling.out.Catalogue;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.out.Centers;
import com.qleven.ports.tenancy.out.Memberships;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The catalogue: services (created and changed by merge patch, deactivated with {@code active:false},
 * never deleted since appointments name them), rooms and equipment. Administrators change it; every
 * member reads it; every member may put a machine in maintenance and back, which is raised as an
 * {@link EquipmentStatusChanged} in the same unit of work. A service's tax rate must be one the
 * center offers and its professionals members of the center (422 naming the member otherwise); its
 * price is in the center's currency, and so is its deposit, if it asks one (at most the price).
 */
public final class CatalogueService {
    private static final Set<String> SERVICE_MEMBERS = Set.of("name", "durationMinutes", "bufferBeforeMinutes",
            "bufferAfterMinutes", "price", "taxRate", "roomRequired", "equipmentKinds", "professionalIds", "active",
            "deposit");
    private static final String PURPOSE = "scheduling";

    private final Transactions transactions;
    private final Centers centers;
    private final Memberships memberships;
    private final Catalogue catalogue;
    private final TaxRateCheck taxRates;
    private final AuditTrail audit;
    private final Clock clock;
    private final IdGenerator ids;
    private final Consumer<EquipmentStatusChanged> statusListener;

    public CatalogueService(Transactions transactions, Centers centers, Memberships memberships, Catalogue catalogue,
                            TaxRateCheck taxRates, AuditTrail audit, Clock clock, IdGenerator ids,
                            Consumer<EquipmentStatusChanged> statusListener) {
        this.transactions = transactions;
        this.centers = centers;
        this.memberships = memberships;
        this.catalogue = catalogue;
        this.taxRates = taxRates;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
        this.statusListener = Objects.requireNonNull(statusListener, "statusListener");
    }

    /** Creates a service from its members as a JSON object gives them (see {@code POST /v1/services}). */
    public ServiceView createService(Principal principal, Map<String, Object> members) {
        Required.field(members, "members");
        Permissions.require(principal, Permission.MANAGE_CATALOGUE);
        TenantId tenant = principal.requireTenant();
        ServiceId id = new ServiceId(ids.next());
        Map<String, Object> all = new java.util.HashMap<>(members);
        for (String required : List.of("name", "durationMinutes", "price", "taxRate")) {
            if (all.get(required) == null) {
                all.putIfAbsent(required, null);
            }
        }
        Service service = patched(id, null, all);
        Instant now = clock.instant();
        return transactions.inTenant(tenant, () -> {
            checkRules(tenant, service);
            catalogue.addService(tenant, service);
            record(principal, "service.create", "service", id.value(), now);
            return view(service);
        });
    }

    public ServiceView service(Principal principal, ServiceId id) {
        Required.field(id, "id");
        Permissions.require(principal, Permission.VIEW_CATALOGUE);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> view(catalogue.service(tenant, id)
                .orElseThrow(() -> new NotFoundException("service"))));
    }

    /** Every service of the center, active or not, by name. */
    public List<ServiceView> services(Principal principal) {
        Permissions.require(principal, Permission.VIEW_CATALOGUE);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> catalogue.services(tenant).stream()
                .map(CatalogueService::view).toList());
    }

    /**
     * Applies a merge patch, only if the service still has the tag the caller read when one is given
     * (412 otherwise, before anything about the body). A patch that changes nothing writes nothing.
     */
    public ServiceView updateService(Principal principal, ServiceId id, Map<String, Object> mergePatch,
                                     Optional<String> expectedTag) {
        Required.field(id, "id");
        Required.field(mergePatch, "mergePatch");
        Required.field(expectedTag, "expectedTag");
        Permissions.require(principal, Permission.MANAGE_CATALOGUE);
        TenantId tenant = principal.requireTenant();
        Instant now = clock.instant();
        return transactions.inTenant(tenant, () -> {
            Service current = catalogue.service(tenant, id).orElseThrow(() -> new NotFoundException("service"));
            if (expectedTag.isPresent() && !expectedTag.get().equals(tag(current))) {
                throw new PreconditionFailedException("the service has changed since that version was read");
            }
            Service next = patched(id, current, mergePatch);
            if (next.equals(current)) {
                return view(current);
            }
            if (!next.taxRate().equals(current.taxRate()) || !next.price().currency().equals(current.price().currency())
                    || !next.professionalIds().equals(current.professionalIds())) {
                checkRules(tenant, next);
            }
            if (!catalogue.updateService(tenant, next)) {
                throw new NotFoundException("service");
            }
            record(principal, "service.update", "service", id.value(), now);
            return view(next);
        });
    }

    public Room createRoom(Principal principal, String name) {
        Permissions.require(principal, Permission.MANAGE_CATALOGUE);
        TenantId tenant = principal.requireTenant();
        Room room = new Room(new RoomId(ids.next()), name);
        Instant now = clock.instant();
        return transactions.inTenant(tenant, () -> {
            catalogue.addRoom(tenant, room);
            record(principal, "room.create", "room", room.id().value(), now);
            return room;
        });
    }

    public List<Room> rooms(Principal principal) {
        Permissions.require(principal, Permission.VIEW_CATALOGUE);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> catalogue.rooms(tenant));
    }

    /** A new machine, available. */
    public Equipment createEquipment(Principal principal, String name, String kind) {
        Permissions.require(principal, Permission.MANAGE_CATALOGUE);
        TenantId tenant = principal.requireTenant();
        Equipment equipment = new Equipment(new EquipmentId(ids.next()), name, kind, EquipmentStatus.AVAILABLE);
        Instant now = clock.instant();
        return transactions.inTenant(tenant, () -> {
            catalogue.addEquipment(tenant, equipment);
            record(principal, "equipment.create", "equipment", equipment.id().value(), now);
            return equipment;
        });
    }

    public List<Equipment> equipment(Principal principal) {
        Permissions.require(principal, Permission.VIEW_CATALOGUE);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> catalogue.equipment(tenant));
    }

    /**
     * Puts a machine in maintenance or back. A change of status is audited and raised to the
     * listener in the same unit; setting the status it has changes nothing.
     */
    public Equipment setEquipmentStatus(Principal principal, EquipmentId id, EquipmentStatus status) {
        Required.field(id, "id");
        Permissions.require(principal, Permission.SET_EQUIPMENT_STATUS);
        TenantId tenant = principal.requireTenant();
        Instant now = clock.instant();
        return transactions.inTenant(tenant, () -> {
            Equipment current = catalogue.equipment(tenant, id).orElseThrow(() -> new NotFoundException("equipment"));
            Required.field(status, "status");
            if (current.status() == status) {
                return current;
            }
            if (!catalogue.setEquipmentStatus(tenant, id, status)) {
                throw new NotFoundException("equipment");
            }
            record(principal, status == EquipmentStatus.MAINTENANCE ? "equipment.maintenance"
                    : "equipment.available", "equipment", id.value(), now);
            statusListener.accept(new EquipmentStatusChanged(tenant, id, current.status(), status,
                    Optional.of(principal.userId()), now));
            return current.withStatus(status);
        });
    }

    /**
     * Puts a machine in maintenance for its own telemetry (a device's maintenance rule), with no
     * principal: in the caller's unit when one is open for the center, audited as
     * {@code equipment.maintenance_by_device} without an actor and raised to the listener with an
     * empty {@code by}. True when the status changed; false, changing nothing, when it was already in
     * maintenance or is not the center's.
     */
    public boolean putInMaintenanceByDevice(TenantId tenant, EquipmentId id, Instant at) {
        return transactions.inTenant(tenant, () -> {
            Optional<Equipment> current = catalogue.equipment(tenant, id);
            if (current.isEmpty() || current.get().status() == EquipmentStatus.MAINTENANCE
                    || !catalogue.setEquipmentStatus(tenant, id, EquipmentStatus.MAINTENANCE)) {
                return false;
            }
            audit.record(new AuditEvent(Optional.of(tenant), Optional.empty(), Optional.empty(),
                    "equipment.maintenance_by_device", "equipment", Optional.of(id.value()), PURPOSE, 1, at));
            statusListener.accept(new EquipmentStatusChanged(tenant, id, current.get().status(),
                    EquipmentStatus.MAINTENANCE, Optional.empty(), at));
            return true;
        });
    }

    /** The rules a well-formed service must keep in its center: 422 naming the member. */
    private void checkRules(TenantId tenant, Service service) {
        Center center = centers.byId(tenant).orElseThrow(() -> new ForbiddenException("no such center"));
        if (!service.price().currency().equals(center.profile().currency())) {
            throw new UnprocessableException("price.currency", "must be the center's currency, "
                    + center.profile().currency().getCurrencyCode());
        }
        if (!taxRates.isOffered(tenant, service.taxRate())) {
            throw new UnprocessableException("taxRate", "names no tax rate the center offers");
        }
        if (!service.professionalIds().isEmpty()) {
            Set<UserId> members = memberships.among(tenant, service.professionalIds()).stream()
                    .filter(m -> m.active() && !m.pending()).map(Membership::userId).collect(Collectors.toSet());
            List<UserId> named = new ArrayList<>(service.professionalIds());
            for (int i = 0; i < named.size(); i++) {
                if (!members.contains(named.get(i))) {
                    throw new UnprocessableException("professionalIds[" + i + "]", "is not a member of the center");
                }
            }
        }
    }

    /** The service with the patch applied over {@code current} (none: a new service), naming every bad member. */
    private static Service patched(ServiceId id, Service current, Map<String, Object> patch) {
        List<FieldError> errors = new ArrayList<>();
        for (String member : patch.keySet()) {
            if (!SERVICE_MEMBERS.contains(member)) {
                errors.add(new FieldError(member, "is not a member of a service"));
            }
        }
        String name = current == null ? null : current.name();
        int duration = current == null ? 0 : current.durationMinutes();
        int before = current == null ? 0 : current.bufferBeforeMinutes();
        int after = current == null ? 0 : current.bufferAfterMinutes();
        Money price = current == null ? null : current.price();
        String taxRate = current == null ? null : current.taxRate();
        boolean room = current != null && current.roomRequired();
        Set<String> kinds = current == null ? Set.of() : current.equipmentKinds();
        Set<UserId> professionals = current == null ? Set.of() : current.professionalIds();
        boolean active = current == null || current.active();
        Optional<Money> deposit = current == null ? Optional.empty() : current.deposit();
        for (Map.Entry<String, Object> member : patch.entrySet()) {
            String field = member.getKey();
            Object value = member.getValue();
            try {
                switch (field) {
                    case "name" -> name = value == null ? null : Members.text(value, field);
                    case "durationMinutes" -> duration = Members.integer(notNull(value, field), field);
                    case "bufferBeforeMinutes" -> before = value == null ? 0 : Members.integer(value, field);
                    case "bufferAfterMinutes" -> after = value == null ? 0 : Members.integer(value, field);
                    case "price" -> price = money(notNull(value, field), field);
                    case "deposit" -> deposit = value == null ? Optional.empty() : Optional.of(money(value, field));
                    case "taxRate" -> taxRate = value == null ? null : Members.text(value, field);
                    case "roomRequired" -> room = value != null && Members.bool(value, field);
                    case "equipmentKinds" -> kinds = kinds(value);
                    case "professionalIds" -> professionals = professionals(value);
                    case "active" -> active = Members.bool(notNull(value, field), field);
                    default -> { }
                }
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        try {
            Service service = new Service(id, name, duration, before, after, price, taxRate, room, kinds,
                    professionals, active, deposit);
            if (errors.isEmpty()) {
                return service;
            }
        } catch (ValidationException e) {
            // Each member once: a member already named for its type is not named again for its value.
            Set<String> named = errors.stream().map(FieldError::field).collect(Collectors.toSet());
            e.errors().stream().filter(x -> named.stream().noneMatch(n -> x.field().startsWith(n)))
                    .forEach(errors::add);
        }
        throw new ValidationException(errors);
    }

    private static Object notNull(Object value, String field) {
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        return value;
    }

    private static Money money(Object value, String field) {
        Map<String, Object> members = Members.object(value, field);
        List<FieldError> errors = new ArrayList<>();
        for (String member : members.keySet()) {
            if (!member.equals("amountMinor") && !member.equals("currency")) {
                errors.add(new FieldError(field + "." + member, "is not a member of money"));
            }
        }
        Long amount = null;
        String currency = null;
        try {
            amount = members.get("amountMinor") == null ? null
                    : Members.whole(members.get("amountMinor"), field + ".amountMinor");
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        try {
            currency = members.get("currency") == null ? null : Members.text(members.get("currency"), field + ".currency");
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return Money.parse(amount, currency, field);
    }

    private static Set<String> kinds(Object value) {
        if (value == null) {
            return Set.of();
        }
        List<?> items = Members.list(value, "equipmentKinds");
        List<FieldError> errors = new ArrayList<>();
        Set<String> kinds = new LinkedHashSet<>();
        List<String> given = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                given.add(Members.text(items.get(i), "equipmentKinds[" + i + "]"));
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        // The domain names a kind given twice; a set here would hide it.
        for (int i = 0; i < given.size(); i++) {
            String kind = given.get(i) == null ? null : given.get(i).strip().toLowerCase(java.util.Locale.ROOT);
            if (kind != null && !kind.isEmpty() && !kinds.add(kind)) {
                errors.add(new FieldError("equipmentKinds[" + i + "]", "is named twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new LinkedHashSet<>(given);
    }

    private static Set<UserId> professionals(Object value) {
        if (value == null) {
            return Set.of();
        }
        List<?> items = Members.list(value, "professionalIds");
        List<FieldError> errors = new ArrayList<>();
        Set<UserId> ids = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String field = "professionalIds[" + i + "]";
            try {
                String text = Members.text(items.get(i), field);
                UUID uuid = uuid(text);
                if (uuid == null) {
                    errors.add(new FieldError(field, "must be a user id"));
                } else if (!ids.add(new UserId(uuid))) {
                    errors.add(new FieldError(field, "is named twice"));
                }
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return ids;
    }

    private static UUID uuid(String text) {
        if (text == null || text.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void record(Principal principal, String action, String type, UUID subject, Instant at) {
        audit.record(AuditEvent.by(principal, action, type, Optional.of(subject), PURPOSE, 1, at));
    }

    private static ServiceView view(Service service) {
        return new ServiceView(service, tag(service));
    }

    /** A digest of the service's content: any change of any member changes it. */
    static String tag(Service s) {
        String canonical = String.join("\u0000", s.id().value().toString(), s.name(),
                Integer.toString(s.durationMinutes()), Integer.toString(s.bufferBeforeMinutes()),
                Integer.toString(s.bufferAfterMinutes()), Long.toString(s.price().amountMinor()),
                s.price().currency().getCurrencyCode(), s.taxRate(), Boolean.toString(s.roomRequired()),
                String.join(",", new java.util.TreeSet<>(s.equipmentKinds())),
                s.professionalIds().stream().map(u -> u.value().toString()).sorted().collect(Collectors.joining(",")),
                Boolean.toString(s.active()),
                s.deposit().map(d -> Long.toString(d.amountMinor())).orElse(""));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

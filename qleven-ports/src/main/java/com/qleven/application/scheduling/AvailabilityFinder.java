package com.qleven.application.scheduling;

import com.qleven.application.scheduling.SchedulingAccess.CenterRules;
import com.qleven.domain.scheduling.Availability;
import com.qleven.domain.scheduling.AvailabilityRequest;
import com.qleven.domain.scheduling.AvailableSlot;
import com.qleven.domain.scheduling.BusyIntervals;
import com.qleven.domain.scheduling.Equipment;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.scheduling.Room;
import com.qleven.domain.scheduling.RoomId;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.scheduling.StaffSchedule;
import com.qleven.domain.scheduling.TimeOff;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.scheduling.out.Appointments;
import com.qleven.ports.scheduling.out.Catalogue;
import com.qleven.ports.scheduling.out.MemberSchedule;
import com.qleven.ports.scheduling.out.StaffSchedules;
import com.qleven.ports.scheduling.out.StoredAppointment;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what an availability search needs with one query per kind of data, whatever the number of
 * days or professionals: the candidates' schedules, the active members, the rooms, the equipment of
 * the needed kinds, and every busy interval of all of them. Booking, rescheduling and series reuse
 * it, so a start is booked only if the same search would offer it. Runs inside the caller's unit.
 */
final class AvailabilityFinder {
    /**
     * Time off's reason is sealed and may be health data; the search reads only its times, so it is
     * given this text instead of opening every reason.
     */
    private static final String SEALED_REASON = "sealed";

    /** The member a request names as its professional. */
    static final String PROFESSIONAL = "professionalId";

    private final Catalogue catalogue;
    private final StaffSchedules schedules;
    private final Appointments appointments;

    AvailabilityFinder(Catalogue catalogue, StaffSchedules schedules, Appointments appointments) {
        this.catalogue = catalogue;
        this.schedules = schedules;
        this.appointments = appointments;
    }

    /** What one search over some days reads, ready to search any of those days. */
    record Gathered(CenterRules rules, Service service, List<StaffSchedule> staff, List<RoomId> rooms,
                    List<Equipment> equipment, BusyIntervals busy) {
        Gathered withBusy(BusyIntervals value) {
            return new Gathered(rules, service, staff, rooms, equipment, value);
        }
    }

    /** The center's service, or a 422 naming {@code serviceId} when it has none of that id. */
    Service service(TenantId tenant, ServiceId id) {
        return catalogue.service(tenant, id)
                .orElseThrow(() -> new UnprocessableException("serviceId", "is not a service of this center"));
    }

    /** Reads everything a search between the local dates (inclusive) needs. */
    Gathered gather(TenantId tenant, CenterRules rules, Service service, LocalDate from, LocalDate to) {
        return gather(tenant, rules, service, from, to, Optional.empty());
    }

    /**
     * Reads what a search between the local dates (inclusive) for {@code member} alone needs: that
     * professional's schedule, read only if {@code member} is an active member of the center (else a
     * 422 naming {@code professionalId}), and the rooms' and equipment's busy intervals. A booking or
     * a reschedule that names its professional reads one schedule instead of the whole center's, and
     * gets the same slot: the
     * search decides rooms and equipment per start whatever the professional, and still refuses (422)
     * a professional who does not perform the service. The professional's own holds are left to the
     * exclusion constraint, which refuses an overlap on insert (409 naming the professional): the
     * caller must insert holds, not only search, with what this gathers.
     */
    Gathered gatherFor(TenantId tenant, CenterRules rules, Service service, LocalDate from, LocalDate to,
                       UserId member) {
        return gather(tenant, rules, service, from, to, Optional.of(member));
    }

    private Gathered gather(TenantId tenant, CenterRules rules, Service service, LocalDate from, LocalDate to,
                            Optional<UserId> checkedMember) {
        ZoneId zone = rules.zone();
        TimeRange days = new TimeRange(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone)
                .toInstant());
        Optional<Collection<UserId>> allowed = checkedMember.<Collection<UserId>>map(List::of)
                .or(() -> service.professionalIds().isEmpty() ? Optional.empty()
                        : Optional.of(service.professionalIds()));
        // Active members only, in the same statement as their schedules.
        Map<UserId, MemberSchedule> found = schedules.activeSchedules(tenant, allowed, from, to, days);
        checkedMember.ifPresent(member -> {
            if (!found.containsKey(member)) {
                throw new UnprocessableException(PROFESSIONAL, "is not an active member of this center");
            }
        });
        List<StaffSchedule> staff = new ArrayList<>();
        for (MemberSchedule m : found.values()) {
            staff.add(schedule(m));
        }
        if (staff.isEmpty()) {
            return new Gathered(rules, service, List.of(), List.of(), List.of(), BusyIntervals.none());
        }
        List<RoomId> rooms = service.roomRequired()
                ? catalogue.rooms(tenant).stream().map(Room::id).toList() : List.of();
        List<Equipment> equipment = service.equipmentKinds().isEmpty() ? List.of()
                : catalogue.equipmentOfKinds(tenant, service.equipmentKinds());
        // A slot's span may reach into the day before or after the range (buffers, late starts), and
        // no hold lasts longer than a day: one day either side covers every hold that can matter.
        TimeRange held = new TimeRange(days.start().minus(StoredAppointment.MAX_OCCUPIED),
                days.end().plus(StoredAppointment.MAX_OCCUPIED));
        // A named professional's own holds are not read: the exclusion constraint refuses their
        // overlap when the appointment's holds are inserted (a 409 naming the professional), whatever
        // was read before, and a start that overlaps them is refused all the same. Rooms and
        // equipment are still read, because the search chooses them per start.
        List<UserId> professionals = checkedMember.isPresent() ? List.of()
                : staff.stream().map(StaffSchedule::professional).toList();
        List<EquipmentId> pieces = equipment.stream().map(Equipment::id).toList();
        BusyIntervals busy = professionals.isEmpty() && rooms.isEmpty() && pieces.isEmpty() ? BusyIntervals.none()
                : appointments.busy(tenant, professionals, rooms, pieces, held);
        return new Gathered(rules, service, List.copyOf(staff), rooms, equipment, busy);
    }

    /** The slots of the local dates (inclusive), from {@code notBefore} on, of one professional or all. */
    static List<AvailableSlot> search(Gathered g, LocalDate from, LocalDate to, Optional<UserId> professional,
                                      Instant notBefore) {
        return Availability.search(AvailabilityRequest.builder()
                .center(g.rules().zone(), g.rules().settings())
                .service(g.service())
                .professionals(g.staff())
                .rooms(g.rooms())
                .equipment(g.equipment())
                .busy(g.busy())
                .dates(from, to)
                .onlyProfessional(professional.orElse(null))
                .notBefore(notBefore)
                .build());
    }

    /**
     * The slot a booking at exactly {@code start} gets: the chosen professional's, or the first free
     * one's (by professional id, as the search orders them); empty when that start is not offered.
     */
    static Optional<AvailableSlot> at(Gathered g, Instant start, Optional<UserId> professional, Instant now) {
        LocalDate day = LocalDate.ofInstant(start, g.rules().zone());
        return search(g, day, day, professional, now).stream().filter(s -> s.start().equals(start)).findFirst();
    }

    /** The busy intervals without one appointment's own holds: a reschedule may overlap where it was. */
    static BusyIntervals without(BusyIntervals busy, StoredAppointment own) {
        TimeRange held = own.occupied();
        Map<UserId, List<TimeRange>> professionals = new HashMap<>(busy.professionals());
        professionals.computeIfPresent(own.professional(), (k, v) -> removeOnce(v, held));
        Map<RoomId, List<TimeRange>> rooms = new HashMap<>(busy.rooms());
        if (own.room() != null) {
            rooms.computeIfPresent(own.room(), (k, v) -> removeOnce(v, held));
        }
        Map<EquipmentId, List<TimeRange>> equipment = new HashMap<>(busy.equipment());
        for (EquipmentId piece : own.equipment()) {
            equipment.computeIfPresent(piece, (k, v) -> removeOnce(v, held));
        }
        return new BusyIntervals(professionals, rooms, equipment);
    }

    /** The busy intervals with {@code slot}'s span held too: a series' earlier occurrences. */
    static BusyIntervals with(BusyIntervals busy, AvailableSlot slot, Service service) {
        TimeRange held = new TimeRange(slot.start().minus(service.bufferBefore()), slot.end().plus(service.bufferAfter()));
        BusyIntervals.Builder b = BusyIntervals.builder();
        busy.professionals().forEach((k, v) -> v.forEach(r -> b.professional(k, r)));
        busy.rooms().forEach((k, v) -> v.forEach(r -> b.room(k, r)));
        busy.equipment().forEach((k, v) -> v.forEach(r -> b.equipment(k, r)));
        b.professional(slot.professional(), held);
        if (slot.room() != null) {
            b.room(slot.room(), held);
        }
        slot.equipment().forEach(piece -> b.equipment(piece, held));
        return b.build();
    }

    private static List<TimeRange> removeOnce(List<TimeRange> ranges, TimeRange held) {
        List<TimeRange> out = new ArrayList<>(ranges);
        out.remove(held);
        return out;
    }

    private static StaffSchedule schedule(MemberSchedule m) {
        List<TimeOff> off = m.timeOff().stream().map(t -> t.toTimeOff(SEALED_REASON)).toList();
        return new StaffSchedule(m.member(), m.weekly(), m.exceptions(), off);
    }
}

package com.qleven.application.scheduling;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.Actor;
import com.qleven.domain.scheduling.Appointment;
import com.qleven.domain.scheduling.AppointmentEvent;
import com.qleven.domain.scheduling.AppointmentStatus;
import com.qleven.domain.scheduling.FreedSlot;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.TimeRange;
import com.qleven.ports.privacy.out.RegistryEraser;
import com.qleven.ports.privacy.out.RegistryExporter;
import com.qleven.ports.scheduling.out.AppointmentQuery;
import com.qleven.ports.scheduling.out.Appointments;
import com.qleven.ports.scheduling.out.StoredAppointment;
import com.qleven.ports.shared.out.FieldCipher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client's appointments in the privacy registry (section {@code appointments}). The export lists
 * each appointment with its service, times, professional, status, cancellation and moves. The
 * erasure cancels what the client still holds in the future (freeing its resources) and rewrites
 * every cancellation reason as {@value #ERASED_REASON} under the center's key, before the client's
 * own key is shredded; the rest (ids and times) stays, as the agenda and the invoices need it.
 */
public final class AppointmentsRegistry implements RegistryExporter, RegistryEraser {
    static final String ERASED_REASON = "[erased]";
    /** Before any appointment this platform can hold, and after any it will. */
    private static final TimeRange ALL_TIME = new TimeRange(Instant.parse("2000-01-01T00:00:00Z"),
            Instant.parse("2200-01-01T00:00:00Z"));

    private static final java.util.Set<AppointmentStatus> CANCELLABLE =
            java.util.EnumSet.of(AppointmentStatus.BOOKED, AppointmentStatus.CONFIRMED);

    private final Appointments appointments;
    private final AppointmentSeal seal;
    private final Clock clock;
    private final SchedulingAccess access;
    private final WaitlistService waitlist;

    AppointmentsRegistry(Appointments appointments, FieldCipher cipher, Clock clock, SchedulingAccess access,
                         WaitlistService waitlist) {
        this.appointments = appointments;
        this.seal = new AppointmentSeal(cipher);
        this.clock = clock;
        this.access = access;
        this.waitlist = waitlist;
    }

    @Override
    public Map<String, Object> export(TenantId tenant, ClientId client) {
        List<Object> items = new ArrayList<>();
        for (StoredAppointment s : all(tenant, client)) {
            Appointment a = seal.open(s);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", a.id().toString());
            item.put("serviceId", a.service().toString());
            item.put("professionalId", a.professional().toString());
            item.put("start", instant(a.start()));
            item.put("end", instant(a.end()));
            item.put("status", a.status().wireName());
            item.put("bookedAt", instant(a.bookedAt()));
            item.put("cancellationReason", a.cancellation() == null ? null : a.cancellation().reason());
            List<Object> moves = new ArrayList<>();
            a.history().forEach(h -> {
                Map<String, Object> move = new LinkedHashMap<>();
                move.put("start", instant(h.start()));
                move.put("end", instant(h.end()));
                moves.add(move);
            });
            item.put("history", moves);
            items.add(item);
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("items", items);
        return section;
    }

    @Override
    public void erase(TenantId tenant, ClientId client) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<FreedSlot> freed = new ArrayList<>();
        for (StoredAppointment s : all(tenant, client)) {
            Appointment a = seal.open(s);
            // Only what is still ahead and may be cancelled goes: an appointment already checked in,
            // completed or a no-show (early, before its start) is a record of what happened.
            if (CANCELLABLE.contains(a.status()) && a.start().isAfter(now)) {
                var change = a.cancel(ERASED_REASON, Actor.system(), now, Duration.ZERO);
                a = change.appointment();
                if (change.event() instanceof AppointmentEvent.AppointmentCancelled c) {
                    freed.add(c.freed());
                }
            } else if (a.cancellation() == null) {
                continue;
            }
            StoredAppointment erased = StoredAppointment.of(tenant, a, seal.sealErased(tenant, a.id(), ERASED_REASON),
                    s.version() + 1);
            if (!appointments.update(erased, s.version())) {
                throw new ConflictException("an appointment of the client changed meanwhile; erase again");
            }
        }
        // The erased client leaves the waitlist; the slots the erasure freed go to it as a cancellation's do.
        waitlist.withdrawAllOf(tenant, client);
        if (!freed.isEmpty()) {
            SchedulingAccess.CenterRules rules = access.rules(tenant);
            freed.forEach(slot -> waitlist.offerFreed(Optional.empty(), tenant, rules, slot, now));
        }
    }

    private List<StoredAppointment> all(TenantId tenant, ClientId client) {
        List<StoredAppointment> out = new ArrayList<>();
        AppointmentQuery query = new AppointmentQuery(ALL_TIME, Optional.empty(), Optional.of(client));
        PageRequest page = new PageRequest(PageRequest.MAX_LIMIT, Optional.empty());
        while (true) {
            Page<StoredAppointment> found = appointments.list(tenant, query, page);
            seal.preload(found.items());
            out.addAll(found.items());
            if (found.next().isEmpty()) {
                return out;
            }
            page = new PageRequest(PageRequest.MAX_LIMIT, found.next());
        }
    }

    private static String instant(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
    }
}

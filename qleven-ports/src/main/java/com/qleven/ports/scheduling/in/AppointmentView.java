package com.qleven.ports.scheduling.in;

import com.qleven.domain.billing.Money;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.Appointment;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.AppointmentStatus;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.scheduling.PreviousSlot;
import com.qleven.domain.scheduling.RoomId;
import com.qleven.domain.scheduling.SeriesId;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An appointment as answered, with the center's zone (its times are answered in the center's
 * offset), where it was before each reschedule, when cancelled, why, by whom and when, and the
 * deposit its booking asked for ({@code depositDue}, empty when its service asks none), so the desk
 * asks for it.
 */
public record AppointmentView(AppointmentId id, ClientId client, ServiceId service, AppointmentStatus status,
                              Instant statusAt, Instant start, Instant end, UserId professional, Optional<RoomId> room,
                              List<EquipmentId> equipment, Optional<SeriesId> series,
                              Optional<Cancelled> cancellation, List<PreviousSlot> history, Instant bookedAt,
                              long version, ZoneId zone, Optional<Money> depositDue) {
    /** Why (unsealed), by whom (a member's id, or none for the client or the platform) and when. */
    public record Cancelled(String reason, String byKind, Optional<UserId> by, Instant at) {
    }

    public AppointmentView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(zone, "zone");
        equipment = List.copyOf(equipment);
        history = List.copyOf(history);
        Objects.requireNonNull(depositDue, "depositDue");
    }

    public static AppointmentView of(Appointment a, long version, ZoneId zone) {
        return new AppointmentView(a.id(), a.client(), a.service(), a.status(), a.statusAt(), a.start(), a.end(),
                a.professional(), Optional.ofNullable(a.room()), a.equipment(), Optional.ofNullable(a.series()),
                Optional.ofNullable(a.cancellation()).map(c -> new Cancelled(c.reason(), c.by().kind().wireName(),
                        Optional.ofNullable(c.by().user()), c.at())),
                a.history(), a.bookedAt(), version, zone, Optional.ofNullable(a.depositDue()));
    }
}

package com.qleven.ports.contract;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.Actor;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.AppointmentStatus;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.scheduling.RoomId;
import com.qleven.domain.scheduling.SeriesId;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.scheduling.out.StoredAppointment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Builders for the scheduling contract suites. */
public final class SchedulingFixtures {
    /** A Monday morning in the tests' future, on whole microseconds. */
    public static final Instant MONDAY_9 = Instant.parse("2030-03-04T08:00:00Z");

    private SchedulingFixtures() {
    }

    /** A booked appointment from {@code start} for {@code minutes}, holding what it is given. */
    public static StoredAppointment booked(TenantId tenant, UserId professional, RoomId room,
                                           List<EquipmentId> equipment, Instant start, int minutes) {
        return booked(tenant, professional, room, equipment, start, minutes, 0, 0, null);
    }

    public static StoredAppointment booked(TenantId tenant, UserId professional, RoomId room,
                                           List<EquipmentId> equipment, Instant start, int minutes, int before,
                                           int after, SeriesId series) {
        return new StoredAppointment(tenant, new AppointmentId(UUID.randomUUID()), new ClientId(UUID.randomUUID()),
                new ServiceId(UUID.randomUUID()), professional, room, equipment, start,
                start.plus(Duration.ofMinutes(minutes)), before, after, AppointmentStatus.BOOKED, ContractFixtures.T0,
                Optional.empty(), List.of(), series, ContractFixtures.T0, Actor.staff(ContractFixtures.newUser()), 1);
    }

    public static RoomId newRoom() {
        return new RoomId(UUID.randomUUID());
    }

    public static EquipmentId newPiece() {
        return new EquipmentId(UUID.randomUUID());
    }

    /** A keyed token hash: 64 lowercase hex digits. */
    public static String tokenHash() {
        return ContractFixtures.newBlindIndex().hex();
    }
}

package com.qleven.ports.scheduling.out;

import com.qleven.domain.billing.Money;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.Actor;
import com.qleven.domain.scheduling.Appointment;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.AppointmentStatus;
import com.qleven.domain.scheduling.Cancellation;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.scheduling.PreviousSlot;
import com.qleven.domain.scheduling.RoomId;
import com.qleven.domain.scheduling.SeriesId;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An appointment as stored: the domain's appointment with its cancellation reason sealed (a reason
 * may say why a client cannot come: health data), and the version that guards concurrent changes.
 * {@code room}, {@code series} and {@code depositDue} may be null, as in {@link Appointment}.
 */
public record StoredAppointment(TenantId tenant, AppointmentId id, ClientId client, ServiceId service,
                                UserId professional, RoomId room, List<EquipmentId> equipment, Instant start,
                                Instant end, int bufferBeforeMinutes, int bufferAfterMinutes, AppointmentStatus status,
                                Instant statusAt, Optional<SealedCancellation> cancellation,
                                List<PreviousSlot> history, SeriesId series, Instant bookedAt, Actor bookedBy,
                                long version, Money depositDue) {
    /**
     * The longest an appointment may hold its resources, buffers included: a service lasts at most
     * 12 hours and each buffer at most 4, so a day bounds every hold (the store relies on it to
     * bound its busy-interval search).
     */
    public static final Duration MAX_OCCUPIED = Duration.ofDays(1);

    /** Why (sealed), by whom and when an appointment was cancelled. */
    public record SealedCancellation(byte[] sealedReason, Actor by, Instant at) {
        public SealedCancellation {
            Objects.requireNonNull(sealedReason, "sealedReason");
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(at, "at");
            sealedReason = sealedReason.clone();
        }

        @Override
        public byte[] sealedReason() {
            return sealedReason.clone();
        }
    }

    public StoredAppointment {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(professional, "professional");
        equipment = List.copyOf(equipment);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an appointment ends after it starts");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusAt, "statusAt");
        Objects.requireNonNull(cancellation, "cancellation");
        if ((status == AppointmentStatus.CANCELLED) != cancellation.isPresent()) {
            throw new IllegalArgumentException("a cancelled appointment, and only one, carries its cancellation");
        }
        history = List.copyOf(history);
        Objects.requireNonNull(bookedAt, "bookedAt");
        Objects.requireNonNull(bookedBy, "bookedBy");
        if (version < 1) {
            throw new IllegalArgumentException("an appointment's version starts at 1");
        }
        if (Duration.between(start, end).plusMinutes(bufferBeforeMinutes).plusMinutes(bufferAfterMinutes)
                .compareTo(MAX_OCCUPIED) > 0) {
            throw new IllegalArgumentException("an appointment holds its resources for at most a day");
        }
    }

    /** An appointment that asks no deposit, as stored. */
    public StoredAppointment(TenantId tenant, AppointmentId id, ClientId client, ServiceId service,
                             UserId professional, RoomId room, List<EquipmentId> equipment, Instant start, Instant end,
                             int bufferBeforeMinutes, int bufferAfterMinutes, AppointmentStatus status,
                             Instant statusAt, Optional<SealedCancellation> cancellation, List<PreviousSlot> history,
                             SeriesId series, Instant bookedAt, Actor bookedBy, long version) {
        this(tenant, id, client, service, professional, room, equipment, start, end, bufferBeforeMinutes,
                bufferAfterMinutes, status, statusAt, cancellation, history, series, bookedAt, bookedBy, version, null);
    }

    /**
     * The stored form of {@code appointment}; {@code sealedReason} is its cancellation's reason sealed
     * by the caller (null when it is not cancelled).
     */
    public static StoredAppointment of(TenantId tenant, Appointment appointment, byte[] sealedReason, long version) {
        Cancellation c = appointment.cancellation();
        if ((c == null) != (sealedReason == null)) {
            throw new IllegalArgumentException("a cancelled appointment, and only one, has a sealed reason");
        }
        return new StoredAppointment(tenant, appointment.id(), appointment.client(), appointment.service(),
                appointment.professional(), appointment.room(), appointment.equipment(), appointment.start(),
                appointment.end(), appointment.bufferBeforeMinutes(), appointment.bufferAfterMinutes(),
                appointment.status(), appointment.statusAt(),
                c == null ? Optional.empty() : Optional.of(new SealedCancellation(sealedReason, c.by(), c.at())),
                appointment.history(), appointment.series(), appointment.bookedAt(), appointment.bookedBy(), version,
                appointment.depositDue());
    }

    /** The domain's appointment; {@code reason} is the unsealed cancellation reason (null when none). */
    public Appointment toAppointment(String reason) {
        Cancellation c = cancellation.map(s -> new Cancellation(Objects.requireNonNull(reason, "reason"), s.by(),
                s.at())).orElse(null);
        return new Appointment(id, client, service, professional, room, equipment, start, end, bufferBeforeMinutes,
                bufferAfterMinutes, status, statusAt, c, history, series, bookedAt, bookedBy, depositDue);
    }

    /** What it holds, buffers included: the range of its resource rows. */
    public TimeRange occupied() {
        return new TimeRange(start.minus(Duration.ofMinutes(bufferBeforeMinutes)),
                end.plus(Duration.ofMinutes(bufferAfterMinutes)));
    }

    /** The same appointment at the next version. */
    public StoredAppointment nextVersion() {
        return new StoredAppointment(tenant, id, client, service, professional, room, equipment, start, end,
                bufferBeforeMinutes, bufferAfterMinutes, status, statusAt, cancellation, history, series, bookedAt,
                bookedBy, version + 1, depositDue);
    }

    @Override
    public String toString() {
        return "StoredAppointment[id=" + id + ", status=" + status.wireName() + ", start=" + start + ", version="
                + version + "]";
    }
}

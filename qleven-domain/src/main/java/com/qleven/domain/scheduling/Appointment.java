package com.qleven.domain.scheduling;

import com.qleven.domain.billing.Money;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.AppointmentEvent.AppointmentBooked;
import com.qleven.domain.scheduling.AppointmentEvent.AppointmentCancelled;
import com.qleven.domain.scheduling.AppointmentEvent.AppointmentCheckedIn;
import com.qleven.domain.scheduling.AppointmentEvent.AppointmentCompleted;
import com.qleven.domain.scheduling.AppointmentEvent.AppointmentConfirmed;
import com.qleven.domain.scheduling.AppointmentEvent.AppointmentNoShow;
import com.qleven.domain.scheduling.AppointmentEvent.AppointmentRescheduled;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A client's appointment and its lifecycle, a state machine: {@code booked → confirmed →
 * checked_in → completed}; {@code booked} or {@code confirmed} → {@code cancelled} (with reason, who
 * and when) or {@code no_show} (only once it has started); a reschedule (from {@code booked} or
 * {@code confirmed}) moves it, keeps where it was in {@link #history()}, and asks for confirmation
 * again. Every other move is a {@link ConflictException} (409) that says why. Each transition returns
 * the new appointment with the event it raises.
 *
 * <p>The buffers are those of the service when booked or last moved, so editing a service later
 * never changes what an existing appointment holds: {@link #occupied()} is exactly the interval the
 * exclusion constraint guards for its professional, room and equipment. Likewise {@code depositDue}
 * is the deposit its service asked for when it was booked (null when none), whatever the service
 * asks later.
 */
public record Appointment(AppointmentId id, ClientId client, ServiceId service, UserId professional, RoomId room,
                          List<EquipmentId> equipment, Instant start, Instant end, int bufferBeforeMinutes,
                          int bufferAfterMinutes, AppointmentStatus status, Instant statusAt,
                          Cancellation cancellation, List<PreviousSlot> history, SeriesId series, Instant bookedAt,
                          Actor bookedBy, Money depositDue) {
    public static final int MAX_REASON = 500;

    public Appointment {
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
        if (bufferBeforeMinutes < 0 || bufferAfterMinutes < 0) {
            throw new IllegalArgumentException("buffers are not negative");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusAt, "statusAt");
        if ((status == AppointmentStatus.CANCELLED) != (cancellation != null)) {
            throw new IllegalArgumentException("a cancelled appointment, and only one, carries its cancellation");
        }
        history = List.copyOf(history);
        Objects.requireNonNull(bookedAt, "bookedAt");
        Objects.requireNonNull(bookedBy, "bookedBy");
        if (depositDue != null && depositDue.amountMinor() <= 0) {
            throw new IllegalArgumentException("a deposit due is more than 0");
        }
    }

    /** An appointment that asks no deposit. */
    public Appointment(AppointmentId id, ClientId client, ServiceId service, UserId professional, RoomId room,
                       List<EquipmentId> equipment, Instant start, Instant end, int bufferBeforeMinutes,
                       int bufferAfterMinutes, AppointmentStatus status, Instant statusAt, Cancellation cancellation,
                       List<PreviousSlot> history, SeriesId series, Instant bookedAt, Actor bookedBy) {
        this(id, client, service, professional, room, equipment, start, end, bufferBeforeMinutes, bufferAfterMinutes,
                status, statusAt, cancellation, history, series, bookedAt, bookedBy, null);
    }

    /**
     * Books {@code slot} (found by the availability search: its professional, room and equipment)
     * for {@code client}. A start that is not after {@code now} is refused naming {@code start}.
     */
    public static AppointmentChange book(AppointmentId id, ClientId client, Service service, AvailableSlot slot,
                                         SeriesId series, Actor by, Instant now) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(slot, "slot");
        requireFuture(slot.start(), now);
        if (!service.active()) {
            throw new UnprocessableException("serviceId", "the service is not active");
        }
        requireResources(service, slot);
        Appointment booked = new Appointment(id, client, service.id(), slot.professional(), slot.room(),
                slot.equipment(), slot.start(), slot.end(), service.bufferBeforeMinutes(), service.bufferAfterMinutes(),
                AppointmentStatus.BOOKED, now, null, List.of(), series, now, by, service.deposit().orElse(null));
        return new AppointmentChange(booked, new AppointmentBooked(id, client, service.id(), slot.professional(),
                slot.start(), slot.end(), series, now, by));
    }

    /** What it holds: from the buffer before its start to the buffer after its end. */
    public TimeRange occupied() {
        return new TimeRange(start.minus(Duration.ofMinutes(bufferBeforeMinutes)),
                end.plus(Duration.ofMinutes(bufferAfterMinutes)));
    }

    /** booked → confirmed, by staff or by the client, until it starts. */
    public AppointmentChange confirm(Actor by, Instant now) {
        require(Set.of(AppointmentStatus.BOOKED), "confirm");
        if (!now.isBefore(start)) {
            throw conflict("cannot confirm an appointment that has started");
        }
        return new AppointmentChange(moved(AppointmentStatus.CONFIRMED, now, null),
                new AppointmentConfirmed(id, client, now, by));
    }

    /**
     * booked or confirmed → checked_in, by staff: a client who arrives without having confirmed is
     * checked in all the same.
     */
    public AppointmentChange checkIn(Actor by, Instant now) {
        requireStaff(by, "check in");
        require(Set.of(AppointmentStatus.BOOKED, AppointmentStatus.CONFIRMED), "check in");
        return new AppointmentChange(moved(AppointmentStatus.CHECKED_IN, now, null),
                new AppointmentCheckedIn(id, client, now, by));
    }

    /** checked_in → completed, by staff. */
    public AppointmentChange complete(Actor by, Instant now) {
        requireStaff(by, "complete");
        require(Set.of(AppointmentStatus.CHECKED_IN), "complete");
        return new AppointmentChange(moved(AppointmentStatus.COMPLETED, now, null),
                new AppointmentCompleted(id, client, service, professional, now, by));
    }

    /**
     * booked or confirmed → cancelled, freeing what it held. Staff may cancel at any time; the client
     * only until {@code clientWindow} before the start (the center's cancellation window). The event
     * says whether the cancellation is late: after that point, so only staff could make it.
     */
    public AppointmentChange cancel(String reason, Actor by, Instant now, Duration clientWindow) {
        String why = reason(reason);
        require(Set.of(AppointmentStatus.BOOKED, AppointmentStatus.CONFIRMED), "cancel");
        requireClientWindow(by, now, clientWindow, "cancelled");
        boolean late = now.isAfter(start.minus(Objects.requireNonNull(clientWindow, "clientWindow")));
        Appointment cancelled = moved(AppointmentStatus.CANCELLED, now, new Cancellation(why, by, now));
        return new AppointmentChange(cancelled,
                new AppointmentCancelled(id, client, why, freed(), late, now, by));
    }

    /** booked or confirmed → no_show, by staff, once the start has passed. */
    public AppointmentChange noShow(Actor by, Instant now) {
        requireStaff(by, "mark a no-show for");
        require(Set.of(AppointmentStatus.BOOKED, AppointmentStatus.CONFIRMED), "mark a no-show for");
        if (now.isBefore(start)) {
            throw conflict("a no-show can be recorded only once the appointment has started");
        }
        return new AppointmentChange(moved(AppointmentStatus.NO_SHOW, now, null),
                new AppointmentNoShow(id, client, now, by));
    }

    /**
     * Moves a booked or confirmed appointment to {@code slot} (from the availability search, for the
     * same service), keeping where it was in the history; it is {@code booked} again, since the
     * client confirmed the old time, not the new one. The client may move it only until
     * {@code clientWindow} before the old start.
     */
    public AppointmentChange reschedule(Service current, AvailableSlot slot, Actor by, Instant now,
                                        Duration clientWindow) {
        Objects.requireNonNull(current, "service");
        Objects.requireNonNull(slot, "slot");
        if (!current.id().equals(service)) {
            throw new IllegalArgumentException("a reschedule keeps the service");
        }
        require(Set.of(AppointmentStatus.BOOKED, AppointmentStatus.CONFIRMED), "reschedule");
        requireClientWindow(by, now, clientWindow, "moved");
        requireFuture(slot.start(), now);
        requireResources(current, slot);
        List<PreviousSlot> moves = new ArrayList<>(history);
        moves.add(new PreviousSlot(start, end, professional, room, equipment, now, by));
        Appointment rescheduled = new Appointment(id, client, service, slot.professional(), slot.room(),
                slot.equipment(), slot.start(), slot.end(), current.bufferBeforeMinutes(),
                current.bufferAfterMinutes(), AppointmentStatus.BOOKED, now, null, moves, series, bookedAt, bookedBy,
                depositDue);
        return new AppointmentChange(rescheduled, new AppointmentRescheduled(id, client, freed(), slot.start(),
                slot.end(), slot.professional(), now, by));
    }

    private FreedSlot freed() {
        return new FreedSlot(service, professional, start, end);
    }

    private Appointment moved(AppointmentStatus next, Instant now, Cancellation why) {
        return new Appointment(id, client, service, professional, room, equipment, start, end, bufferBeforeMinutes,
                bufferAfterMinutes, next, now, why, history, series, bookedAt, bookedBy, depositDue);
    }

    private void require(Set<AppointmentStatus> from, String verb) {
        if (!from.contains(status)) {
            throw conflict("cannot " + verb + " an appointment that is " + status.wireName());
        }
    }

    private void requireClientWindow(Actor by, Instant now, Duration clientWindow, String verb) {
        if (!by.isClient()) {
            return;
        }
        Instant until = start.minus(Objects.requireNonNull(clientWindow, "clientWindow"));
        if (now.isAfter(until)) {
            throw new ConflictException("this appointment can no longer be " + verb + " online; please call the center",
                    Map.of("changeableUntil", until.toString(), "currentStatus", status.wireName()));
        }
    }

    private ConflictException conflict(String message) {
        return new ConflictException(message, Map.of("currentStatus", status.wireName()));
    }

    private static void requireStaff(Actor by, String verb) {
        if (by.isClient()) {
            throw new ForbiddenException("only the center's staff can " + verb + " an appointment");
        }
    }

    private static void requireFuture(Instant start, Instant now) {
        Objects.requireNonNull(now, "now");
        if (!start.isAfter(now)) {
            throw new ValidationException("start", "must be in the future");
        }
    }

    private static void requireResources(Service service, AvailableSlot slot) {
        if (service.roomRequired() && slot.room() == null) {
            throw new IllegalArgumentException("the service needs a room and the slot assigns none");
        }
        if (slot.equipment().size() != service.equipmentKinds().size()) {
            throw new IllegalArgumentException("the slot assigns one piece per equipment kind the service needs");
        }
        if (!service.performableBy(slot.professional())) {
            throw new UnprocessableException("professionalId", "this professional does not perform the service");
        }
    }

    private static String reason(String reason) {
        List<FieldError> errors = new ArrayList<>();
        String text = Texts.required(errors, "reason", reason, MAX_REASON);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return text;
    }
}

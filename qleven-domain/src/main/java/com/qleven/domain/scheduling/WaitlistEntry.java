package com.qleven.domain.scheduling;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A client waiting for a service within an inclusive window of the center's local dates, with one
 * professional or any. When a slot is freed the first matching waiting entry gets an offer held for
 * the center's time; an offer that lapses puts the entry back in its place in the queue.
 */
public record WaitlistEntry(WaitlistEntryId id, ClientId client, ServiceId service, LocalDate from, LocalDate to,
                            UserId professional, WaitlistStatus status, WaitlistOffer offer, Instant createdAt,
                            AppointmentId appointment) {
    public static final int MAX_DAYS = AvailabilityRequest.MAX_DAYS;

    public WaitlistEntry {
        List<FieldError> errors = new ArrayList<>();
        if (client == null) {
            errors.add(new FieldError("clientId", "is required"));
        }
        if (service == null) {
            errors.add(new FieldError("serviceId", "is required"));
        }
        if (from == null) {
            errors.add(new FieldError("from", "is required"));
        }
        if (to == null) {
            errors.add(new FieldError("to", "is required"));
        } else if (from != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "must not be before from"));
        } else if (from != null && ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            errors.add(new FieldError("to", "must be at most " + MAX_DAYS + " days from from, both included"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if ((status == WaitlistStatus.OFFERED) != (offer != null)) {
            throw new IllegalArgumentException("an offered entry, and only one, holds its offer");
        }
        if (appointment != null && status != WaitlistStatus.BOOKED) {
            throw new IllegalArgumentException("only a booked entry names the appointment its offer became");
        }
    }

    /** An entry that names no appointment (every one but those booked through their offer). */
    public WaitlistEntry(WaitlistEntryId id, ClientId client, ServiceId service, LocalDate from, LocalDate to,
                         UserId professional, WaitlistStatus status, WaitlistOffer offer, Instant createdAt) {
        this(id, client, service, from, to, professional, status, offer, createdAt, null);
    }

    /**
     * A new waiting entry. A window that starts before today (in the center's zone at {@code now})
     * is refused naming {@code from}.
     */
    public static WaitlistEntry create(WaitlistEntryId id, ClientId client, ServiceId service, LocalDate from,
                                       LocalDate to, UserId professional, Instant now, ZoneId zone) {
        WaitlistEntry entry = new WaitlistEntry(id, client, service, from, to, professional, WaitlistStatus.WAITING,
                null, now);
        if (from.isBefore(LocalDate.ofInstant(now, zone))) {
            throw new ValidationException("from", "must not be in the past");
        }
        return entry;
    }

    /** True when this waiting entry wants {@code slot}: its service, a date in its window, its professional or any. */
    public boolean wants(FreedSlot slot, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(slot.start(), zone);
        return status == WaitlistStatus.WAITING && service.equals(slot.service())
                && !day.isBefore(from) && !day.isAfter(to)
                && (professional == null || professional.equals(slot.professional()));
    }

    /** waiting → offered: {@code slot} is held for this client for {@code hold}. */
    public WaitlistEntry offer(FreedSlot slot, Instant now, Duration hold) {
        require(WaitlistStatus.WAITING, "offer a slot to");
        return with(WaitlistStatus.OFFERED, new WaitlistOffer(slot, now, now.plus(hold)));
    }

    /**
     * Refuses, before anything is booked, an offer that cannot be accepted: an entry not offered,
     * or whose hold is over (though the sweep has not passed it on yet), each naming the entry's
     * status, and the latter when the hold ended.
     */
    public void requireAcceptable(Instant now) {
        require(WaitlistStatus.OFFERED, "accept an offer of");
        if (offer.expired(now)) {
            throw new ConflictException("this offer expired", Map.of("currentStatus", status.wireName(),
                    "expiresAt", offer.expiresAt().toString()));
        }
    }

    /** offered → booked as {@code booked}, while the offer holds (see {@link #requireAcceptable}). */
    public WaitlistEntry accept(Instant now, AppointmentId booked) {
        requireAcceptable(now);
        Objects.requireNonNull(booked, "booked");
        return new WaitlistEntry(id, client, service, from, to, professional, WaitlistStatus.BOOKED, null, createdAt,
                booked);
    }

    /**
     * offered → waiting: the client turned the offered slot down but still waits for another one,
     * keeping their place in the queue (the slot itself is never offered to them again).
     */
    public WaitlistEntry decline() {
        require(WaitlistStatus.OFFERED, "decline an offer of");
        return with(WaitlistStatus.WAITING, null);
    }

    /** offered → waiting once the hold is over; the entry keeps its place. */
    public WaitlistEntry lapse(Instant now) {
        require(WaitlistStatus.OFFERED, "let lapse an offer of");
        if (!offer.expired(now)) {
            throw new ConflictException("this offer is still held", Map.of("expiresAt", offer.expiresAt().toString()));
        }
        return with(WaitlistStatus.WAITING, null);
    }

    /** waiting or offered → withdrawn. */
    public WaitlistEntry withdraw() {
        if (status != WaitlistStatus.WAITING && status != WaitlistStatus.OFFERED) {
            throw new ConflictException("cannot withdraw a waitlist entry that is " + status.wireName(),
                    Map.of("currentStatus", status.wireName()));
        }
        return with(WaitlistStatus.WITHDRAWN, null);
    }

    private void require(WaitlistStatus expected, String verb) {
        if (status != expected) {
            throw new ConflictException("cannot " + verb + " a waitlist entry that is " + status.wireName(),
                    Map.of("currentStatus", status.wireName()));
        }
    }

    private WaitlistEntry with(WaitlistStatus next, WaitlistOffer held) {
        return new WaitlistEntry(id, client, service, from, to, professional, next, held, createdAt);
    }
}

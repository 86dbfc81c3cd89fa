package com.qleven.domain.scheduling;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one availability search reads, gathered by a bounded number of queries: the center's
 * zone, grid and opening hours, the service, the candidate members' schedules, the rooms, the
 * equipment (pieces in maintenance are skipped here), what is busy, the inclusive local date range
 * ({@code from}, {@code to}: at most {@value #MAX_DAYS} days), optionally one professional, and the
 * instant before which nothing is offered (now; null offers the past too, for tests and replays).
 */
public record AvailabilityRequest(ZoneId zone, int slotMinutes, OpeningHours openingHours, Service service,
                                  List<StaffSchedule> professionals, List<RoomId> rooms, List<Equipment> equipment,
                                  BusyIntervals busy, LocalDate from, LocalDate to, UserId professional,
                                  Instant notBefore) {
    public static final int MAX_DAYS = 92;

    public AvailabilityRequest {
        List<FieldError> errors = new ArrayList<>();
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
        if (service == null) {
            errors.add(new FieldError("serviceId", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        java.util.Objects.requireNonNull(zone, "zone");
        java.util.Objects.requireNonNull(openingHours, "openingHours");
        if (!SchedulingSettings.isValidGrid(slotMinutes)) {
            throw new IllegalArgumentException("a center's grid divides an hour or is 2 to 4 hours: " + slotMinutes);
        }
        professionals = List.copyOf(professionals);
        rooms = List.copyOf(rooms);
        equipment = List.copyOf(equipment);
        busy = busy == null ? BusyIntervals.none() : busy;
    }

    /** A builder, since a search has many inputs; the record validates on {@code build()}. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private ZoneId zone;
        private int slotMinutes = SchedulingSettings.DEFAULT_SLOT_MINUTES;
        private OpeningHours openingHours = OpeningHours.always();
        private Service service;
        private List<StaffSchedule> professionals = List.of();
        private List<RoomId> rooms = List.of();
        private List<Equipment> equipment = List.of();
        private BusyIntervals busy = BusyIntervals.none();
        private LocalDate from;
        private LocalDate to;
        private UserId professional;
        private Instant notBefore;

        private Builder() {
        }

        /** The zone, grid and opening hours of a center's settings. */
        public Builder center(ZoneId value, SchedulingSettings settings) {
            this.zone = value;
            this.slotMinutes = settings.slotMinutes();
            this.openingHours = settings.openingHours();
            return this;
        }

        public Builder zone(ZoneId value) {
            this.zone = value;
            return this;
        }

        public Builder slotMinutes(int value) {
            this.slotMinutes = value;
            return this;
        }

        public Builder openingHours(OpeningHours value) {
            this.openingHours = value;
            return this;
        }

        public Builder service(Service value) {
            this.service = value;
            return this;
        }

        public Builder professionals(List<StaffSchedule> value) {
            this.professionals = value;
            return this;
        }

        public Builder rooms(List<RoomId> value) {
            this.rooms = value;
            return this;
        }

        public Builder equipment(List<Equipment> value) {
            this.equipment = value;
            return this;
        }

        public Builder busy(BusyIntervals value) {
            this.busy = value;
            return this;
        }

        public Builder dates(LocalDate fromDate, LocalDate toDate) {
            this.from = fromDate;
            this.to = toDate;
            return this;
        }

        public Builder onlyProfessional(UserId value) {
            this.professional = value;
            return this;
        }

        public Builder notBefore(Instant value) {
            this.notBefore = value;
            return this;
        }

        public AvailabilityRequest build() {
            return new AvailabilityRequest(zone, slotMinutes, openingHours, service, professionals, rooms, equipment,
                    busy, from, to, professional, notBefore);
        }
    }
}

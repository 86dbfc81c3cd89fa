package com.qleven.domain.devices;

import com.qleven.domain.scheduling.AppointmentId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An appointment's session on a machine: started when the device accepted the {@code arm} command
 * naming the appointment, with that command's parameters and the device's counters then; stopped when
 * a {@code disarm} or {@code stop} is done, or the next {@code arm} is accepted on that device, with the
 * counters then. {@link #countersUsed} is what the session consumed: for every counter known at both
 * ends, the difference (never below zero: a counter reset reads as nothing used).
 */
public record TreatmentSession(
        AppointmentId appointment,
        DeviceId device,
        DeviceCommandId armCommand,
        Instant startedAt,
        Optional<Instant> stoppedAt,
        Map<String, Object> parameters,
        Map<String, Double> countersAtStart,
        Map<String, Double> countersAtStop) {

    public TreatmentSession {
        Objects.requireNonNull(appointment, "appointment");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(armCommand, "armCommand");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(stoppedAt, "stoppedAt");
        parameters = Map.copyOf(Objects.requireNonNull(parameters, "parameters"));
        countersAtStart = Map.copyOf(Objects.requireNonNull(countersAtStart, "countersAtStart"));
        countersAtStop = Map.copyOf(Objects.requireNonNull(countersAtStop, "countersAtStop"));
        if (stoppedAt.isEmpty() && !countersAtStop.isEmpty()) {
            throw new IllegalArgumentException("counters at stop only once stopped");
        }
    }

    public static TreatmentSession start(AppointmentId appointment, DeviceId device, DeviceCommandId arm,
                                         Instant at, Map<String, Object> parameters, Map<String, Double> counters) {
        return new TreatmentSession(appointment, device, arm, at, Optional.empty(), parameters, counters, Map.of());
    }

    public boolean running() {
        return stoppedAt.isEmpty();
    }

    /** Stopped at {@code at} with the counters then; a stopped session is returned as it was. */
    public TreatmentSession stop(Instant at, Map<String, Double> counters) {
        if (!running()) {
            return this;
        }
        Instant end = at.isBefore(startedAt) ? startedAt : at;
        return new TreatmentSession(appointment, device, armCommand, startedAt, Optional.of(end), parameters,
                countersAtStart, counters);
    }

    /** Per counter known at start and stop, stop minus start (at least zero); empty while running. */
    public Map<String, Double> countersUsed() {
        Map<String, Double> used = new LinkedHashMap<>();
        countersAtStart.keySet().stream().sorted().forEach(k -> {
            Double end = countersAtStop.get(k);
            if (end != null) {
                used.put(k, Math.max(0, end - countersAtStart.get(k)));
            }
        });
        return used;
    }
}

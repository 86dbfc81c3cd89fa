package com.qleven.domain.devices;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When a machine's telemetry forces maintenance: a counter reaching its threshold
 * ({@code {"counter":"lampHours","max":1000}}), a listed fault code ({@code ["E12","E40"]}), or any
 * fault code at all when {@code anyFault}. {@link #NONE} forces nothing. At most
 * {@value #MAX_THRESHOLDS} thresholds and {@value #MAX_FAULT_CODES} codes.
 */
public record MaintenanceRules(List<Threshold> thresholds, List<String> faultCodes, boolean anyFault) {
    public static final int MAX_THRESHOLDS = 32;
    public static final int MAX_FAULT_CODES = 64;
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,32}");
    public static final MaintenanceRules NONE = new MaintenanceRules(List.of(), List.of(), false);

    /** A counter's limit: maintenance once the counter is at or above {@code max}. */
    public record Threshold(String counter, double max) {
        public Threshold {
            Objects.requireNonNull(counter, "counter");
        }
    }

    public MaintenanceRules {
        thresholds = List.copyOf(Objects.requireNonNull(thresholds, "thresholds"));
        faultCodes = List.copyOf(Objects.requireNonNull(faultCodes, "faultCodes"));
        List<FieldError> errors = new ArrayList<>();
        if (thresholds.size() > MAX_THRESHOLDS) {
            errors.add(new FieldError("thresholds", "at most " + MAX_THRESHOLDS));
        }
        for (int i = 0; i < thresholds.size(); i++) {
            Threshold t = thresholds.get(i);
            if (!CommandParameters.NAME.matcher(t.counter()).matches()) {
                errors.add(new FieldError("thresholds[" + i + "].counter", "names match [a-zA-Z][a-zA-Z0-9_]{0,39}"));
            }
            if (Double.isNaN(t.max()) || Double.isInfinite(t.max()) || t.max() <= 0) {
                errors.add(new FieldError("thresholds[" + i + "].max", "must be a positive number"));
            }
        }
        if (faultCodes.size() > MAX_FAULT_CODES) {
            errors.add(new FieldError("faultCodes", "at most " + MAX_FAULT_CODES));
        }
        for (int i = 0; i < faultCodes.size(); i++) {
            if (faultCodes.get(i) == null || !CODE.matcher(faultCodes.get(i)).matches()) {
                errors.add(new FieldError("faultCodes[" + i + "]", "codes match [A-Za-z0-9_.-]{1,32}"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * Why this telemetry forces maintenance, if it does: the first threshold reached
     * ({@code "lampHours 1000.0 >= 1000.0"}), else the first listed (or, with {@code anyFault}, any)
     * fault code ({@code "fault E12"}).
     */
    public Optional<String> breach(Map<String, Double> counters, List<String> errorCodes) {
        for (Threshold t : thresholds) {
            Double v = counters.get(t.counter());
            if (v != null && v >= t.max()) {
                return Optional.of(t.counter() + " " + v + " >= " + t.max());
            }
        }
        for (String code : errorCodes) {
            if (anyFault || faultCodes.contains(code)) {
                return Optional.of("fault " + code);
            }
        }
        return Optional.empty();
    }
}

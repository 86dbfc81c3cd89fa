package com.qleven.domain.billing;

import com.qleven.domain.shared.ValidationException;

/**
 * The unit of a usage allowance: the names of the counters devices report ({@code shots} of a laser,
 * {@code pulses} of IPL, {@code minutes} of a machine), so a device session debits the allowance in
 * the unit it counts.
 */
public enum AllowanceUnit {
    SHOTS("shots"),
    PULSES("pulses"),
    MINUTES("minutes");

    private final String wireName;

    AllowanceUnit(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The wire name to a unit, or a 400 naming {@code field}. */
    public static AllowanceUnit fromWire(String value, String field) {
        for (AllowanceUnit unit : values()) {
            if (unit.wireName.equals(value)) {
                return unit;
            }
        }
        throw new ValidationException(field, "must be shots, pulses or minutes");
    }
}

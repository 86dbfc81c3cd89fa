package com.qleven.domain.scheduling;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * One machine a service may need ("Laser 2", kind {@code laser}). A service asks for a kind and
 * booking assigns one available piece of it; {@code kind} is compared lowercased.
 */
public record Equipment(EquipmentId id, String name, String kind, EquipmentStatus status) {
    public static final int MAX_NAME = 200;
    public static final int MAX_KIND = 60;

    public Equipment {
        List<FieldError> errors = new ArrayList<>();
        if (id == null) {
            errors.add(new FieldError("id", "is required"));
        }
        name = Texts.required(errors, "name", name, MAX_NAME);
        kind = Texts.kind(errors, "kind", kind);
        if (status == null) {
            errors.add(new FieldError("status", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    public boolean bookable() {
        return status == EquipmentStatus.AVAILABLE;
    }

    public Equipment withStatus(EquipmentStatus value) {
        return new Equipment(id, name, kind, value);
    }
}

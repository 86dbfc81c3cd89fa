package com.qleven.domain.scheduling;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;

/** A treatment room; a service that needs a room gets one free room assigned at booking. */
public record Room(RoomId id, String name) {
    public static final int MAX_NAME = 200;

    public Room {
        List<FieldError> errors = new ArrayList<>();
        if (id == null) {
            errors.add(new FieldError("id", "is required"));
        }
        name = Texts.required(errors, "name", name, MAX_NAME);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}

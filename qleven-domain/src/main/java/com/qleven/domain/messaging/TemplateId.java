package com.qleven.domain.messaging;

import java.util.Objects;
import java.util.UUID;

/** A template's id in a center's registry (not Meta's id). */
public record TemplateId(UUID value) {
    public TemplateId {
        Objects.requireNonNull(value, "value");
    }

    public static TemplateId of(String text) {
        return new TemplateId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

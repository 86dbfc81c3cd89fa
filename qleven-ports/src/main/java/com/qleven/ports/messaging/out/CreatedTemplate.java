package com.qleven.ports.messaging.out;

import java.util.Objects;

/** Meta's answer to a created template: its id, its status (PENDING) and the category Meta chose. */
public record CreatedTemplate(String id, String status, String category) {
    public CreatedTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(category, "category");
    }
}

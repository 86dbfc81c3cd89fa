package com.qleven.ports.messaging.out;

import java.util.Objects;

/**
 * A {@code message_template_status_update}: the business account it concerns ({@code entry.id}), the
 * template's name and language, and the event Meta reports (APPROVED, REJECTED, PAUSED, …, as spelt).
 */
public record TemplateStatusUpdate(String wabaId, String name, String language, String event) {
    public TemplateStatusUpdate {
        Objects.requireNonNull(wabaId, "wabaId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(event, "event");
    }
}

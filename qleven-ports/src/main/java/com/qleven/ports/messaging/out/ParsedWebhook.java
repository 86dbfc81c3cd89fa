package com.qleven.ports.messaging.out;

import java.util.List;
import java.util.Objects;

/**
 * What one webhook POST said: the delivery statuses of outbound messages, the template status
 * changes, the clients' inbound messages, their messaging preference changes, the errors Meta put in
 * changes, and how many other items it carried that are not handled here (other fields, items too
 * broken to read, such as a status without its wamid), counted only.
 */
public record ParsedWebhook(List<StatusUpdate> statuses, List<TemplateStatusUpdate> templateUpdates,
                            List<ReceivedMessage> messages, List<PreferenceChange> preferences,
                            List<WebhookValueError> errors, int unhandled) {
    public ParsedWebhook {
        statuses = List.copyOf(Objects.requireNonNull(statuses, "statuses"));
        templateUpdates = List.copyOf(Objects.requireNonNull(templateUpdates, "templateUpdates"));
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        preferences = List.copyOf(Objects.requireNonNull(preferences, "preferences"));
        errors = List.copyOf(Objects.requireNonNull(errors, "errors"));
        if (unhandled < 0) {
            throw new IllegalArgumentException("unhandled: " + unhandled);
        }
    }

    /** Statuses and template updates only. */
    public ParsedWebhook(List<StatusUpdate> statuses, List<TemplateStatusUpdate> templateUpdates, int unhandled) {
        this(statuses, templateUpdates, List.of(), List.of(), List.of(), unhandled);
    }
}

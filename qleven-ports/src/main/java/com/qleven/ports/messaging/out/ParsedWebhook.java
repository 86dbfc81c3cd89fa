package com.qleven.ports.messaging.out;

import java.util.List;
import java.util.Objects;

/**
 * What one webhook POST said: the delivery statuses of outbound messages, the template status
 * changes, and how many other items it carried that are not handled here (inbound messages, other
 * fields, items too broken to read, such as a status without its wamid), counted only.
 */
public record ParsedWebhook(List<StatusUpdate> statuses, List<TemplateStatusUpdate> templateUpdates, int unhandled) {
    public ParsedWebhook {
        statuses = List.copyOf(Objects.requireNonNull(statuses, "statuses"));
        templateUpdates = List.copyOf(Objects.requireNonNull(templateUpdates, "templateUpdates"));
        if (unhandled < 0) {
            throw new IllegalArgumentException("unhandled: " + unhandled);
        }
    }
}

package com.qleven.ports.audit.out;

import com.qleven.domain.audit.AuditEvent;
import java.util.Objects;
import java.util.Optional;

/**
 * An appended event due for sealing: its append id, and the event as stored; empty when the event
 * is gone although its due mark is still there (deleted before it was sealed).
 */
public record DueAppend(long id, Optional<AuditEvent> event) {
    public DueAppend {
        Objects.requireNonNull(event, "event");
    }
}

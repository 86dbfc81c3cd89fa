package com.qleven.ports.audit.out;

import com.qleven.domain.audit.AuditEvent;
import java.util.List;

/**
 * Where use cases record every read and change of personal data. Called inside the use case's unit
 * of work, so the event commits with the work or not at all. The default implementation chains
 * each center's events with an HMAC keyed outside the database.
 */
public interface AuditTrail {
    void record(AuditEvent event);

    /**
     * Records several events at once, each as {@link #record} would (a page that showed several
     * people records one event per person), in as few writes as the trail allows.
     */
    default void recordAll(List<AuditEvent> events) {
        events.forEach(this::record);
    }
}

package com.qleven.ports.audit.out;

import com.qleven.domain.audit.AuditEvent;

/**
 * Where use cases record every read and change of personal data. Called inside the use case's unit
 * of work, so the event commits with the work or not at all. The default implementation chains
 * each center's events with an HMAC keyed outside the database.
 */
public interface AuditTrail {
    void record(AuditEvent event);
}

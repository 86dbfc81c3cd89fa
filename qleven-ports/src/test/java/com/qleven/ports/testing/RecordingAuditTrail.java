package com.qleven.ports.testing;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.ports.audit.out.AuditTrail;
import java.util.ArrayList;
import java.util.List;

/** Keeps every event recorded, in order, for tests to look at. */
public final class RecordingAuditTrail implements AuditTrail {
    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(AuditEvent event) {
        events.add(event);
    }

    public synchronized List<AuditEvent> events() {
        return List.copyOf(events);
    }

    public synchronized void clear() {
        events.clear();
    }
}

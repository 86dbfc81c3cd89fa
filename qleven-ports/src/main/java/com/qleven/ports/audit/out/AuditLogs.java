package com.qleven.ports.audit.out;

import com.qleven.domain.audit.AuditEvent;
import java.util.List;

/** Checks shared by the implementations of {@link AuditLog}. */
public final class AuditLogs {
    private AuditLogs() {
    }

    /** Refuses a batch of events that spans more than one chain: each chain is written in its own unit. */
    public static void requireOneChain(List<AuditEvent> events) {
        if (events.stream().map(AuditEvent::tenant).distinct().count() > 1) {
            throw new IllegalArgumentException("events: a batch belongs to one audit chain");
        }
    }
}

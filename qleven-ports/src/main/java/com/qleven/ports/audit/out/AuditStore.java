package com.qleven.ports.audit.out;

/** The store's audit group: the append-only, chained audit log. */
public interface AuditStore {
    AuditLog auditLog();
}

package com.qleven.adapters.postgres.audit;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.ports.audit.out.AuditLog;

/** Builds the PostgreSQL repositories of the audit out-ports; their classes stay package-private. */
public final class AuditRepositories {
    private AuditRepositories() {
    }

    public static AuditLog auditLog(PostgresTransactions tx) {
        return new PostgresAuditLog(tx);
    }
}

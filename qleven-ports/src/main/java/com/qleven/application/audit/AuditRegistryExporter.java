package com.qleven.application.audit;

import com.qleven.domain.audit.AuditRecord;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.audit.out.AuditLog;
import com.qleven.ports.privacy.out.RegistryExporter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit context's section of a client's export: who read or changed the record, when, why and
 * how many rows (GDPR Art. 15 and the policy's access log). Reads the center's appended events in
 * pages, sealed or not yet, and keeps those whose subject is the client, oldest first; events hold
 * ids only, so nothing else leaks.
 */
public final class AuditRegistryExporter implements RegistryExporter {
    private static final int PAGE = 1000;
    private final AuditLog auditLog;

    public AuditRegistryExporter(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public Map<String, Object> export(TenantId tenant, ClientId client) {
        List<Map<String, Object>> accesses = new ArrayList<>();
        long before = Long.MAX_VALUE;
        List<AuditRecord> page;
        do {
            page = auditLog.readNewestFirst(Optional.of(tenant), before, PAGE);
            for (AuditRecord entry : page) {
                AuditEvent e = entry.event();
                if (e.subjectType().equals("client") && e.subjectId().filter(client.value()::equals).isPresent()) {
                    Map<String, Object> access = new LinkedHashMap<>();
                    access.put("at", e.at().toString());
                    access.put("action", e.action());
                    access.put("actorId", e.actor().map(Object::toString).orElse(null));
                    access.put("purpose", e.purpose());
                    accesses.add(access);
                }
                before = entry.id();
            }
        } while (page.size() == PAGE);
        Collections.reverse(accesses);
        return Map.of("accesses", accesses);
    }
}

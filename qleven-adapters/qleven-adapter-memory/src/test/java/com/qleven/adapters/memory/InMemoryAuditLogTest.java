package com.qleven.adapters.memory;

import com.qleven.application.QlevenStore;
import com.qleven.domain.audit.AuditEntry;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.audit.ChainHead;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.contract.AuditLogContract;
import java.util.Optional;

class InMemoryAuditLogTest extends AuditLogContract {
    private final InMemoryStore store = new InMemoryStore();

    @Override
    protected QlevenStore store() {
        return store;
    }

    private InMemoryAuditLog log() {
        return (InMemoryAuditLog) store.audit().auditLog();
    }

    @Override
    protected void rewritePurpose(Optional<TenantId> chain, long seq, String purpose) {
        AuditEntry stored = log().stored(chain, seq);
        AuditEvent e = stored.event();
        log().replace(new AuditEntry(seq, new AuditEvent(e.tenant(), e.actor(), e.session(), e.action(),
                e.subjectType(), e.subjectId(), purpose, e.rowCount(), e.at()), stored.prevHash(), stored.hash()));
    }

    @Override
    protected void deleteEntries(Optional<TenantId> chain, long from, long to) {
        for (long seq = from; seq <= to; seq++) {
            log().remove(chain, seq);
        }
    }

    @Override
    protected void forceHead(ChainHead head) {
        log().replaceHead(head);
    }

    @Override
    protected void deleteUnsealed(Optional<TenantId> chain, long appendId) {
        log().removeUnsealed(chain, appendId);
    }
}

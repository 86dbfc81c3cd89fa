package com.qleven.application.audit;

import com.qleven.domain.audit.AuditCanonical;
import com.qleven.domain.audit.AuditEntry;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.audit.ChainHash;
import com.qleven.domain.audit.ChainHead;
import com.qleven.ports.audit.out.AuditLog;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.audit.out.ChainSigner;
import com.qleven.ports.shared.out.Transactions;
import java.util.Objects;

/**
 * The audit trail as HMAC chains, one per center and one for the platform. Recording an event
 * locks the chain's head, appends the entry after it and moves the head, all in the caller's unit
 * of work (or a short one of its own when none is open): the event commits with the work or not at
 * all, and concurrent writers of one chain queue on the head instead of forking the chain.
 */
public final class ChainedAuditTrail implements AuditTrail {
    private final Transactions transactions;
    private final AuditLog log;
    private final ChainSigner signer;
    private final SecurityWatch watch;

    public ChainedAuditTrail(Transactions transactions, AuditLog log, ChainSigner signer, SecurityWatch watch) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.log = Objects.requireNonNull(log, "log");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.watch = Objects.requireNonNull(watch, "watch");
    }

    @Override
    public void record(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        if (event.action().equals(AuditCanonical.UNREADABLE_ACTION)) {
            throw new IllegalArgumentException(AuditCanonical.UNREADABLE_ACTION + " is reserved");
        }
        // The hash covers the instant as the store keeps it, so the entry verifies when read back.
        AuditEvent stored = new AuditEvent(event.tenant(), event.actor(), event.session(), event.action(),
                event.subjectType(), event.subjectId(), event.purpose(), event.rowCount(),
                AuditCanonical.micros(event.at()));
        Runnable append = () -> {
            ChainHead head = log.lockHead(stored.tenant());
            long seq = head.seq() + 1;
            ChainHash hash = signer.sign(head.hash(), AuditCanonical.encode(seq, stored));
            log.append(new AuditEntry(seq, stored, head.hash(), hash));
            log.moveHead(new ChainHead(stored.tenant(), seq, hash));
        };
        if (stored.tenant().isPresent()) {
            transactions.inTenant(stored.tenant().get(), append);
        } else {
            transactions.global(append);
        }
        watch.recorded(stored);
    }
}

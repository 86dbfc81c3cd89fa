package com.qleven.application.audit;

import com.qleven.domain.audit.AuditRecord;
import com.qleven.domain.audit.ChainReport;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.in.ListAuditEvents;
import com.qleven.ports.audit.in.SealAuditTrail;
import com.qleven.ports.audit.in.VerifyAuditTrail;
import com.qleven.ports.audit.in.WitnessAuditHeads;
import com.qleven.ports.audit.out.AuditTrail;
import java.util.List;
import com.qleven.application.QlevenStore;
import com.qleven.ports.audit.out.AuditHeadWitness;
import com.qleven.ports.audit.out.AuditLog;
import com.qleven.ports.audit.out.ChainSigner;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The audit trail: {@code qleven.audit()}. Use cases append events in their own unit of work; the
 * sealer links them into per-center HMAC chains about every second; verification finds a modified,
 * removed or reordered sealed row at its place.
 */
public final class AuditFacade {
    private final SecurityWatch securityWatch;
    private final AuditTrail trail;
    private final SealAuditTrail seal;
    private final VerifyAuditTrail verify;
    private final ListAuditEvents list;
    private final WitnessAuditHeads witness;

    /**
     * Wires the trail and its services; built before every other facade, since they all record on
     * its {@link #trail()}.
     */
    public AuditFacade(QlevenStore store, ChainSigner signer, AuditHeadWitness headWitness,
                       SecurityWatch securityWatch, Clock clock) {
        Transactions transactions = store.shared().transactions();
        AuditLog log = store.audit().auditLog();
        this.securityWatch = Objects.requireNonNull(securityWatch, "securityWatch");
        trail = new ChainedAuditTrail(transactions, log, securityWatch);
        seal = new SealAuditTrailService(transactions, log, signer, clock);
        verify = new VerifyAuditTrailService(transactions, log, signer, headWitness, seal);
        list = new ListAuditEventsService(transactions, log, seal);
        witness = new WitnessAuditHeadsService(transactions, log, headWitness);
    }

    /** Counts failed sign-ins and client reads towards burst alerts. */
    public SecurityWatch securityWatch() {
        return securityWatch;
    }

    /**
     * Where use cases record reads and changes of personal data, into the caller's unit of work;
     * the services of every context are given this one.
     */
    public AuditTrail trail() {
        return trail;
    }

    /** Verifies the principal's center's chain (administrators) or every chain (operators). */
    public List<ChainReport> verify(Principal principal) {
        return verify.verify(principal);
    }

    /** Verifies every chain: for a command-line tool or a scheduled check, no principal. */
    public List<ChainReport> verifyAll() {
        return verify.verifyAll();
    }

    public Page<AuditRecord> list(Principal principal, PageRequest page) {
        return list.list(principal, page);
    }

    /**
     * Links appended events into their chains; schedule it about every second (the host does).
     * Several hosts may run it side by side: one sealer at a time holds a chain. Answers how many
     * events it sealed.
     */
    public int sealAll() {
        return seal.sealAll();
    }

    /** Seals one chain: a center's, or the platform's when empty. */
    public int seal(Optional<TenantId> chain) {
        return seal.seal(chain);
    }

    /** Copies the chains' heads to the witness; schedule it every minute and at shutdown. */
    public int witness() {
        return witness.witness();
    }
}

package com.qleven.application.audit;

import com.qleven.domain.audit.AuditCanonical;
import com.qleven.domain.audit.AuditEntry;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.audit.ChainHash;
import com.qleven.domain.audit.ChainHead;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.audit.in.SealAuditTrail;
import com.qleven.ports.audit.out.AuditLog;
import com.qleven.ports.audit.out.ChainSigner;
import com.qleven.ports.audit.out.DueAppend;
import com.qleven.ports.audit.out.SealedAppend;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The sealer. It finds the centers with due appends in the global queue (ids only), then seals
 * each chain in that center's own unit of work, a batch at a time: it claims the chain's head
 * (passing the chain over when another sealer holds it), gives each due append the next place in
 * the chain, the previous hash and its HMAC, and moves the head, all in one commit. The place is
 * given at sealing, in append order among what is due, so an append whose unit of work committed
 * late is sealed later at a later place, never skipped. An append found without its event was
 * deleted before it was sealed: its place gets an entry recording the loss, which verification
 * reports as a gap there.
 */
public final class SealAuditTrailService implements SealAuditTrail {
    /** Appends sealed per unit of work. */
    static final int BATCH = 500;
    /** Centers taken from the queue per look-up. */
    private static final int CENTERS = 200;

    private final Transactions transactions;
    private final AuditLog log;
    private final ChainSigner signer;
    private final Clock clock;

    public SealAuditTrailService(Transactions transactions, AuditLog auditLog, ChainSigner signer, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.log = Objects.requireNonNull(auditLog, "auditLog");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public int sealAll() {
        int sealed = seal(Optional.empty());
        while (true) {
            List<TenantId> due = transactions.global(() -> log.centersDue(CENTERS));
            int pass = 0;
            for (TenantId center : due) {
                pass += seal(Optional.of(center));
            }
            sealed += pass;
            // A full page may hide more centers; a pass that sealed nothing means the rest are held
            // by other sealers, which will seal them.
            if (due.size() < CENTERS || pass == 0) {
                return sealed;
            }
        }
    }

    @Override
    public int seal(Optional<TenantId> chain) {
        Objects.requireNonNull(chain, "chain");
        int sealed = 0;
        while (true) {
            int batch = in(chain, () -> sealBatch(chain));
            sealed += Math.max(batch, 0);
            if (batch < BATCH) {
                return sealed;
            }
        }
    }

    /** One batch in one unit of work; -1 when another sealer holds the chain. */
    private int sealBatch(Optional<TenantId> chain) {
        if (log.due(chain, 1).isEmpty()) {
            return 0;
        }
        Optional<ChainHead> claimed = log.claimHead(chain);
        if (claimed.isEmpty()) {
            return -1;
        }
        // Read again under the head: another sealer may have sealed these before we claimed it.
        List<DueAppend> due = log.due(chain, BATCH);
        long seq = claimed.get().seq();
        ChainHash prev = claimed.get().hash();
        List<SealedAppend> sealed = new ArrayList<>(due.size());
        for (DueAppend append : due) {
            seq++;
            boolean lost = append.event().isEmpty();
            AuditEvent event = append.event().orElseGet(() -> lost(chain, append.id()));
            ChainHash hash = signer.sign(prev, AuditCanonical.encode(seq, event));
            AuditEntry entry = new AuditEntry(seq, event, prev, hash);
            if (lost) {
                log.sealLost(append.id(), entry);
            } else {
                sealed.add(new SealedAppend(append.id(), entry));
            }
            prev = hash;
        }
        // One write for the batch; the unit of work makes it one commit with the losses and the head.
        log.sealAll(sealed);
        if (!due.isEmpty()) {
            log.moveHead(new ChainHead(chain, seq, prev));
        }
        return due.size();
    }

    private AuditEvent lost(Optional<TenantId> chain, long appendId) {
        return new AuditEvent(chain, Optional.empty(), Optional.empty(), AuditCanonical.LOST_ACTION, "audit_event",
                Optional.empty(), "append " + appendId + " was gone before it was sealed", 0,
                AuditCanonical.micros(clock.instant()));
    }

    private <T> T in(Optional<TenantId> chain, java.util.function.Supplier<T> work) {
        return chain.isPresent() ? transactions.inTenant(chain.get(), work) : transactions.global(work);
    }
}

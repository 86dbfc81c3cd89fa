package com.qleven.application.audit;

import com.qleven.domain.audit.ChainHead;
import com.qleven.domain.audit.ChainReport;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.in.SealAuditTrail;
import com.qleven.ports.audit.in.VerifyAuditTrail;
import com.qleven.ports.audit.out.AuditHeadWitness;
import com.qleven.ports.audit.out.AuditLog;
import com.qleven.ports.audit.out.ChainSigner;
import com.qleven.ports.shared.out.Transactions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Verifies chains against their own hashes, their head rows and the witnessed heads. Every center
 * is reached through the global list of chains (ids only), then read in that center's own unit of
 * work, so verification runs as the unprivileged role under row-level security like any other use
 * case. A chain that only the witness still knows (its rows and head gone) is verified too, and
 * fails. What is due in a chain is sealed before the chain is verified (unless another sealer
 * holds it), so verification covers every event committed before the oldest unit of work still
 * open began.
 */
public final class VerifyAuditTrailService implements VerifyAuditTrail {
    private static final System.Logger LOG = System.getLogger(VerifyAuditTrailService.class.getName());
    /** The order of uuid text is the order of their bytes, which is how PostgreSQL sorts them. */
    private static final Comparator<TenantId> BY_ID = Comparator.comparing(t -> t.value().toString());

    private final Transactions transactions;
    private final AuditLog auditLog;
    private final ChainReader reader;
    private final AuditHeadWitness witness;
    private final SealAuditTrail sealer;

    public VerifyAuditTrailService(Transactions transactions, AuditLog auditLog, ChainSigner signer,
                                   AuditHeadWitness witness, SealAuditTrail sealer) {
        this.transactions = transactions;
        this.auditLog = auditLog;
        this.reader = new ChainReader(transactions, auditLog, signer);
        this.witness = witness;
        this.sealer = sealer;
    }

    @Override
    public List<ChainReport> verify(Principal principal) {
        Permissions.require(principal, Permission.VIEW_AUDIT_TRAIL);
        if (principal.tenantId().isEmpty()) {
            return verifyAll();
        }
        Optional<TenantId> chain = principal.tenantId();
        sealer.seal(chain);
        ChainReport report = reader.verify(chain, Optional.ofNullable(witnessed().get(chain)));
        log(report);
        return List.of(report);
    }

    @Override
    public List<ChainReport> verifyAll() {
        sealer.sealAll();
        Map<Optional<TenantId>, ChainHead> witnessed = witnessed();
        TreeSet<TenantId> centers = new TreeSet<>(BY_ID);
        Optional<TenantId> after = Optional.empty();
        while (true) {
            Optional<TenantId> from = after;
            List<TenantId> page = transactions
                    .global(() -> auditLog.centerChains(from, ChainReader.PAGE));
            centers.addAll(page);
            if (page.size() < ChainReader.PAGE) {
                break;
            }
            after = Optional.of(page.get(page.size() - 1));
        }
        witnessed.keySet().forEach(chain -> chain.ifPresent(centers::add));
        List<Optional<TenantId>> chains = new ArrayList<>();
        chains.add(Optional.empty());
        centers.forEach(center -> chains.add(Optional.of(center)));
        List<ChainReport> reports = new ArrayList<>();
        for (Optional<TenantId> chain : chains) {
            ChainReport report = reader.verify(chain, Optional.ofNullable(witnessed.get(chain)));
            log(report);
            reports.add(report);
        }
        return reports;
    }

    private Map<Optional<TenantId>, ChainHead> witnessed() {
        Map<Optional<TenantId>, ChainHead> byChain = new HashMap<>();
        for (ChainHead head : witness.witnessed()) {
            byChain.merge(head.chain(), head, (a, b) -> a.seq() >= b.seq() ? a : b);
        }
        return byChain;
    }

    private static void log(ChainReport report) {
        if (!report.intact()) {
            LOG.log(System.Logger.Level.WARNING, "event=audit_chain_broken chain=" + ChainHead.name(report.chain())
                    + " at=" + report.brokenAt().get() + " reason=" + report.reason().get().wireName()
                    + " verified=" + report.verified());
        }
    }
}

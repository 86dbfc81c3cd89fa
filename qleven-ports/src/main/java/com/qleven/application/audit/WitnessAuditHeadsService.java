package com.qleven.application.audit;

import com.qleven.domain.audit.ChainHead;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.audit.in.WitnessAuditHeads;
import com.qleven.ports.audit.out.AuditHeadWitness;
import com.qleven.ports.audit.out.AuditLog;
import com.qleven.ports.shared.out.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Copies every chain's committed head to the witness, reading each center in its own unit of work. */
public final class WitnessAuditHeadsService implements WitnessAuditHeads {
    private final Transactions transactions;
    private final AuditLog auditLog;
    private final AuditHeadWitness witness;

    public WitnessAuditHeadsService(Transactions transactions, AuditLog auditLog, AuditHeadWitness witness) {
        this.transactions = transactions;
        this.auditLog = auditLog;
        this.witness = witness;
    }

    @Override
    public int witness() {
        if (witness == AuditHeadWitness.NONE) {
            return 0;
        }
        List<ChainHead> heads = new ArrayList<>();
        transactions.global(() -> auditLog.head(Optional.empty())).ifPresent(heads::add);
        Optional<TenantId> after = Optional.empty();
        while (true) {
            Optional<TenantId> from = after;
            List<TenantId> page = transactions
                    .global(() -> auditLog.centerChains(from, ChainReader.PAGE));
            for (TenantId center : page) {
                transactions.inTenant(center, () -> auditLog.head(Optional.of(center)))
                        .ifPresent(heads::add);
            }
            if (page.size() < ChainReader.PAGE) {
                break;
            }
            after = Optional.of(page.get(page.size() - 1));
        }
        witness.witness(heads);
        return heads.size();
    }
}

package com.qleven.application.audit;

import com.qleven.application.QlevenStore;
import com.qleven.domain.audit.ChainHead;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.audit.in.WitnessAuditHeads;
import com.qleven.ports.audit.out.AuditHeadWitness;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Copies every chain's committed head to the witness, reading each center in its own unit of work. */
public final class WitnessAuditHeadsService implements WitnessAuditHeads {
    private final QlevenStore store;
    private final AuditHeadWitness witness;

    public WitnessAuditHeadsService(QlevenStore store, AuditHeadWitness witness) {
        this.store = store;
        this.witness = witness;
    }

    @Override
    public int witness() {
        if (witness == AuditHeadWitness.NONE) {
            return 0;
        }
        List<ChainHead> heads = new ArrayList<>();
        store.transactions().global(() -> store.auditLog().head(Optional.empty())).ifPresent(heads::add);
        Optional<TenantId> after = Optional.empty();
        while (true) {
            Optional<TenantId> from = after;
            List<TenantId> page = store.transactions()
                    .global(() -> store.auditLog().centerChains(from, ChainReader.PAGE));
            for (TenantId center : page) {
                store.transactions().inTenant(center, () -> store.auditLog().head(Optional.of(center)))
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

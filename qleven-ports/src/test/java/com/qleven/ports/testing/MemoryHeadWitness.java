package com.qleven.ports.testing;

import com.qleven.domain.audit.ChainHead;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.audit.out.AuditHeadWitness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A witness that keeps the heads in memory, with the same keep-the-highest rule as the file witness. */
public final class MemoryHeadWitness implements AuditHeadWitness {
    private final Map<Optional<TenantId>, ChainHead> heads = new LinkedHashMap<>();

    @Override
    public synchronized void witness(List<ChainHead> written) {
        for (ChainHead head : written) {
            heads.merge(head.chain(), head, (old, now) -> now.seq() >= old.seq() ? now : old);
        }
    }

    @Override
    public synchronized List<ChainHead> witnessed() {
        return new ArrayList<>(heads.values());
    }
}

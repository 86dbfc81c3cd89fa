package com.qleven.ports.audit.out;

import com.qleven.domain.audit.ChainHead;
import java.util.List;

/**
 * A copy of the chains' heads kept outside the database, so that cutting the last entries of a
 * chain (and moving its head back) is still found: the witnessed head is then missing.
 */
public interface AuditHeadWitness {
    /** Keeps nothing: verification then checks the chains against themselves only. */
    AuditHeadWitness NONE = new AuditHeadWitness() {
        @Override
        public void witness(List<ChainHead> heads) {
        }

        @Override
        public List<ChainHead> witnessed() {
            return List.of();
        }
    };

    /**
     * Records these heads. A chain keeps the witnessed head with the highest sequence, so a late
     * writer cannot move a witness back.
     */
    void witness(List<ChainHead> heads);

    /** The witnessed head of every chain witnessed so far. */
    List<ChainHead> witnessed();
}

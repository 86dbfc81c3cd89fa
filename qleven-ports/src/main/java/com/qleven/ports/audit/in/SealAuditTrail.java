package com.qleven.ports.audit.in;

import com.qleven.domain.shared.TenantId;
import java.util.Optional;

/**
 * Links appended audit events into their HMAC chains. Any number of hosts may run it side by side:
 * one sealer at a time holds a chain, the others pass it over. A host runs it about every second;
 * an embedder without the host calls it on its own schedule.
 */
public interface SealAuditTrail {

    /** Seals what is due in every chain with due appends, the platform's first; returns how many entries. */
    int sealAll();

    /**
     * Seals what is due in one chain (a center's, or the platform's when empty); returns how many
     * entries, 0 when another sealer holds the chain.
     */
    int seal(Optional<TenantId> chain);
}

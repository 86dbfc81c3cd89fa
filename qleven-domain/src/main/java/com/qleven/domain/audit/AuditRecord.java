package com.qleven.domain.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * An event as appended to its chain: its append id (the order of appends, across chains), and its
 * place in the chain once the sealer has linked it; empty until then.
 */
public record AuditRecord(long id, Optional<Long> seq, AuditEvent event) {
    public AuditRecord {
        Objects.requireNonNull(seq, "seq");
        Objects.requireNonNull(event, "event");
        if (id < 1) {
            throw new IllegalArgumentException("an append id starts at 1");
        }
        if (seq.isPresent() && seq.get() < 1) {
            throw new IllegalArgumentException("seq starts at 1");
        }
    }

    public boolean sealed() {
        return seq.isPresent();
    }
}

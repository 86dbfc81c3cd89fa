package com.qleven.domain.audit;

import com.qleven.domain.shared.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * An event as its chain holds it: its place ({@code seq}, from 1 without gaps), the hash of the
 * entry before it, and its own hash over both.
 */
public record AuditEntry(long seq, AuditEvent event, ChainHash prevHash, ChainHash hash) {
    public AuditEntry {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1");
        }
    }

    public Optional<TenantId> chain() {
        return event.tenant();
    }
}

package com.qleven.ports.audit.out;

import com.qleven.domain.audit.AuditEntry;
import java.util.Objects;

/** An appended event given its place in the chain: its append id and the entry it becomes. */
public record SealedAppend(long appendId, AuditEntry entry) {
    public SealedAppend {
        Objects.requireNonNull(entry, "entry");
    }
}

package com.qleven.domain.audit;

import com.qleven.domain.shared.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * The verification of one chain: how many entries were found intact from the start, and where and
 * why it first breaks, if it does.
 */
public record ChainReport(Optional<TenantId> chain, long verified, Optional<Long> brokenAt,
                          Optional<ChainBreak> reason) {
    public ChainReport {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(brokenAt, "brokenAt");
        Objects.requireNonNull(reason, "reason");
        if (brokenAt.isPresent() != reason.isPresent()) {
            throw new IllegalArgumentException("a break has both a place and a reason");
        }
        if (verified < 0) {
            throw new IllegalArgumentException("verified must not be negative");
        }
    }

    public boolean intact() {
        return brokenAt.isEmpty();
    }
}

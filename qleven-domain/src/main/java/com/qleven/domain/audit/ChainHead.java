package com.qleven.domain.audit;

import com.qleven.domain.shared.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * The end of a chain: the sequence and hash of its last entry ({@code 0} and {@link ChainHash#GENESIS}
 * before the first).
 *
 * @param chain the center whose chain this is; empty for the platform's own chain
 */
public record ChainHead(Optional<TenantId> chain, long seq, ChainHash hash) {
    public ChainHead {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(hash, "hash");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative");
        }
        if (seq == 0 && !hash.equals(ChainHash.GENESIS)) {
            throw new IllegalArgumentException("an empty chain's head is the genesis hash");
        }
    }

    public static ChainHead empty(Optional<TenantId> chain) {
        return new ChainHead(chain, 0, ChainHash.GENESIS);
    }

    /** How the chain is named in reports and logs: the center id, or {@code platform}. */
    public static String name(Optional<TenantId> chain) {
        return chain.map(TenantId::toString).orElse("platform");
    }
}

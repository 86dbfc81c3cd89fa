package com.qleven.application.audit;

import com.qleven.domain.audit.AuditEntry;
import com.qleven.domain.audit.ChainCheck;
import com.qleven.domain.audit.ChainHead;
import com.qleven.domain.audit.ChainReport;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.audit.out.AuditLog;
import com.qleven.ports.audit.out.ChainSigner;
import com.qleven.ports.shared.out.Transactions;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads a chain in pages, each in a short unit of work of the chain's center, so that verifying a
 * long chain holds no lock and no transaction open.
 */
final class ChainReader {
    static final int PAGE = 1000;
    /** Rounds of "read to the end, then read the head" before concluding; appends race the reading. */
    private static final int ROUNDS = 5;

    private final Transactions transactions;
    private final AuditLog log;
    private final ChainSigner signer;

    ChainReader(Transactions transactions, AuditLog log, ChainSigner signer) {
        this.transactions = transactions;
        this.log = log;
        this.signer = signer;
    }

    <T> T in(Optional<TenantId> chain, Supplier<T> work) {
        return chain.isPresent() ? transactions.inTenant(chain.get(), work) : transactions.global(work);
    }

    Optional<ChainHead> head(Optional<TenantId> chain) {
        return in(chain, () -> log.head(chain));
    }

    /**
     * Verifies the chain from its first entry. Entry and head commit together, so a head read
     * after the entries were drained names at most entries that the next drain will see; only a
     * head behind or ahead of the entries for good is a break.
     */
    ChainReport verify(Optional<TenantId> chain, Optional<ChainHead> witnessed) {
        ChainCheck check = new ChainCheck(chain, signer::sign).witnessed(witnessed);
        Optional<ChainHead> head = Optional.empty();
        for (int round = 0; round < ROUNDS; round++) {
            drain(chain, check);
            head = head(chain);
            if (check.broken() || head.map(ChainHead::seq).orElse(0L) <= check.position()) {
                break;
            }
        }
        return check.finish(head);
    }

    private void drain(Optional<TenantId> chain, ChainCheck check) {
        while (!check.broken()) {
            long after = check.position();
            List<AuditEntry> page = in(chain, () -> log.read(chain, after, PAGE));
            for (AuditEntry entry : page) {
                if (!check.accept(entry)) {
                    return;
                }
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }
}

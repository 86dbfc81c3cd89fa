package com.qleven.domain.audit;

import com.qleven.domain.shared.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Verifies one chain as its entries stream past in sequence order, without holding them: each
 * entry must follow the one before (no gap), link to its hash, and carry the HMAC of that hash and
 * its own canonical encoding. At the end the head row must name the last entry, and every head
 * witnessed outside the database must be an entry of the chain. An entry the sealer wrote for an
 * appended event it found deleted before sealing ({@link AuditCanonical#LOST_ACTION}) is a gap at
 * its place. The first break found is the
 * answer; what follows it is not checked.
 */
public final class ChainCheck {
    private final Optional<TenantId> chain;
    private final BiFunction<ChainHash, byte[], ChainHash> hmac;
    private long lastSeq;
    private ChainHash lastHash = ChainHash.GENESIS;
    private long verified;
    private Optional<Long> brokenAt = Optional.empty();
    private Optional<ChainBreak> reason = Optional.empty();
    private Optional<ChainHead> witnessed = Optional.empty();
    private boolean witnessSeen;

    /** @param hmac the chain's keyed hash of the previous hash and an entry's canonical bytes */
    public ChainCheck(Optional<TenantId> chain, BiFunction<ChainHash, byte[], ChainHash> hmac) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.hmac = Objects.requireNonNull(hmac, "hmac");
    }

    /** The head last written outside the database for this chain, to be found among the entries. */
    public ChainCheck witnessed(Optional<ChainHead> head) {
        this.witnessed = Objects.requireNonNull(head, "head");
        return this;
    }

    /** The sequence after which the next entries are expected. */
    public long position() {
        return lastSeq;
    }

    public boolean broken() {
        return brokenAt.isPresent();
    }

    /** Checks the next entry; returns false once the chain is broken (later entries are ignored). */
    public boolean accept(AuditEntry entry) {
        if (broken()) {
            return false;
        }
        if (!entry.chain().equals(chain)) {
            throw new IllegalArgumentException("an entry of another chain was read");
        }
        long expected = lastSeq + 1;
        if (entry.seq() != expected || !entry.prevHash().equals(lastHash)) {
            return breakAt(expected, ChainBreak.GAP);
        }
        if (!hmac.apply(entry.prevHash(), AuditCanonical.encode(entry.seq(), entry.event())).equals(entry.hash())) {
            return breakAt(entry.seq(), ChainBreak.HASH_MISMATCH);
        }
        if (entry.event().action().equals(AuditCanonical.LOST_ACTION)) {
            // The sealer found an appended event gone before it could seal it: a removed entry.
            return breakAt(entry.seq(), ChainBreak.GAP);
        }
        if (witnessed.isPresent() && witnessed.get().seq() == entry.seq()) {
            if (!witnessed.get().hash().equals(entry.hash())) {
                return breakAt(entry.seq(), ChainBreak.WITNESS_MISMATCH);
            }
            witnessSeen = true;
        }
        lastSeq = entry.seq();
        lastHash = entry.hash();
        verified++;
        return true;
    }

    /** The report, once every entry was offered; {@code head} is the chain's head row, if it has one. */
    public ChainReport finish(Optional<ChainHead> head) {
        if (!broken()) {
            ChainHead actual = head.orElse(ChainHead.empty(chain));
            if (actual.seq() != lastSeq || !actual.hash().equals(lastHash)) {
                // The first entry the head and the entries disagree on: past the last entry when
                // entries were cut off, past the head when it was moved back, the last entry itself
                // when only its hash differs.
                long at = actual.seq() > lastSeq ? lastSeq + 1
                        : actual.seq() < lastSeq ? actual.seq() + 1 : lastSeq;
                breakAt(at, ChainBreak.HEAD_MISMATCH);
            } else if (witnessed.isPresent() && witnessed.get().seq() > 0 && !witnessSeen) {
                breakAt(lastSeq + 1, ChainBreak.WITNESS_MISMATCH);
            }
        }
        return new ChainReport(chain, verified, brokenAt, reason);
    }

    private boolean breakAt(long seq, ChainBreak why) {
        brokenAt = Optional.of(seq);
        reason = Optional.of(why);
        return false;
    }
}

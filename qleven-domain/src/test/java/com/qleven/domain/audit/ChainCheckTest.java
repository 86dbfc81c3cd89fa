package com.qleven.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.domain.shared.TenantId;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class ChainCheckTest {
    private static final Optional<TenantId> CHAIN = Optional.of(new TenantId(UUID.randomUUID()));
    /** A stand-in for the keyed hash: the check only needs a function of the previous hash and the entry. */
    private static final BiFunction<ChainHash, byte[], ChainHash> HMAC = (prev, entry) -> {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prev.bytes());
            return ChainHash.of(sha.digest(entry));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    };

    private static AuditEvent event(int i) {
        return new AuditEvent(CHAIN, Optional.empty(), Optional.empty(), "client.read", "client", Optional.empty(),
                "read " + i, 1, Instant.EPOCH.plusSeconds(i));
    }

    private static List<AuditEntry> chain(int length) {
        List<AuditEntry> entries = new ArrayList<>();
        ChainHash prev = ChainHash.GENESIS;
        for (int seq = 1; seq <= length; seq++) {
            AuditEvent e = event(seq);
            ChainHash hash = HMAC.apply(prev, AuditCanonical.encode(seq, e));
            entries.add(new AuditEntry(seq, e, prev, hash));
            prev = hash;
        }
        return entries;
    }

    private static ChainHead headOf(List<AuditEntry> entries) {
        AuditEntry last = entries.get(entries.size() - 1);
        return new ChainHead(CHAIN, last.seq(), last.hash());
    }

    private static ChainReport check(List<AuditEntry> entries, Optional<ChainHead> head, Optional<ChainHead> witnessed) {
        ChainCheck check = new ChainCheck(CHAIN, HMAC).witnessed(witnessed);
        entries.forEach(check::accept);
        return check.finish(head);
    }

    @Test
    void anIntactChainVerifiesEveryEntry() {
        List<AuditEntry> entries = chain(5);
        assertThat(check(entries, Optional.of(headOf(entries)), Optional.of(headOf(entries.subList(0, 3)))))
                .isEqualTo(new ChainReport(CHAIN, 5, Optional.empty(), Optional.empty()));
        assertThat(check(List.of(), Optional.empty(), Optional.empty()).intact()).isTrue();
    }

    @Test
    void anAlteredEntryBreaksAtItself() {
        List<AuditEntry> entries = new ArrayList<>(chain(5));
        AuditEntry third = entries.get(2);
        AuditEvent e = third.event();
        entries.set(2, new AuditEntry(3, new AuditEvent(e.tenant(), e.actor(), e.session(), e.action(),
                e.subjectType(), e.subjectId(), e.purpose(), 99, e.at()), third.prevHash(), third.hash()));
        ChainReport report = check(entries, Optional.of(headOf(entries)), Optional.empty());
        assertThat(report.brokenAt()).contains(3L);
        assertThat(report.reason()).contains(ChainBreak.HASH_MISMATCH);
        assertThat(report.verified()).isEqualTo(2);
    }

    @Test
    void aMissingEntryIsAGapAtItsSequence() {
        List<AuditEntry> entries = new ArrayList<>(chain(5));
        entries.remove(1);
        ChainReport report = check(entries, Optional.of(headOf(entries)), Optional.empty());
        assertThat(report.brokenAt()).contains(2L);
        assertThat(report.reason()).contains(ChainBreak.GAP);
    }

    @Test
    void theHeadMustNameTheLastEntry() {
        List<AuditEntry> entries = chain(5);
        ChainReport cut = check(entries.subList(0, 3), Optional.of(headOf(entries)), Optional.empty());
        assertThat(cut.brokenAt()).contains(4L);
        assertThat(cut.reason()).contains(ChainBreak.HEAD_MISMATCH);
        ChainReport movedBack = check(entries, Optional.of(headOf(entries.subList(0, 2))), Optional.empty());
        assertThat(movedBack.brokenAt()).contains(3L);
        ChainReport noHead = check(entries, Optional.empty(), Optional.empty());
        assertThat(noHead.brokenAt()).contains(1L);
        assertThat(noHead.reason()).contains(ChainBreak.HEAD_MISMATCH);
    }

    @Test
    void aWitnessedHeadMustBeInTheChain() {
        List<AuditEntry> entries = chain(5);
        List<AuditEntry> cut = entries.subList(0, 3);
        ChainReport report = check(cut, Optional.of(headOf(cut)), Optional.of(headOf(entries)));
        assertThat(report.brokenAt()).contains(4L);
        assertThat(report.reason()).contains(ChainBreak.WITNESS_MISMATCH);

        List<AuditEntry> rewritten = chain(3);
        ChainHead otherHistory = new ChainHead(CHAIN, 2, HMAC.apply(ChainHash.GENESIS, new byte[] {9}));
        ChainReport diverged = check(rewritten, Optional.of(headOf(rewritten)), Optional.of(otherHistory));
        assertThat(diverged.brokenAt()).contains(2L);
        assertThat(diverged.reason()).contains(ChainBreak.WITNESS_MISMATCH);
    }

    @Test
    void anEntryTheSealerMarkedLostIsAGapAtItsPlaceThoughItsHashIsRight() {
        List<AuditEntry> entries = new ArrayList<>(chain(2));
        AuditEvent lost = new AuditEvent(CHAIN, Optional.empty(), Optional.empty(), AuditCanonical.LOST_ACTION,
                "audit_event", Optional.empty(), "append 42", 0, Instant.EPOCH);
        ChainHash prev = entries.get(1).hash();
        entries.add(new AuditEntry(3, lost, prev, HMAC.apply(prev, AuditCanonical.encode(3, lost))));
        ChainReport report = check(entries, Optional.of(headOf(entries)), Optional.empty());
        assertThat(report.brokenAt()).contains(3L);
        assertThat(report.reason()).contains(ChainBreak.GAP);
        assertThat(report.verified()).isEqualTo(2);
    }
}

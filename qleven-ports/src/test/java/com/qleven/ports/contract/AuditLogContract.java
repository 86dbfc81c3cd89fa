package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.application.audit.ChainedAuditTrail;
import com.qleven.application.audit.SealAuditTrailService;
import com.qleven.application.audit.SecurityWatch;
import com.qleven.application.audit.VerifyAuditTrailService;
import com.qleven.domain.audit.AuditCanonical;
import com.qleven.domain.audit.AuditEntry;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.audit.AuditRecord;
import com.qleven.domain.audit.BurstPolicy;
import com.qleven.domain.audit.ChainBreak;
import com.qleven.domain.audit.ChainHash;
import com.qleven.domain.audit.ChainHead;
import com.qleven.domain.audit.ChainReport;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.audit.out.AuditHeadWitness;
import com.qleven.ports.audit.out.AuditLog;
import com.qleven.ports.audit.out.ChainSigner;
import com.qleven.ports.audit.out.DueAppend;
import com.qleven.ports.audit.out.SealedAppend;
import com.qleven.ports.testing.MemoryHeadWitness;
import com.qleven.ports.testing.TestChainSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@code AuditLog} promises, and that the chained trail on top of it stays one unbroken
 * chain under concurrent writers while any rewrite, removal or cut of its entries is found at the
 * entry where it happened.
 */
public abstract class AuditLogContract {
    private final ChainSigner signer = new TestChainSigner();

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    /** Changes the purpose of a stored entry under the port, as someone writing the database would. */
    protected abstract void rewritePurpose(Optional<TenantId> chain, long seq, String purpose);

    /** Removes stored entries under the port, {@code from} to {@code to} inclusive. */
    protected abstract void deleteEntries(Optional<TenantId> chain, long from, long to);

    /** Sets a chain's head under the port. */
    protected abstract void forceHead(ChainHead head);

    /** Removes an appended event not yet sealed under the port, leaving its due mark. */
    protected abstract void deleteUnsealed(Optional<TenantId> chain, long appendId);

    private SealAuditTrailService sealer() {
        return new SealAuditTrailService(store().shared().transactions(), store().audit().auditLog(), signer,
                Clock.fixed(T0, ZoneOffset.UTC));
    }

    private int seal(Optional<TenantId> chain) {
        return sealer().seal(chain);
    }

    private AuditLog log() {
        return store().audit().auditLog();
    }

    private <T> T in(Optional<TenantId> chain, Supplier<T> work) {
        return chain.isPresent()
                ? store().shared().transactions().inTenant(chain.get(), work)
                : store().shared().transactions().global(work);
    }

    private ChainedAuditTrail trail() {
        return new ChainedAuditTrail(store().shared().transactions(), log(),
                new SecurityWatch(alert -> { }, BurstPolicy.CLIENT_READS, BurstPolicy.FAILED_SIGN_INS));
    }

    private static AuditEvent event(Optional<TenantId> chain, String purpose, Instant at) {
        return new AuditEvent(chain, Optional.of(new UserId(UUID.randomUUID())), Optional.of(UUID.randomUUID()),
                "client.read", "client", Optional.of(UUID.randomUUID()), purpose, 1, at);
    }

    private Optional<TenantId> newChain() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        return Optional.of(tenant);
    }

    private List<AuditEntry> record(Optional<TenantId> chain, int count) {
        ChainedAuditTrail trail = trail();
        for (int i = 0; i < count; i++) {
            trail.record(event(chain, "front desk lookup " + i, T0.plus(Duration.ofSeconds(i))));
        }
        seal(chain);
        return in(chain, () -> log().read(chain, 0, 10_000));
    }

    private ChainReport verify(Optional<TenantId> chain, AuditHeadWitness witness) {
        return new VerifyAuditTrailService(store().shared().transactions(), store().audit().auditLog(), signer,
                witness, sealer()).verifyAll().stream()
                .filter(r -> r.chain().equals(chain)).findFirst().orElseThrow();
    }

    private ChainReport verify(Optional<TenantId> chain) {
        return verify(chain, AuditHeadWitness.NONE);
    }

    @Test
    void theFirstClaimCreatesAnEmptyHeadAndListsTheCenter() {
        Optional<TenantId> chain = newChain();
        assertThat(in(chain, () -> log().head(chain))).isEmpty();
        ChainHead head = in(chain, () -> log().claimHead(chain)).orElseThrow();
        assertThat(head).isEqualTo(ChainHead.empty(chain));
        assertThat(in(chain, () -> log().head(chain))).contains(head);
        List<TenantId> listed = new ArrayList<>();
        Optional<TenantId> after = Optional.empty();
        List<TenantId> page;
        do {
            Optional<TenantId> from = after;
            page = store().shared().transactions().global(() -> log().centerChains(from, 100));
            listed.addAll(page);
            after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1));
        } while (page.size() == 100);
        assertThat(listed).contains(chain.get()).doesNotHaveDuplicates();
    }

    @Test
    void entriesComeBackAsRecordedInBothOrders() {
        Optional<TenantId> chain = newChain();
        List<AuditEntry> entries = record(chain, 5);
        assertThat(entries).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(entries.get(0).prevHash()).isEqualTo(ChainHash.GENESIS);
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).prevHash()).isEqualTo(entries.get(i - 1).hash());
        }
        AuditEvent third = entries.get(2).event();
        assertThat(third.purpose()).isEqualTo("front desk lookup 2");
        assertThat(third.at()).isEqualTo(AuditCanonical.micros(T0.plus(Duration.ofSeconds(2))));
        assertThat(third.tenant()).isEqualTo(chain);
        assertThat(in(chain, () -> log().read(chain, 2, 2))).extracting(AuditEntry::seq).containsExactly(3L, 4L);
        List<AuditRecord> newest = in(chain, () -> log().readNewestFirst(chain, Long.MAX_VALUE, 2));
        assertThat(newest).extracting(AuditRecord::seq).containsExactly(Optional.of(5L), Optional.of(4L));
        assertThat(in(chain, () -> log().readNewestFirst(chain, newest.get(1).id(), 10)))
                .extracting(AuditRecord::seq).containsExactly(Optional.of(3L), Optional.of(2L), Optional.of(1L));
        assertThat(in(chain, () -> log().head(chain))).contains(new ChainHead(chain, 5, entries.get(4).hash()));
    }

    @Test
    void anEntryRecordedInAUnitThatFailsLeavesNoTrace() {
        Optional<TenantId> chain = newChain();
        record(chain, 1);
        assertThatThrownBy(() -> store().shared().transactions().inTenant(chain.get(), () -> {
            trail().record(event(chain, "rolled back", T0));
            throw new IllegalStateException("the use case fails after recording");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(in(chain, () -> log().read(chain, 0, 10))).hasSize(1);
        assertThat(in(chain, () -> log().head(chain))).map(ChainHead::seq).contains(1L);
        assertThat(verify(chain).intact()).isTrue();
    }

    @Test
    void aSequenceIsTakenOnceAndAnEventSealedOnce() {
        Optional<TenantId> chain = newChain();
        AuditEntry first = record(chain, 1).get(0);
        trail().record(event(chain, "another", T0));
        long id = in(chain, () -> log().due(chain, 10)).get(0).id();
        assertThatThrownBy(() -> in(chain, () -> {
            log().seal(id, first);
            return null;
        })).as("the place is taken").isInstanceOf(RuntimeException.class);
        seal(chain);
        assertThatThrownBy(() -> in(chain, () -> {
            log().seal(id, new AuditEntry(9, first.event(), first.hash(), first.hash()));
            return null;
        })).as("the event is sealed").isInstanceOf(RuntimeException.class);
        assertThat(verify(chain).verified()).isEqualTo(2);
    }

    @Test
    void anAppendedEventIsListedBeforeItIsSealedAndNotReadAsAChainEntry() {
        Optional<TenantId> chain = newChain();
        record(chain, 1);
        trail().record(event(chain, "not yet sealed", T0));
        List<AuditRecord> listed = in(chain, () -> log().readNewestFirst(chain, Long.MAX_VALUE, 10));
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).sealed()).isFalse();
        assertThat(listed.get(0).event().purpose()).isEqualTo("not yet sealed");
        assertThat(in(chain, () -> log().read(chain, 0, 10))).hasSize(1);
        assertThat(in(chain, () -> log().due(chain, 10))).hasSize(1);
        assertThat(seal(chain)).isEqualTo(1);
        assertThat(seal(chain)).as("nothing is sealed twice").isZero();
        assertThat(in(chain, () -> log().readNewestFirst(chain, Long.MAX_VALUE, 10)).get(0).seq()).contains(2L);
        assertThat(in(chain, () -> log().due(chain, 10))).isEmpty();
    }

    @Test
    void anEventDeletedBeforeItWasSealedIsFoundAtThePlaceItWouldHaveHad() {
        Optional<TenantId> chain = newChain();
        record(chain, 2);
        trail().record(event(chain, "to be deleted", T0));
        trail().record(event(chain, "kept", T0));
        long deleted = in(chain, () -> log().due(chain, 10)).get(0).id();
        deleteUnsealed(chain, deleted);
        assertThat(seal(chain)).isEqualTo(2);
        ChainReport report = verify(chain);
        assertThat(report.brokenAt()).contains(3L);
        assertThat(report.reason()).contains(ChainBreak.GAP);
        assertThat(report.verified()).isEqualTo(2);
    }

    @Test
    void aRolledBackAppendIsNeitherDueNorSealed() {
        Optional<TenantId> chain = newChain();
        assertThatThrownBy(() -> store().shared().transactions().inTenant(chain.get(), () -> {
            trail().record(event(chain, "rolled back", T0));
            throw new IllegalStateException("the use case fails after recording");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(in(chain, () -> log().due(chain, 10))).isEmpty();
        assertThat(store().shared().transactions().global(() -> log().centersDue(10_000))).doesNotContain(chain.get());
        record(chain, 1);
        assertThat(verify(chain)).isEqualTo(new ChainReport(chain, 1, Optional.empty(), Optional.empty()));
    }

    @Test
    void aCentersChainIsInvisibleAndUnwritableFromAnotherCenter() {
        Optional<TenantId> chain = newChain();
        Optional<TenantId> other = newChain();
        AuditEntry entry = record(chain, 2).get(1);
        assertThat(in(other, () -> log().read(chain, 0, 10))).isEmpty();
        assertThat(in(other, () -> log().readNewestFirst(chain, Long.MAX_VALUE, 10))).isEmpty();
        assertThat(in(other, () -> log().head(chain))).isEmpty();
        assertThatThrownBy(() -> in(other, () -> {
            log().append(entry.event());
            return null;
        })).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> in(other, () -> {
            log().seal(1, new AuditEntry(3, entry.event(), entry.hash(), entry.hash()));
            return null;
        })).isInstanceOf(RuntimeException.class);
        assertThat(in(other, () -> log().due(chain, 10))).isEmpty();
        assertThat(in(chain, () -> log().read(chain, 0, 10))).hasSize(2);
    }

    @Test
    void aBatchIsAppendedInOrderInItsChainsAndSealedInOneGo() {
        Optional<TenantId> chain = newChain();
        Optional<TenantId> other = newChain();
        record(chain, 1);
        trail().recordAll(List.of(event(chain, "batch 0", T0), event(chain, "batch 1", T0),
                event(chain, "batch 2", T0)));
        assertThat(in(chain, () -> log().due(chain, 10))).extracting(d -> d.event().orElseThrow().purpose())
                .containsExactly("batch 0", "batch 1", "batch 2");
        assertThat(seal(chain)).isEqualTo(3);
        assertThat(in(chain, () -> log().read(chain, 0, 10))).extracting(e -> e.event().purpose())
                .containsExactly("front desk lookup 0", "batch 0", "batch 1", "batch 2");
        assertThat(verify(chain)).isEqualTo(new ChainReport(chain, 4, Optional.empty(), Optional.empty()));

        assertThatThrownBy(() -> store().shared().transactions().inTenant(chain.get(), () -> {
            trail().recordAll(List.of(event(chain, "rolled back 0", T0), event(chain, "rolled back 1", T0)));
            throw new IllegalStateException("the use case fails after recording");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(in(chain, () -> log().due(chain, 10))).as("a rolled-back batch").isEmpty();

        trail().recordAll(List.of(event(chain, "mixed a", T0), event(other, "mixed b", T0),
                event(chain, "mixed c", T0)));
        assertThat(in(chain, () -> log().due(chain, 10))).extracting(d -> d.event().orElseThrow().purpose())
                .containsExactly("mixed a", "mixed c");
        assertThat(in(other, () -> log().due(other, 10))).extracting(d -> d.event().orElseThrow().purpose())
                .containsExactly("mixed b");
        assertThatThrownBy(() -> in(chain, () -> {
            log().appendAll(List.of(event(chain, "one", T0), event(other, "another chain", T0)));
            return null;
        })).isInstanceOf(IllegalArgumentException.class);

        long before = store().shared().transactions().global(() -> log().head(Optional.empty())).map(ChainHead::seq).orElse(0L);
        trail().recordAll(List.of(event(Optional.empty(), "platform 0", T0), event(Optional.empty(), "platform 1", T0)));
        seal(Optional.empty());
        assertThat(store().shared().transactions().global(() -> log().read(Optional.empty(), before, 10)))
                .extracting(e -> e.event().purpose()).containsExactly("platform 0", "platform 1");
        // The platform's chain holds other tests' entries, signed under their own keys: the batch's
        // own links are checked here.
        List<AuditEntry> sealed = store().shared().transactions().global(() -> log().read(Optional.empty(), before, 10));
        assertThat(sealed.get(1).prevHash()).isEqualTo(sealed.get(0).hash());
        sealed.forEach(e -> assertThat(signer.sign(e.prevHash(), AuditCanonical.encode(e.seq(), e.event())))
                .isEqualTo(e.hash()));
    }

    @Test
    void aBatchSealIsAllOrNone() {
        Optional<TenantId> chain = newChain();
        AuditEntry first = record(chain, 1).get(0);
        trail().record(event(chain, "second", T0));
        trail().record(event(chain, "third", T0));
        List<Long> due = in(chain, () -> log().due(chain, 10)).stream().map(d -> d.id()).toList();
        AuditEntry free = new AuditEntry(2, first.event(), first.hash(), first.hash());
        assertThatThrownBy(() -> in(chain, () -> {
            log().sealAll(List.of(new SealedAppend(due.get(0), free), new SealedAppend(due.get(1), first)));
            return null;
        })).as("the second place is taken").isInstanceOf(RuntimeException.class);
        assertThat(in(chain, () -> log().due(chain, 10))).as("neither was sealed").hasSize(2);
        assertThat(in(chain, () -> log().read(chain, 0, 10))).hasSize(1);
        assertThat(seal(chain)).isEqualTo(2);
        assertThat(verify(chain).intact()).isTrue();
    }

    @Test
    void thePlatformsChainIsSeparateFromTheCenters() {
        Optional<TenantId> center = newChain();
        record(center, 1);
        long before = store().shared().transactions().global(() -> log().head(Optional.empty())).map(ChainHead::seq)
                .orElse(0L);
        trail().record(event(Optional.empty(), "operator created", T0));
        seal(Optional.empty());
        List<AuditEntry> platform = store().shared().transactions()
                .global(() -> log().read(Optional.empty(), before, 10));
        assertThat(platform).hasSize(1);
        assertThat(platform.get(0).seq()).isEqualTo(before + 1);
        assertThat(platform.get(0).chain()).isEmpty();
        assertThat(in(center, () -> log().read(center, 0, 10))).hasSize(1);
        assertThat(verify(Optional.empty()).intact()).isTrue();
    }

    /**
     * Eight writers append, every third unit of work rolling back after its event, while two
     * sealers run side by side: afterwards the chain verifies, and every committed event is sealed
     * exactly once (the sealed purposes are exactly the committed ones, none twice).
     */
    @Test
    void eightConcurrentWritersWithRollbacksAndTwoSealersLeaveOneUnbrokenChain() throws Exception {
        Optional<TenantId> chain = newChain();
        int writers = 8;
        int each = 40;
        ChainedAuditTrail trail = trail();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        CountDownLatch start = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.Set<String> committed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        String purpose = "writer " + writer + " read " + i;
                        Instant at = T0.plusMillis(i);
                        if (i % 3 == 2) {
                            try {
                                store().shared().transactions().inTenant(chain.get(), () -> {
                                    trail.record(event(chain, purpose, at));
                                    throw new IllegalStateException("rolled back");
                                });
                            } catch (IllegalStateException expected) {
                                // the event goes with the unit of work
                            }
                        } else {
                            trail.record(event(chain, purpose, at));
                            committed.add(purpose);
                        }
                    }
                    return null;
                }));
            }
            List<Future<?>> sealers = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                sealers.add(pool.submit(() -> {
                    start.await();
                    while (writing.get()) {
                        seal(chain);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<?> f : sealers) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        seal(chain);
        ChainReport report = verify(chain);
        assertThat(report.intact()).as("%s", report).isTrue();
        List<String> sealed = in(chain, () -> log().read(chain, 0, 10_000)).stream()
                .map(e -> e.event().purpose()).toList();
        assertThat(sealed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(committed);
        assertThat(report.verified()).isEqualTo(committed.size());
        assertThat(in(chain, () -> log().due(chain, 10))).isEmpty();
    }

    /**
     * The control: what a sealer that reads the last hash without claiming the head leaves behind
     * when another sealer races it — two entries linking to the same predecessor — is found.
     */
    @Test
    void controlAForkedChainIsFound() {
        Optional<TenantId> chain = newChain();
        record(chain, 3);
        ChainHead stale = in(chain, () -> log().head(chain)).orElseThrow();
        record(chain, 1);
        trail().record(event(chain, "forked", T0));
        in(chain, () -> {
            log().claimHead(chain);
            DueAppend racer = log().due(chain, 1).get(0);
            long seq = stale.seq() + 2;
            ChainHash hash = signer.sign(stale.hash(), AuditCanonical.encode(seq, racer.event().orElseThrow()));
            log().seal(racer.id(), new AuditEntry(seq, racer.event().orElseThrow(), stale.hash(), hash));
            log().moveHead(new ChainHead(chain, seq, hash));
            return null;
        });
        ChainReport report = verify(chain);
        assertThat(report.brokenAt()).contains(5L);
        assertThat(report.reason()).contains(ChainBreak.GAP);
        assertThat(report.verified()).isEqualTo(4);
    }

    @Test
    void anIntactChainVerifies() {
        Optional<TenantId> chain = newChain();
        record(chain, 7);
        ChainReport report = verify(chain);
        assertThat(report).isEqualTo(new ChainReport(chain, 7, Optional.empty(), Optional.empty()));
    }

    @Test
    void aRewrittenEntryIsFoundAtItsSequence() {
        Optional<TenantId> chain = newChain();
        record(chain, 6);
        rewritePurpose(chain, 4, "nothing to see here");
        ChainReport report = verify(chain);
        assertThat(report.brokenAt()).contains(4L);
        assertThat(report.reason()).contains(ChainBreak.HASH_MISMATCH);
        assertThat(report.verified()).isEqualTo(3);
    }

    @Test
    void aRemovedEntryIsFoundAtItsSequence() {
        Optional<TenantId> chain = newChain();
        record(chain, 6);
        deleteEntries(chain, 3, 3);
        ChainReport report = verify(chain);
        assertThat(report.brokenAt()).contains(3L);
        assertThat(report.reason()).contains(ChainBreak.GAP);
    }

    @Test
    void cutLastEntriesAreFoundAgainstTheHead() {
        Optional<TenantId> chain = newChain();
        record(chain, 6);
        deleteEntries(chain, 5, 6);
        ChainReport report = verify(chain);
        assertThat(report.brokenAt()).contains(5L);
        assertThat(report.reason()).contains(ChainBreak.HEAD_MISMATCH);
        assertThat(report.verified()).isEqualTo(4);
    }

    /** Cutting the last entries and moving the head back leaves a chain consistent in itself. */
    @Test
    void cutLastEntriesWithTheHeadMovedBackAreFoundOnlyAgainstTheWitness() {
        Optional<TenantId> chain = newChain();
        List<AuditEntry> entries = record(chain, 6);
        MemoryHeadWitness witness = new MemoryHeadWitness();
        witness.witness(List.of(in(chain, () -> log().head(chain)).orElseThrow()));
        deleteEntries(chain, 5, 6);
        forceHead(new ChainHead(chain, 4, entries.get(3).hash()));

        assertThat(verify(chain, AuditHeadWitness.NONE).intact()).as("without a witness the cut is invisible").isTrue();
        ChainReport report = verify(chain, witness);
        assertThat(report.brokenAt()).contains(5L);
        assertThat(report.reason()).contains(ChainBreak.WITNESS_MISMATCH);
    }

    @Test
    void aChainOnlyTheWitnessKnowsFailsVerification() {
        TenantId gone = newTenant();
        MemoryHeadWitness witness = new MemoryHeadWitness();
        witness.witness(List.of(new ChainHead(Optional.of(gone), 3, new TestChainSigner().sign(ChainHash.GENESIS,
                new byte[] {1}))));
        ChainReport report = verify(Optional.of(gone), witness);
        assertThat(report.brokenAt()).contains(1L);
        assertThat(report.reason()).contains(ChainBreak.WITNESS_MISMATCH);
    }
}

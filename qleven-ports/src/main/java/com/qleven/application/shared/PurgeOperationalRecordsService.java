package com.qleven.application.shared;

import com.qleven.domain.shared.TenantId;
import com.qleven.ports.scheduling.out.ManageLinks;
import com.qleven.ports.shared.in.PurgeOperationalRecords;
import com.qleven.ports.shared.out.IdempotencyRecords;
import com.qleven.ports.shared.out.OperationalRecords;
import com.qleven.ports.shared.out.RateLimits;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Purges the operational tables at their ages (see {@link PurgeOperationalRecords}). The global
 * tables (the directory's tokens, rate-limit events, the operators' sessions and idempotency
 * records) go by range, {@value #BATCH} rows a unit of work. A center's own rows (its session log and
 * idempotency records) are visible only inside that center's unit of work, so the centers with rows
 * due are found in a narrow global queue, claimed with {@code FOR UPDATE SKIP LOCKED} under a lease,
 * and purged one unit of work per due center; the same unit sets when the center is next due. No
 * loop over every center looks for work.
 */
public final class PurgeOperationalRecordsService implements PurgeOperationalRecords {
    /** The session log, with its sealed IP address and user agent, is kept this long after the session is over. */
    public static final Period SESSION_LOG = Period.ofMonths(12);
    /** Rate-limit events: far longer than the longest window counted (one hour). */
    public static final Duration RATE_EVENTS = Duration.ofHours(24);
    /** Rows deleted per statement and unit of work, so that no purge holds locks on a large range. */
    static final int BATCH = 1000;
    /** A claimed center is retried by another run after this long if the run that claimed it died. */
    static final Duration LEASE = Duration.ofMinutes(5);

    private final Transactions transactions;
    private final OperationalRecords operational;
    private final IdempotencyRecords idempotency;
    private final RateLimits rateLimits;
    private final ManageLinks manageLinks;
    private final Clock clock;

    public PurgeOperationalRecordsService(Transactions transactions, OperationalRecords operational,
                                          IdempotencyRecords idempotency, RateLimits rateLimits,
                                          ManageLinks manageLinks, Clock clock) {
        this.transactions = transactions;
        this.operational = operational;
        this.idempotency = idempotency;
        this.rateLimits = rateLimits;
        this.manageLinks = manageLinks;
        this.clock = clock;
    }

    /** The instant before which a session must have been over for its log to go. */
    static Instant sessionLogCutoff(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minus(SESSION_LOG).toInstant();
    }

    /** Runs a batched delete in units of work of its own until a batch comes back short; the total. */
    private int inBatches(java.util.function.IntUnaryOperator batch) {
        int total = 0;
        int removed;
        do {
            removed = transactions.global(() -> batch.applyAsInt(BATCH));
            total += removed;
        } while (removed == BATCH);
        return total;
    }

    @Override
    public PurgeReport purge(int centerBatch) {
        if (centerBatch < 1) {
            throw new IllegalArgumentException("centerBatch must be at least 1");
        }
        Instant now = clock.instant();
        Instant sessionCutoff = sessionLogCutoff(now);
        Instant idempotencyCutoff = now.minus(Idempotency.LIFETIME);
        Map<String, Integer> removed = new LinkedHashMap<>();
        removed.put("directory.session_tokens", inBatches(n -> operational.forgetSessionTokensExpiredBefore(now, n)));
        removed.put("directory.invitation_tokens",
                inBatches(n -> operational.forgetInvitationTokensExpiredBefore(now, n)));
        removed.put("directory.membership_tokens",
                inBatches(n -> operational.forgetMembershipTokensExpiredBefore(now, n)));
        removed.put("directory.password_reset_tokens", inBatches(n -> operational.forgetResetTokensExpiredBefore(now, n)));
        removed.put("directory.manage_link_tokens", inBatches(n -> manageLinks.removeExpired(now, n)));
        removed.put("directory.rate_events",
                transactions.global(() -> rateLimits.forgetBefore(now.minus(RATE_EVENTS))));
        removed.put("public.platform_sessions",
                inBatches(n -> operational.forgetSessionsOverBefore(Optional.empty(), sessionCutoff, n)));
        removed.put("public.platform_idempotency_records",
                inBatches(n -> idempotency.forgetBefore(Optional.empty(), idempotencyCutoff, n)));
        List<TenantId> due = transactions.global(() -> operational.claimDue(now, now.plus(LEASE), centerBatch));
        int sessions = 0;
        int records = 0;
        for (TenantId center : due) {
            int[] counts = transactions.inTenant(center, () -> {
                int s = operational.forgetSessionsOverBefore(Optional.of(center), sessionCutoff, BATCH);
                int r = idempotency.forgetBefore(Optional.of(center), idempotencyCutoff, BATCH);
                // Next due: at once when a batch came back full; else the first of the remaining rows'
                // ages, and at most a lifetime of an idempotency record away, so that a record saved
                // meanwhile (whose insert into the queue found the center there) is never left behind.
                Instant next = s == BATCH || r == BATCH ? now : Stream.of(
                                Optional.of(now.plus(Idempotency.LIFETIME)),
                                idempotency.oldest(center).map(at -> at.plus(Idempotency.LIFETIME)),
                                operational.firstSessionOver(center)
                                        .map(at -> at.atOffset(ZoneOffset.UTC).plus(SESSION_LOG).toInstant()))
                        .flatMap(Optional::stream)
                        .min(Instant::compareTo)
                        .orElseThrow();
                operational.reschedule(center, next);
                return new int[] {s, r};
            });
            sessions += counts[0];
            records += counts[1];
        }
        removed.put("public.sessions", sessions);
        removed.put("public.idempotency_records", records);
        return new PurgeReport(removed, due.size());
    }
}

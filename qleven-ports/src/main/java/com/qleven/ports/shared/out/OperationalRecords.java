package com.qleven.ports.shared.out;

import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Housekeeping of the operational tables, {@code limit} rows a call at most (callers commit a
 * batch at a time and call again while a batch comes back full): sign-in tokens and single-use links past their expiry,
 * and the session log past its retention; and the narrow global queue of centers that have rows
 * to purge, since a center's rows are only visible inside that center's unit of work. Every call
 * joins the unit of work open on the thread.
 */
public interface OperationalRecords {

    /** Deletes the directory's sign-in tokens whose absolute expiry is before the cutoff. */
    int forgetSessionTokensExpiredBefore(Instant cutoff, int limit);

    /** Deletes the directory's invitation tokens that expired before the cutoff (used ones are gone already). */
    int forgetInvitationTokensExpiredBefore(Instant cutoff, int limit);

    /**
     * Deletes the directory's links to accept a membership that expired before the cutoff (answered
     * ones are gone already; the pending membership itself stays, to be answered signed in).
     */
    int forgetMembershipTokensExpiredBefore(Instant cutoff, int limit);

    /** Deletes the directory's password-reset tokens that expired before the cutoff (used ones are gone already). */
    int forgetResetTokensExpiredBefore(Instant cutoff, int limit);

    /**
     * Deletes the sessions, with their sealed IP address and user agent, that were over (ended, or
     * past their absolute expiry) before the cutoff: a center's, inside its unit of work, or the
     * platform operators' (empty).
     */
    int forgetSessionsOverBefore(Optional<TenantId> tenant, Instant cutoff, int limit);

    /** When the center's session that was over first was over. */
    Optional<Instant> firstSessionOver(TenantId tenant);

    /**
     * Notes that the center has rows to purge from {@code at} on. A center already queued keeps its
     * time and takes no lock, so a busy center's requests never queue behind each other here.
     */
    void markDue(TenantId tenant, Instant at);

    /**
     * Claims up to {@code limit} centers due at {@code now}, skipping those another host holds, and
     * leases them until {@code leaseUntil} so that a crashed run is retried after the lease.
     */
    List<TenantId> claimDue(Instant now, Instant leaseUntil, int limit);

    /** Sets when the center is next due. */
    void reschedule(TenantId tenant, Instant at);
}

package com.qleven.ports.scheduling.out;

import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The narrow global queue of the centers that hold an open waitlist offer, each with the time the
 * earliest of its holds ends: the sweep of lapsed offers finds the centers due in one read, since a
 * center's waitlist is visible only inside that center's unit of work. Center ids and times only.
 *
 * <p>The store keeps it in step with the waitlist itself, in the unit of work of every write that
 * makes, ends or moves an offer (a trigger in PostgreSQL): the center's time is then the earliest
 * expiry of its open offers, and a center with none is not in the queue. Every call joins the unit
 * of work open on the thread.
 */
public interface WaitlistOffersDue {

    /**
     * Claims up to {@code limit} centers whose time is {@code now} or before, earliest first,
     * skipping those another unit holds, and moves their time to {@code leaseUntil}, so that a
     * center whose sweep failed is tried again after the lease rather than at the head of every
     * sweep (a global unit). A center's next write of an offer, or {@link #refresh}, sets its time again.
     */
    List<TenantId> claimDue(Instant now, Instant leaseUntil, int limit);

    /**
     * Sets the center's time from its open offers again (none: out of the queue), inside the center's
     * unit of work: what the sweep does after passing the center's lapsed offers, so that a claimed
     * center whose offers did not change does not wait out its lease.
     */
    void refresh(TenantId tenant);

    /** The center's time in the queue, if it is there (a global read). */
    Optional<Instant> dueAt(TenantId tenant);
}

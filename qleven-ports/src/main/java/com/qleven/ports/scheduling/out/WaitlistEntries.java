package com.qleven.ports.scheduling.out;

import com.qleven.domain.scheduling.FreedSlot;
import com.qleven.domain.scheduling.WaitlistEntry;
import com.qleven.domain.scheduling.WaitlistEntryId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A center's waitlist, in queue order (oldest first, then id), and every offer made from it, so
 * that a lapsed offer of a slot hands that slot to the next waiting client rather than back to the
 * same one. Writes join the unit of work open on the thread.
 */
public interface WaitlistEntries {

    void add(TenantId tenant, WaitlistEntry entry);

    /**
     * Stores the entry's new status and offer; an entry now offered also records its offer, which
     * {@link #firstFor} then passes over for that slot.
     *
     * @return false when the center has no entry of that id
     */
    boolean update(TenantId tenant, WaitlistEntry entry);

    Optional<WaitlistEntry> byId(TenantId tenant, WaitlistEntryId id);

    /**
     * As {@link #byId}, for an answer to the entry (accept, decline, withdraw): in PostgreSQL the row
     * is locked for the unit of work, waiting for a unit that holds it, so two answers to one offer,
     * or an answer and the sweep, never both act on the same status.
     */
    Optional<WaitlistEntry> lock(TenantId tenant, WaitlistEntryId id);

    /** Every entry of the center, in queue order. */
    Page<WaitlistEntry> list(TenantId tenant, PageRequest page);

    /**
     * The first waiting entry (queue order) for the slot's service, whose date window holds
     * {@code day} (the slot's local date in the center) and whose professional is the slot's or any,
     * never one already offered this same slot. In PostgreSQL the row is locked for the unit of
     * work, skipping rows another unit holds, so two cancellations never offer to the same client.
     */
    Optional<WaitlistEntry> firstFor(TenantId tenant, FreedSlot slot, LocalDate day);

    /** The client's entries still waiting or offered, oldest first: what an erasure withdraws. */
    List<WaitlistEntry> openOf(TenantId tenant, com.qleven.domain.clients.ClientId client);

    /** Up to {@code limit} offered entries whose hold ended by {@code now}, locked like {@link #firstFor}. */
    List<WaitlistEntry> lapsedOffers(TenantId tenant, Instant now, int limit);
}

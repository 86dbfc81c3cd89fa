package com.qleven.ports.messaging.out;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.OutboundMessage;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Outbound messages. Every method but {@link #claimDueCenters} works in the center's unit; writes join
 * the caller's unit, so a message commits with its cause or not at all.
 */
public interface Outbox {
    /** Queues (or records skipped) a message in the caller's unit. */
    void add(QueuedMessage message);

    /**
     * Queues (or records skipped) the messages, all of one center, in the caller's unit and in ONE
     * statement whatever their number (a campaign's): a batch is all or nothing.
     */
    void addAll(List<QueuedMessage> messages);

    /**
     * In one statement, how many marketing messages each of {@code clients} has had since {@code since}:
     * those sending, sent (delivered and read too) or uncertain whose latest status came at or after it
     * (a message read later counts a little longer, never shorter). Clients with none are left out.
     */
    java.util.Map<ClientId, Long> marketingSince(TenantId tenant, java.util.Collection<ClientId> clients, Instant since);

    /**
     * The message, its row locked to the caller's commit: whoever reads a message to change it (the
     * dispatcher recording an outcome, a status from Meta, a cancellation skipping a reminder) waits
     * for a change in flight and sees it, so no change overwrites another.
     */
    Optional<QueuedMessage> find(TenantId tenant, OutboundMessageId id);

    /** The message Meta gave that wamid, if it is this center's; locked as {@link #find} locks. */
    Optional<QueuedMessage> findByWamid(TenantId tenant, String wamid);

    /** Stores the message's new fate (status, times, attempts, wamid, failure, skip reason). */
    void update(TenantId tenant, OutboundMessage state);

    /**
     * Up to {@code limit} of the center's queued messages due at {@code now}, oldest due first, locked
     * for the caller's unit with {@code FOR UPDATE SKIP LOCKED}: a message another dispatcher holds is
     * skipped, never waited for. The caller marks each one sending (or skips it) before its unit commits.
     */
    List<QueuedMessage> lockDue(TenantId tenant, Instant now, int limit);

    /**
     * Centers with dispatch work at {@code now} (global unit): a queued message due, or a message still
     * {@code sending} two minutes after it was marked (its host died mid-call: the dispatcher's sweep
     * makes it uncertain). Each is returned once and not again before {@code leaseUntil}, claimed with
     * SKIP LOCKED so hosts side by side share them; any later change of the center's queued or sending
     * messages ends the lease, the center then due again by its messages' times.
     */
    List<TenantId> claimDueCenters(Instant now, Instant leaseUntil, int limit);

    /**
     * The center's messages still {@code sending} since before {@code before}: their outcome is
     * unknown. Locked for the caller, skipping those another unit holds (a dispatcher recording them).
     */
    List<QueuedMessage> sendingSince(TenantId tenant, Instant before, int limit);

    /** The messages of a client, newest first. */
    Page<QueuedMessage> ofClient(TenantId tenant, ClientId client, PageRequest page);

    /** The messages about an appointment, newest first. */
    Page<QueuedMessage> ofAppointment(TenantId tenant, AppointmentId appointment, PageRequest page);

    /** The center's messages left {@code uncertain}, oldest first: what staff must look at. */
    Page<QueuedMessage> uncertain(TenantId tenant, PageRequest page);

    /** Every message of the client (export), oldest first. */
    List<QueuedMessage> allOfClient(TenantId tenant, ClientId client);

    /** Deletes the client's messages that were never sent and forgets the parameters of the rest (erasure); how many rows changed. */
    int eraseClient(TenantId tenant, ClientId client);
}

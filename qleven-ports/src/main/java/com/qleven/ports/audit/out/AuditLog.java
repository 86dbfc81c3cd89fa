package com.qleven.ports.audit.out;

import com.qleven.domain.audit.AuditEntry;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.audit.AuditRecord;
import com.qleven.domain.audit.ChainHead;
import com.qleven.domain.shared.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Where the audit chains are kept: one per center, and the platform's own (an empty chain id) for
 * events that belong to no center. A request appends its event unsealed, taking no lock that the
 * center's other requests take; a sealer later links due events into the chain under the chain's
 * head. Entries are never changed once sealed. A center's chain is read and written in that
 * center's unit of work; the platform's in any.
 */
public interface AuditLog {

    /**
     * Appends an event to its chain (the event's center) without a place yet, and marks it due for
     * sealing in the global queue (ids only); returns its append id. Takes no lock shared with the
     * chain's other writers. Must be called inside a unit of work.
     */
    long append(AuditEvent event);

    /**
     * Appends several events of one chain, each as {@link #append} would, in one write where the
     * store can. Must be called inside a unit of work.
     *
     * @throws IllegalArgumentException when the events belong to more than one chain
     */
    default void appendAll(List<AuditEvent> events) {
        AuditLogs.requireOneChain(events);
        events.forEach(this::append);
    }

    /**
     * Claims the chain's head for sealing until the unit of work ends, creating it empty (sequence
     * 0, the genesis hash) and listing the center on first use; empty when another sealer holds it,
     * without waiting.
     */
    Optional<ChainHead> claimHead(Optional<TenantId> chain);

    /**
     * Up to {@code limit} appends of the chain due for sealing, in append order: every committed
     * append not sealed yet (an append still to commit is due on a later call, whatever was sealed
     * meanwhile). An append whose event is gone (deleted before it was sealed) comes back without
     * its event.
     */
    List<DueAppend> due(Optional<TenantId> chain, int limit);

    /**
     * Seals an appended event at its place ({@code entry}, whose event is the appended one) and
     * clears its due mark. Must hold the chain's head.
     */
    void seal(long appendId, AuditEntry entry);

    /**
     * Seals several appended events of one chain at their places, each as {@link #seal} would, in
     * one write where the store can; all or none. Must hold the chain's head.
     */
    default void sealAll(List<SealedAppend> sealed) {
        sealed.forEach(s -> seal(s.appendId(), s.entry()));
    }

    /**
     * Seals, in place of an appended event that is gone, the entry recording the loss, and clears
     * the append's due mark. Must hold the chain's head.
     */
    void sealLost(long appendId, AuditEntry marker);

    /** Moves the chain's head, claimed earlier in the same unit of work, to its new last entry. */
    void moveHead(ChainHead head);

    /** The chain's head as last committed, without locking it; empty when the chain has no head. */
    Optional<ChainHead> head(Optional<TenantId> chain);

    /** Up to {@code limit} sealed entries after {@code afterSeq}, in increasing sequence. */
    List<AuditEntry> read(Optional<TenantId> chain, long afterSeq, int limit);

    /**
     * Up to {@code limit} appended events, sealed or not, with an append id below
     * {@code beforeId}, newest first.
     */
    List<AuditRecord> readNewestFirst(Optional<TenantId> chain, long beforeId, int limit);

    /**
     * The centers that have a chain, in increasing order of id after {@code after}; a global
     * lookup (ids only), so a job can then verify each chain in its center's unit of work.
     */
    List<TenantId> centerChains(Optional<TenantId> after, int limit);

    /**
     * Up to {@code limit} centers with appends due for sealing, from the global queue (ids only),
     * so that a sealer visits only those, each in its own unit of work.
     */
    List<TenantId> centersDue(int limit);
}

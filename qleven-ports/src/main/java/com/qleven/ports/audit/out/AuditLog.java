package com.qleven.ports.audit.out;

import com.qleven.domain.audit.AuditEntry;
import com.qleven.domain.audit.ChainHead;
import com.qleven.domain.shared.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Where the audit chains are kept: one per center, and the platform's own (an empty chain id) for
 * events that belong to no center. Entries are only ever appended. A center's chain is read and
 * written in that center's unit of work; the platform's in any unit.
 */
public interface AuditLog {

    /**
     * The chain's head, locked until the unit of work ends, so that writers of one chain append one
     * after another; created empty (sequence 0, the genesis hash) on first use. Must be called
     * inside a unit of work.
     */
    ChainHead lockHead(Optional<TenantId> chain);

    /** Appends an entry to its chain (the event's center). A sequence already taken is refused. */
    void append(AuditEntry entry);

    /** Moves the chain's head, locked earlier in the same unit of work, to its new last entry. */
    void moveHead(ChainHead head);

    /** The chain's head as last committed, without locking it; empty when the chain has no head. */
    Optional<ChainHead> head(Optional<TenantId> chain);

    /** Up to {@code limit} entries after {@code afterSeq}, in increasing sequence. */
    List<AuditEntry> read(Optional<TenantId> chain, long afterSeq, int limit);

    /** Up to {@code limit} entries before {@code beforeSeq}, newest first. */
    List<AuditEntry> readNewestFirst(Optional<TenantId> chain, long beforeSeq, int limit);

    /**
     * The centers that have a chain, in increasing order of id after {@code after}; a global
     * lookup (ids only), so a job can then verify each chain in its center's unit of work.
     */
    List<TenantId> centerChains(Optional<TenantId> after, int limit);
}

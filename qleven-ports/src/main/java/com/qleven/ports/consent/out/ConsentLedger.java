package com.qleven.ports.consent.out;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The consent ledger of a center: append-only entries per client. Entries are ordered by their
 * recorded time, then by the order they were appended; nothing but {@link #eraseProofs} ever
 * changes an entry. Every lookup is within one center; writes join the unit of work open on the
 * thread.
 */
public interface ConsentLedger {

    /**
     * Appends an entry of an existing client of the entry's center.
     *
     * @throws IllegalStateException when the center has no such client or the id exists
     */
    void append(StoredConsent entry);

    /** The client's entries, oldest first. */
    List<StoredConsent> history(TenantId tenant, ClientId client);

    /** The client's latest entry for the purpose recorded at or before {@code at}. */
    Optional<StoredConsent> latest(TenantId tenant, ClientId client, ConsentPurpose purpose, Instant at);

    /**
     * Blanks the sealed proof of every entry of the client, keeping the decisions (who, when, what,
     * which notice): for an erasure, so that the evidence of a person is gone while the record that
     * a choice was made stays.
     *
     * @return how many entries had a proof
     */
    int eraseProofs(TenantId tenant, ClientId client);
}

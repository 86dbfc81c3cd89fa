package com.qleven.ports.clients.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;

/**
 * Whether a client's data may be processed now: not while the processing is restricted (GDPR
 * Art. 18) until an administrator lifts the restriction. Every context that changes, messages,
 * books or adds consent grants for a client asks this first (joining the unit of work open on the
 * thread); refusals and withdrawals of consent, the person's own rights (access, erasure) and what
 * the law requires (an invoice for a treatment given) do not ask.
 */
public interface ProcessingCheck {

    /** True when the client's processing is restricted now. */
    boolean restricted(TenantId tenant, ClientId client);

    /**
     * Refuses processing of a restricted client with a
     * {@link com.qleven.domain.shared.ConflictException} whose details carry {@code restricted: true}.
     */
    void requireProcessable(TenantId tenant, ClientId client);
}

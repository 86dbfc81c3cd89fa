package com.qleven.ports.clients.out;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * Clients whose processing is restricted (GDPR Art. 18): their records are stored, but left out of
 * the lists and searches of everyone but the center's administrators. Writes join the unit of work
 * open on the thread.
 */
public interface ClientRestrictions {

    /** Restricts the client; restricting one already restricted changes nothing. */
    void restrict(TenantId tenant, ClientId client, Instant at);

    /** Which of these clients of the center are restricted. */
    Set<ClientId> restrictedAmong(TenantId tenant, Collection<ClientId> clients);
}

package com.qleven.ports.clients.out;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Clients whose processing is restricted (GDPR Art. 18), with since when and why, and who lifted a
 * restriction, when and why. Reasons are stored sealed (the caller encrypts them). Writes join the
 * unit of work open on the thread.
 */
public interface ClientRestrictions {

    /**
     * A restriction in force: since when, the request that asked for it (if one did) and its
     * reason, sealed. {@code sealedReason} may be null for restrictions recorded without one.
     */
    record Restriction(ClientId client, Instant since, Optional<UUID> requestId, byte[] sealedReason) {
        public Restriction {
            java.util.Objects.requireNonNull(client, "client");
            java.util.Objects.requireNonNull(since, "since");
            java.util.Objects.requireNonNull(requestId, "requestId");
            sealedReason = sealedReason == null ? null : sealedReason.clone();
        }

        @Override
        public byte[] sealedReason() {
            return sealedReason == null ? null : sealedReason.clone();
        }
    }

    /**
     * Restricts the client; restricting one already restricted changes nothing, restricting one
     * whose restriction was lifted restricts it anew (the lift's record is replaced).
     */
    void restrict(TenantId tenant, ClientId client, Optional<UUID> requestId, byte[] sealedReason, Instant at);

    /**
     * Lifts the client's restriction in force, recording who, when and why.
     *
     * @return false, changing nothing, when no restriction of the client is in force
     */
    boolean lift(TenantId tenant, ClientId client, UserId by, byte[] sealedReason, Instant at);

    /** The restrictions in force among these clients of the center. */
    Map<ClientId, Restriction> activeAmong(TenantId tenant, Collection<ClientId> clients);

    /** Which of these clients of the center are restricted. */
    default Set<ClientId> restrictedAmong(TenantId tenant, Collection<ClientId> clients) {
        return activeAmong(tenant, clients).keySet();
    }

    /** The client's restriction in force, if any. */
    default Optional<Restriction> active(TenantId tenant, ClientId client) {
        return Optional.ofNullable(activeAmong(tenant, Set.of(client)).get(client));
    }

    /**
     * In one statement, what a booking asks of a client before it books: empty when the center has
     * no such client, else whether its processing is restricted now (existence and restriction
     * without reading the sealed client row).
     */
    Optional<Boolean> restrictedIfClient(TenantId tenant, ClientId client);

    /** A client as stored, and whether its processing is restricted now. */
    record ClientAndRestriction(StoredClient client, boolean restricted) {
        public ClientAndRestriction {
            java.util.Objects.requireNonNull(client, "client");
        }
    }

    /**
     * In one statement, the client's stored row and whether its processing is restricted now; empty
     * when the center has no such client. What billing reads before it issues an invoice.
     */
    Optional<ClientAndRestriction> clientAndRestriction(TenantId tenant, ClientId client);
}

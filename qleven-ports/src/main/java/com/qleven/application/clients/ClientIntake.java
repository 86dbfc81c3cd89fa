package com.qleven.application.clients;

import com.qleven.domain.clients.Client;
import com.qleven.domain.clients.ClientDetails;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.PageRequest;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.FieldCipher;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a person who books online becomes a client of the center, inside the caller's unit of work:
 * the booking attaches to an existing client only when exactly one client has both the same phone
 * and the same email (by their blind indexes); anyone else gets a new client, and when the phone or
 * the email alone matches someone the caller learns it is a possible duplicate, for staff to judge.
 * Nothing of the matched clients leaves this class but their ids.
 */
public final class ClientIntake {
    /** More matches than this on one phone or email are not told apart: the booking gets its own client. */
    private static final int MAX_MATCHES = 20;

    private final Clients clients;
    private final ClientSeal seal;

    public ClientIntake(Clients clients, FieldCipher cipher) {
        this.clients = clients;
        this.seal = new ClientSeal(cipher);
    }

    /**
     * The client a booking goes to: {@code attached} when phone and email both matched exactly one,
     * else a new client; {@code possibleDuplicateOf} the other clients sharing the phone or the email
     * with a new one (empty when attached or when no one shares them).
     */
    public record Intake(ClientId client, boolean attached, List<ClientId> possibleDuplicateOf) {
        public Intake {
            possibleDuplicateOf = List.copyOf(possibleDuplicateOf);
        }
    }

    /**
     * Finds or creates the client for {@code details} (a phone is required by the caller; the email
     * may be absent, and then nothing attaches silently).
     */
    public Intake intake(TenantId tenant, ClientDetails details, ClientId newId, Instant now) {
        Set<ClientId> byPhone = details.phone()
                .map(p -> ids(clients.byPhone(tenant, seal.phoneIndex(tenant, p), new PageRequest(MAX_MATCHES, Optional.empty()))
                        .items()))
                .orElse(Set.of());
        Set<ClientId> byEmail = details.email()
                .map(e -> ids(clients.byEmail(tenant, seal.emailIndex(tenant, e), new PageRequest(MAX_MATCHES, Optional.empty()))
                        .items()))
                .orElse(Set.of());
        Set<ClientId> both = new HashSet<>(byPhone);
        both.retainAll(byEmail);
        if (both.size() == 1) {
            return new Intake(both.iterator().next(), true, List.of());
        }
        Client client = Client.create(newId, tenant, details, now);
        ClientSeal.Sealed sealed = seal.sealNew(client);
        clients.add(sealed.stored(), sealed.nameTokens());
        Set<ClientId> others = new TreeSet<>(Comparator.comparing(ClientId::value));
        others.addAll(byPhone);
        others.addAll(byEmail);
        return new Intake(newId, false, List.copyOf(others));
    }

    private static Set<ClientId> ids(List<StoredClient> found) {
        Set<ClientId> ids = new HashSet<>();
        found.forEach(s -> ids.add(s.id()));
        return ids;
    }

    /** The blind index of the phone as clients store it, for a rate limit per phone. */
    public BlindIndex phoneIndex(TenantId tenant, PhoneNumber phone) {
        return seal.phoneIndex(tenant, phone);
    }
}

package com.qleven.application.clients;

import com.qleven.domain.clients.Client;
import com.qleven.domain.clients.ClientDetails;
import com.qleven.domain.clients.ClientDuplicateId;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.clients.DuplicateMatch;
import com.qleven.domain.clients.DuplicateSource;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.PageRequest;
import com.qleven.ports.clients.out.ClientDuplicates;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * How a person who books online becomes a client of the center, inside the caller's unit of work:
 * the booking attaches to an existing client only when exactly one client has both the same phone
 * and the same email (by their blind indexes); anyone else gets a new client, and when the phone or
 * the email alone matches someone the caller learns it is a possible duplicate, for staff to judge,
 * and {@link #flag} records each pair for the desk's list. Nothing of the matched clients leaves
 * this class but their ids and what they share (phone, email or both), never its value.
 */
public final class ClientIntake {
    /** More matches than this on one phone or email are not told apart: the booking gets its own client. */
    private static final int MAX_MATCHES = 20;

    private final Clients clients;
    private final ClientDuplicates duplicates;
    private final ClientSeal seal;
    private final IdGenerator ids;

    public ClientIntake(Clients clients, ClientDuplicates duplicates, FieldCipher cipher, IdGenerator ids) {
        this.clients = clients;
        this.duplicates = duplicates;
        this.seal = new ClientSeal(cipher);
        this.ids = ids;
    }

    /** An existing client sharing the phone, the email or both with a new one. */
    public record Match(ClientId client, DuplicateMatch on) {
    }

    /**
     * The client a booking goes to: {@code attached} when phone and email both matched exactly one,
     * else a new client; {@code matches} the other clients sharing the phone or the email with a new
     * one, in id order (empty when attached or when no one shares them).
     */
    public record Intake(ClientId client, boolean attached, List<Match> matches) {
        public Intake {
            matches = List.copyOf(matches);
        }

        /** The other clients of {@link #matches}. */
        public List<ClientId> possibleDuplicateOf() {
            return matches.stream().map(Match::client).toList();
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
        return new Intake(newId, false, others.stream()
                .map(o -> new Match(o, DuplicateMatch.of(byPhone.contains(o), byEmail.contains(o)))).toList());
    }

    /**
     * Records the intake's possible duplicates for staff, in the caller's unit of work and one
     * statement (none when there are none): one open flag per existing client, naming the booking
     * that made the new client.
     */
    public void flag(TenantId tenant, Intake intake, Optional<UUID> appointment, Instant now) {
        duplicates.addAll(tenant, intake.matches().stream()
                .map(m -> ClientDuplicates.Flag.open(new ClientDuplicateId(ids.next()), intake.client(), m.client(),
                        m.on(), DuplicateSource.ONLINE_BOOKING, appointment, now))
                .toList());
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

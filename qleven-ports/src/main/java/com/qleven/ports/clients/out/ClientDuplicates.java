package com.qleven.ports.clients.out;

import com.qleven.domain.clients.ClientDuplicateId;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.clients.DuplicateMatch;
import com.qleven.domain.clients.DuplicateSource;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Possible duplicate clients for staff to compare: a flag pairs a new client ({@code client}) with
 * an existing one sharing its phone or email ({@code other}). Ids only, never what they share.
 * Writes join the unit of work open on the thread; everything is per center.
 */
public interface ClientDuplicates {

    /**
     * One flag. {@code appointment} is the booking that made the new client, when there was one;
     * {@code dismissedAt} and {@code dismissedBy} are both present once staff dismissed it.
     */
    record Flag(ClientDuplicateId id, ClientId client, ClientId other, DuplicateMatch matchedOn,
                DuplicateSource source, Optional<UUID> appointment, Instant flaggedAt,
                Optional<Instant> dismissedAt, Optional<UserId> dismissedBy) {
        public Flag {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(other, "other");
            Objects.requireNonNull(matchedOn, "matchedOn");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(appointment, "appointment");
            Objects.requireNonNull(flaggedAt, "flaggedAt");
            Objects.requireNonNull(dismissedAt, "dismissedAt");
            Objects.requireNonNull(dismissedBy, "dismissedBy");
            if (client.equals(other)) {
                throw new IllegalArgumentException("a client is no duplicate of itself");
            }
            if (dismissedAt.isPresent() != dismissedBy.isPresent()) {
                throw new IllegalArgumentException("a dismissal says when and by whom");
            }
        }

        /** A new, open flag. */
        public static Flag open(ClientDuplicateId id, ClientId client, ClientId other, DuplicateMatch matchedOn,
                                DuplicateSource source, Optional<UUID> appointment, Instant flaggedAt) {
            return new Flag(id, client, other, matchedOn, source, appointment, flaggedAt, Optional.empty(),
                    Optional.empty());
        }

        public boolean isOpen() {
            return dismissedAt.isEmpty();
        }

        /** The client of the pair that is not {@code one}. */
        public ClientId otherThan(ClientId one) {
            return client.equals(one) ? other : client;
        }
    }

    /** What a dismissal found. */
    enum Dismissal {
        DISMISSED,
        /** Dismissed before: nothing changed. */
        ALREADY_DISMISSED,
        /** No flag of the center has that id. */
        NOT_FOUND
    }

    /** Adds the flags, all of one center, in one statement (none for an empty list). */
    void addAll(TenantId tenant, List<Flag> flags);

    /** The open flags of the center, oldest first (flaggedAt, then id), keyset-paged. */
    Page<Flag> open(TenantId tenant, PageRequest page);

    /** Dismisses a flag, in one statement, telling whether it was open, dismissed before or unknown. */
    Dismissal dismiss(TenantId tenant, ClientDuplicateId id, UserId by, Instant at);

    /** Every flag naming the client on either side, open or dismissed, oldest first, in one statement. */
    List<Flag> naming(TenantId tenant, ClientId client);

    /** Removes every flag naming the client on either side (its erasure), in one statement. */
    void removeNaming(TenantId tenant, ClientId client);
}

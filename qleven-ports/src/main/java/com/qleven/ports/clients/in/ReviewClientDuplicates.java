package com.qleven.ports.clients.in;

import com.qleven.domain.clients.ClientDuplicateId;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.clients.DuplicateMatch;
import com.qleven.domain.clients.DuplicateSource;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.tenancy.Principal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The desk's list of possible duplicate clients (an online booking made a new client sharing the
 * phone or the email of existing ones) and their dismissal: administrators and receptionists.
 * Ids and what the pair shares only; staff open each client to compare.
 */
public interface ReviewClientDuplicates {

    /**
     * An open flag: {@code client} the client the booking made, {@code otherClient} the existing one,
     * {@code appointment} the booking.
     */
    record DuplicateView(ClientDuplicateId id, ClientId client, ClientId otherClient, DuplicateMatch matchedOn,
                         DuplicateSource source, Optional<UUID> appointment, Instant flaggedAt) {
    }

    /** The center's open flags, oldest first; the page is recorded as a read of each client it names. */
    Page<DuplicateView> list(Principal principal, PageRequest page);

    /**
     * Dismisses a flag (the two are different people, or staff dealt with it): recorded on the audit
     * trail; dismissing a dismissed flag again changes nothing.
     *
     * @throws com.qleven.domain.shared.NotFoundException for an id no flag of the center has
     */
    void dismiss(Principal principal, ClientDuplicateId id);
}

package com.qleven.ports.consent.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.tenancy.Principal;

/** A client's consents: the state derived from the ledger and its history. */
public interface GetConsents {

    /** @throws com.qleven.domain.shared.NotFoundException for an unknown client and another center's alike */
    ConsentsView get(Principal principal, ClientId client);
}

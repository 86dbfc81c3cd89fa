package com.qleven.ports.clients.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.tenancy.Principal;

/** One client of the principal's center. */
public interface GetClient {

    /** @throws com.qleven.domain.shared.NotFoundException for an unknown id and for another center's client alike */
    ClientView get(Principal principal, ClientId id);
}

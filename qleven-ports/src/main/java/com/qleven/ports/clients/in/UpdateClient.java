package com.qleven.ports.clients.in;

import com.qleven.domain.tenancy.Principal;

/** Changes a client's details with a merge patch. */
public interface UpdateClient {

    /**
     * @return the client as it now is, with its new version
     * @throws com.qleven.domain.shared.PreconditionFailedException when the command names a version
     *         and the client is at another; nothing is written
     * @throws com.qleven.domain.shared.ForbiddenException when the patch sets or clears notes and the
     *         role may not read them
     * @throws com.qleven.domain.shared.NotFoundException for an unknown id and another center's alike
     */
    ClientView update(Principal principal, UpdateClientCommand command);
}

package com.qleven.ports.clients.in;

import com.qleven.domain.tenancy.Principal;

/** Records a new client of the principal's center. */
public interface CreateClient {

    /**
     * @throws com.qleven.domain.shared.ValidationException naming every bad member
     * @throws com.qleven.domain.shared.ForbiddenException unless the role may manage clients, or when
     *         the command has notes and the role may not read them
     */
    ClientView create(Principal principal, CreateClientCommand command);
}

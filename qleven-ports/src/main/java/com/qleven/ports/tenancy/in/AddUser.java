package com.qleven.ports.tenancy.in;

import com.qleven.domain.tenancy.Principal;

/** Adds a person to the principal's center (administrators only). */
public interface AddUser {

    /**
     * @throws com.qleven.domain.shared.ConflictException when the person is already a member
     * @throws com.qleven.domain.shared.ForbiddenException unless the principal may manage users
     */
    UserView add(Principal principal, AddUserCommand command);
}

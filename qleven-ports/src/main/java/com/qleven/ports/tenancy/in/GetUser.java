package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Principal;

/** One member of the principal's center. */
public interface GetUser {

    /**
     * @throws com.qleven.domain.shared.NotFoundException when the account is not a member of the
     *         principal's center, whether or not it exists elsewhere
     */
    UserView get(Principal principal, UserId user);
}

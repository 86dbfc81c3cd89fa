package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Principal;

/**
 * Changes a member's role, deactivates or reactivates the membership (administrators only). A
 * deactivated member's sessions in the center end at once and sign-in into it is refused; the
 * membership and its history are kept.
 */
public interface UpdateUser {

    /**
     * @return the member as it now is
     * @throws com.qleven.domain.shared.NotFoundException when the account is not a member of the
     *         principal's center
     * @throws com.qleven.domain.shared.ConflictException when the change would leave the center
     *         without an active administrator
     */
    UserView update(Principal principal, UserId user, UpdateUserCommand command);
}

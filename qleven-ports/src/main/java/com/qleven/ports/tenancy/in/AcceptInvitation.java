package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;

/** Accepts an invitation from its link: creates the account (or adds the existing one) as a member. */
public interface AcceptInvitation {

    record Accepted(UserId userId, TenantId tenantId) {
    }

    /**
     * The person signs in afterwards with the email of the invitation.
     *
     * @throws com.qleven.domain.shared.UnprocessableException naming {@code token} for an unknown,
     *         expired, replaced or already used invitation (nothing is written); naming
     *         {@code password} when the email has an account and this is not its password; naming
     *         {@code ageConfirmed} when a new account's holder does not confirm being 16 or older
     * @throws com.qleven.domain.shared.ConflictException when the account became a member meanwhile
     * @throws com.qleven.domain.shared.RateLimitedException after too many wrong passwords of the account
     */
    Accepted accept(AcceptInvitationCommand command);
}

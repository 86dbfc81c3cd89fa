package com.qleven.ports.tenancy.in;

import com.qleven.domain.tenancy.Principal;

/**
 * Invites a person by email to the principal's center (administrators only). The person gets an
 * email with a single-use link that works for 72 hours; a newer invitation of the same email
 * replaces the older one.
 */
public interface InviteUser {

    /**
     * @throws com.qleven.domain.shared.ConflictException when the email's account is already a
     *         member of the center
     * @throws com.qleven.domain.shared.ForbiddenException unless the principal may manage users
     */
    InvitationView invite(Principal principal, InviteUserCommand command);
}

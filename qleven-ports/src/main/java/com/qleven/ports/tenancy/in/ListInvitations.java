package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.tenancy.InvitationId;
import com.qleven.domain.tenancy.Principal;

/** The principal's center's invitations (administrators only). */
public interface ListInvitations {

    /** The pending ones (neither accepted, replaced nor expired), oldest first. */
    Page<InvitationView> pending(Principal principal, PageRequest page);

    /**
     * One invitation, whatever its status.
     *
     * @throws com.qleven.domain.shared.NotFoundException for another center's invitation or none
     */
    InvitationView get(Principal principal, InvitationId id);
}

package com.qleven.ports.tenancy.out;

import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.InvitationId;
import com.qleven.ports.shared.out.BlindIndex;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A center's invitations. Reads see only the center of the unit of work. */
public interface Invitations {

    void add(StoredInvitation invitation);

    Optional<StoredInvitation> byId(TenantId tenant, InvitationId id);

    /**
     * The invitations still pending at {@code now} (neither accepted, revoked nor expired), oldest
     * first (then by id), a page at a time.
     */
    Page<StoredInvitation> pending(TenantId tenant, Instant now, PageRequest page);

    /** Revokes the email's invitations that are neither accepted nor revoked; returns their ids. */
    List<InvitationId> revokeOpen(TenantId tenant, BlindIndex emailIndex, Instant at);

    /**
     * Marks the invitation accepted by {@code user} if it is still pending at {@code at}. True when
     * this call accepted it: of two racing acceptances of one invitation, one only gets true.
     */
    boolean accept(TenantId tenant, InvitationId id, UserId user, Instant at);
}

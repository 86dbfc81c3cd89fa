package com.qleven.ports.tenancy.out;

import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Membership;
import java.util.Optional;

/** Who belongs to a center, with which role. */
public interface Memberships {

    void add(Membership membership);

    Optional<Membership> find(TenantId tenant, UserId user);

    /**
     * In one query, the center's memberships among these accounts (pending and inactive ones
     * included, the caller decides), for a body that names many members at once.
     */
    java.util.List<Membership> among(TenantId tenant, java.util.Collection<UserId> users);

    /** The center's memberships, oldest first (then by account id), a page at a time. */
    Page<Membership> list(TenantId tenant, PageRequest page);

    /** Stores the role and the active flag of an existing membership. */
    void update(Membership membership);

    /**
     * The center's active administrators, locked until the unit of work ends: a concurrent unit
     * that asks too waits, then sees what this one committed.
     */
    java.util.List<UserId> lockActiveAdministrators(TenantId tenant);

    /** Adds a pending membership with what the administrator typed. */
    void addPending(Membership membership, TypedMember typed);

    /** What was typed for the pending memberships among the users (none for the others). */
    java.util.List<TypedMember> typed(TenantId tenant, java.util.Collection<UserId> users);

    /**
     * Marks the pending membership accepted and forgets what was typed for it. True when this call
     * accepted it: of two racing acceptances, one only gets true.
     */
    boolean accept(TenantId tenant, UserId user);

    /** Deletes the membership if it is still pending, with what was typed; true when this call deleted it. */
    boolean removePending(TenantId tenant, UserId user);
}

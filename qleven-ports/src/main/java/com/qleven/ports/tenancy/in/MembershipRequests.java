package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.MembershipStatus;
import com.qleven.domain.tenancy.Principal;
import com.qleven.domain.tenancy.Role;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A person's own memberships, and their answer to the centers that asked them to join: a center
 * that adds an email which already has an account only asks, and the person accepts (signed in, or
 * through the mailed link with their own password) or declines.
 */
public interface MembershipRequests {

    /** One of the caller's memberships, as the caller sees it. */
    record MyMembership(TenantId tenantId, String centerName, Role role, MembershipStatus status, Instant since) {
        public MyMembership {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(centerName, "centerName");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(since, "since");
        }
    }

    record AcceptedByLink(UserId userId, TenantId tenantId) {
    }

    /** The caller's memberships, pending ones included, oldest first. */
    List<MyMembership> mine(Principal principal);

    /** One of the caller's memberships, by its center: 404 when that center has none of the caller. */
    MyMembership get(Principal principal, TenantId tenant);

    /** Accepts the center's pending request; accepting again answers the membership as it is. */
    MyMembership accept(Principal principal, TenantId tenant);

    /** Declines the center's pending request: the membership is gone, and the center told by its status. */
    MyMembership decline(Principal principal, TenantId tenant);

    /** Accepts through the mailed link, with the account's own password. */
    AcceptedByLink acceptByLink(String token, String password);
}

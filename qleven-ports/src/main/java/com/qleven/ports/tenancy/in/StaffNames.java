package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.util.Optional;

/**
 * A member's full name for other contexts (a message naming the professional of an appointment).
 * Read in the caller's unit of work, one statement (and the account's key); no permission check and
 * no audit event: the caller's use case does both.
 */
public interface StaffNames {
    /** The member's full name, empty when the center has no such member. */
    Optional<String> fullName(TenantId tenant, UserId member);
}

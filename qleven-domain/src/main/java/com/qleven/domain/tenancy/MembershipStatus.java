package com.qleven.domain.tenancy;

import java.util.Locale;

/**
 * Where a membership stands, as answered: {@code active} (usable), {@code inactive} (deactivated by
 * the center), {@code pending} (asked of an existing account, not yet accepted) or {@code declined}
 * (the person said no; the membership is gone).
 */
public enum MembershipStatus {
    ACTIVE,
    INACTIVE,
    PENDING,
    DECLINED;

    public static MembershipStatus of(Membership membership) {
        if (membership.pending()) {
            return PENDING;
        }
        return membership.active() ? ACTIVE : INACTIVE;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package com.qleven.host;

import com.qleven.domain.tenancy.SessionPolicy;
import com.qleven.domain.tenancy.SignInThrottle;
import java.util.Objects;

/**
 * The core's tunable policies, bound into the host's component: production uses {@link #DEFAULT};
 * tests bind faster throttles so that a rate-limit test does not wait out real slow-downs.
 */
public record CorePolicies(SignInThrottle signInThrottle, SessionPolicy sessionPolicy, int signupsPerAddressPerHour) {
    public static final CorePolicies DEFAULT = new CorePolicies(SignInThrottle.DEFAULT, SessionPolicy.DEFAULT, 20);

    public CorePolicies {
        Objects.requireNonNull(signInThrottle, "signInThrottle");
        Objects.requireNonNull(sessionPolicy, "sessionPolicy");
        if (signupsPerAddressPerHour < 1) {
            throw new IllegalArgumentException("signupsPerAddressPerHour must be at least 1");
        }
    }
}

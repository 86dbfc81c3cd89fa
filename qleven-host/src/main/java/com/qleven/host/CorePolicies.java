package com.qleven.host;

import com.qleven.application.scheduling.PublicBookingService;
import com.qleven.domain.tenancy.AccountLifecyclePolicy;
import com.qleven.domain.tenancy.SessionPolicy;
import com.qleven.domain.tenancy.SignInThrottle;
import java.util.Objects;

/**
 * The core's tunable policies, bound into the host's component: production uses {@link #DEFAULT};
 * tests bind faster throttles so that a rate-limit test does not wait out real slow-downs.
 */
public record CorePolicies(SignInThrottle signInThrottle, SessionPolicy sessionPolicy, int signupsPerAddressPerHour,
                           int centerMailsPerHour, PublicBookingService.Limits publicBookings) {
    public static final CorePolicies DEFAULT = new CorePolicies(SignInThrottle.DEFAULT, SessionPolicy.DEFAULT, 20,
            AccountLifecyclePolicy.DEFAULT_MAILS_PER_CENTER_PER_HOUR, PublicBookingService.Limits.DEFAULT);

    /** The policies with the default limit on a center's invitations and requests to join an hour. */
    public CorePolicies(SignInThrottle signInThrottle, SessionPolicy sessionPolicy, int signupsPerAddressPerHour) {
        this(signInThrottle, sessionPolicy, signupsPerAddressPerHour,
                AccountLifecyclePolicy.DEFAULT_MAILS_PER_CENTER_PER_HOUR);
    }

    /** The policies with the default limits of online booking per address and per phone. */
    public CorePolicies(SignInThrottle signInThrottle, SessionPolicy sessionPolicy, int signupsPerAddressPerHour,
                        int centerMailsPerHour) {
        this(signInThrottle, sessionPolicy, signupsPerAddressPerHour, centerMailsPerHour,
                PublicBookingService.Limits.DEFAULT);
    }

    /** The same policies with other limits of online booking. */
    public CorePolicies withPublicBookings(PublicBookingService.Limits limits) {
        return new CorePolicies(signInThrottle, sessionPolicy, signupsPerAddressPerHour, centerMailsPerHour, limits);
    }

    public CorePolicies {
        Objects.requireNonNull(signInThrottle, "signInThrottle");
        Objects.requireNonNull(sessionPolicy, "sessionPolicy");
        Objects.requireNonNull(publicBookings, "publicBookings");
        if (signupsPerAddressPerHour < 1) {
            throw new IllegalArgumentException("signupsPerAddressPerHour must be at least 1");
        }
        if (centerMailsPerHour < 1) {
            throw new IllegalArgumentException("centerMailsPerHour must be at least 1");
        }
    }
}

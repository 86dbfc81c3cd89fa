package com.qleven.domain.tenancy;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the single-use links of the account lifecycle work, and how often a password reset may
 * be asked for. Counts are per hour; a reset is counted whether or not the email has an account, so
 * the limit tells nothing about which emails do.
 */
public record AccountLifecyclePolicy(Duration invitationLifetime, Duration passwordResetLifetime,
                                     int resetsPerEmailPerHour, int resetsPerAddressPerHour) {
    public static final AccountLifecyclePolicy DEFAULT =
            new AccountLifecyclePolicy(Duration.ofHours(72), Duration.ofMinutes(30), 5, 20);

    public AccountLifecyclePolicy {
        Objects.requireNonNull(invitationLifetime, "invitationLifetime");
        Objects.requireNonNull(passwordResetLifetime, "passwordResetLifetime");
        if (invitationLifetime.isNegative() || invitationLifetime.isZero()
                || passwordResetLifetime.isNegative() || passwordResetLifetime.isZero()) {
            throw new IllegalArgumentException("token lifetimes must be positive");
        }
        if (resetsPerEmailPerHour < 1 || resetsPerAddressPerHour < 1) {
            throw new IllegalArgumentException("reset limits must be at least 1");
        }
    }
}

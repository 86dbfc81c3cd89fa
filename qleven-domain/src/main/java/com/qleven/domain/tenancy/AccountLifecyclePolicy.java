package com.qleven.domain.tenancy;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the single-use links of the account lifecycle work, how often a password reset may be
 * asked for, and how many invitations (and requests to join, mailed to existing accounts) one center
 * may send. Counts are per hour; a reset is counted whether or not the email has an account, so the
 * limit tells nothing about which emails do.
 */
public record AccountLifecyclePolicy(Duration invitationLifetime, Duration passwordResetLifetime,
                                     int resetsPerEmailPerHour, int resetsPerAddressPerHour,
                                     int mailsPerCenterPerHour) {
    /** Thirty a center an hour: room to bring in a whole team at once, none for a mailing. */
    public static final int DEFAULT_MAILS_PER_CENTER_PER_HOUR = 30;
    public static final AccountLifecyclePolicy DEFAULT = new AccountLifecyclePolicy(Duration.ofHours(72),
            Duration.ofMinutes(30), 5, 20, DEFAULT_MAILS_PER_CENTER_PER_HOUR);

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
        if (mailsPerCenterPerHour < 1) {
            throw new IllegalArgumentException("mailsPerCenterPerHour must be at least 1");
        }
    }

    public AccountLifecyclePolicy withMailsPerCenterPerHour(int limit) {
        return new AccountLifecyclePolicy(invitationLifetime, passwordResetLifetime, resetsPerEmailPerHour,
                resetsPerAddressPerHour, limit);
    }
}

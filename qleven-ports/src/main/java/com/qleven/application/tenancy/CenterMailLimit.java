package com.qleven.application.tenancy;

import com.qleven.domain.shared.RateLimitedException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.AccountLifecyclePolicy;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.RateLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How many invitations and other mails to people a center may send an hour: a center that anyone can
 * sign up for must not turn the platform into a mailer. Counted in the unit of work that enqueues
 * the mail, so a refused or failed request counts nothing.
 */
final class CenterMailLimit {
    static final String BUCKET = "center_mail";
    private static final String INDEX = "ratelimit.center";
    private static final Duration WINDOW = Duration.ofHours(1);
    private final RateLimits rateLimits;
    private final FieldCipher cipher;
    private final AccountLifecyclePolicy policy;

    CenterMailLimit(RateLimits rateLimits, FieldCipher cipher, AccountLifecyclePolicy policy) {
        this.rateLimits = rateLimits;
        this.cipher = cipher;
        this.policy = policy;
    }

    /** Counts one mail of the center, inside the caller's unit of work; 429 past the limit. */
    void take(TenantId tenant, Instant now) {
        BlindIndex key = cipher.blindIndex(INDEX, Optional.empty(), tenant.toString());
        RateLimits.Window window = rateLimits.since(BUCKET, key, now.minus(WINDOW));
        if (window.count() >= policy.mailsPerCenterPerHour()) {
            Duration retry = window.oldest().map(o -> Duration.between(now, o.plus(WINDOW))).orElse(WINDOW);
            throw new RateLimitedException("this center sent " + policy.mailsPerCenterPerHour()
                    + " invitations in the last hour; try again later",
                    retry.isNegative() || retry.isZero() ? Duration.ofSeconds(1) : retry);
        }
        rateLimits.record(BUCKET, key, now);
    }
}

package com.qleven.application.tenancy;

import com.qleven.domain.shared.RateLimitedException;
import com.qleven.domain.tenancy.SignInThrottle;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.shared.out.RateLimits;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.out.StoredAccount;
import java.time.Instant;

/**
 * Checks an account's password outside sign-in (accepting an invitation into an existing account,
 * changing the password) under the same throttle as sign-in: the failures count as failed
 * sign-ins of the account, and the throttle is asked before any hashing.
 */
final class PasswordChecks {
    private static final System.Logger LOG = System.getLogger(PasswordChecks.class.getName());
    private final Transactions transactions;
    private final RateLimits rateLimits;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;

    PasswordChecks(Transactions transactions, RateLimits rateLimits, PasswordHasher hasher, SignInThrottle throttle) {
        this.transactions = transactions;
        this.rateLimits = rateLimits;
        this.hasher = hasher;
        this.throttle = throttle;
    }

    /**
     * @return whether the password is the account's
     * @throws RateLimitedException when the account had too many failures, before hashing
     */
    boolean verify(BlindIndex email, StoredAccount account, String password, Instant now) {
        var decision = transactions.global(() -> throttle.beforeAttempt(
                failures(rateLimits.since(SignInService.ACCOUNT_FAILURES, email,
                        SignInThrottle.windowStart(throttle.shortWindow(), now))),
                failures(rateLimits.since(SignInService.ACCOUNT_FAILURES, email,
                        SignInThrottle.windowStart(throttle.longWindow(), now))),
                SignInThrottle.Failures.NONE, now));
        if (decision instanceof SignInThrottle.Refuse refuse) {
            throw new RateLimitedException("too many wrong passwords for this account; try again later",
                    refuse.retryAfter());
        }
        if (hasher.verify(password, account.passwordHash())) {
            return true;
        }
        transactions.global(() -> rateLimits.record(SignInService.ACCOUNT_FAILURES, email, now));
        LOG.log(System.Logger.Level.WARNING, "event=password_check_failed user=" + account.id());
        return false;
    }

    private static SignInThrottle.Failures failures(RateLimits.Window w) {
        return new SignInThrottle.Failures(w.count(), w.oldest());
    }
}

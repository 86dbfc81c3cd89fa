package com.qleven.domain.privacy;

import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * An account's in-platform notice of a new policy version. Accounts are global, so the notice is
 * keyed by the account alone; it names the version and when it applies, nothing personal.
 */
public record PolicyNotice(UserId account, String version, Instant effectiveAt, Instant createdAt) {
    public PolicyNotice {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!PolicyVersion.validVersion(version)) {
            throw new IllegalArgumentException("not a policy version: " + version);
        }
    }
}

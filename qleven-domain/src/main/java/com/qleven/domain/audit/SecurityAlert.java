package com.qleven.domain.audit;

import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A burst worth a human's look. Carries no personal data: the watched key is an account id or the
 * short keyed hash of an email or address, never the email or address itself.
 *
 * @param scope    what {@code key} names: {@code user}, {@code account_email} or {@code address}
 * @param observed how many events (or distinct subjects) were in the window when it went over
 */
public record SecurityAlert(AlertKind kind, Optional<TenantId> tenant, String scope, String key, int observed,
                            BurstPolicy policy, Instant at) {
    private static final Pattern TOKEN = Pattern.compile("^[a-z0-9_-]{1,64}$");

    public SecurityAlert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(at, "at");
        if (scope == null || !TOKEN.matcher(scope).matches()) {
            throw new IllegalArgumentException("bad scope " + scope);
        }
        if (key == null || !TOKEN.matcher(key).matches()) {
            throw new IllegalArgumentException("an alert key is an id or a short hash");
        }
    }
}

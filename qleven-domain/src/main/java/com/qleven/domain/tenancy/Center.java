package com.qleven.domain.tenancy;

import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;

/** A center: the tenant that owns its data and is the controller of its clients' data. */
public record Center(TenantId id, CenterProfile profile, Instant createdAt) {
    public Center {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}

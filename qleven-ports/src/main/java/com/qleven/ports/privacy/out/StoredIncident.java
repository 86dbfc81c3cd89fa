package com.qleven.ports.privacy.out;

import com.qleven.domain.privacy.IncidentCategory;
import com.qleven.domain.privacy.IncidentId;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An incident as the register stores it: the operator's description only as ciphertext (it may
 * name people), the rest in clear so that stores can filter and order on it.
 */
public record StoredIncident(IncidentId id, Instant detectedAt, byte[] description, Set<IncidentCategory> categories,
                             List<TenantId> centers, UserId reportedBy, Instant reportedAt) {
    public StoredIncident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(centers, "centers");
        Objects.requireNonNull(reportedBy, "reportedBy");
        Objects.requireNonNull(reportedAt, "reportedAt");
        categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
        centers = List.copyOf(centers);
    }

    @Override
    public String toString() {
        return "StoredIncident[id=" + id + "]";
    }
}

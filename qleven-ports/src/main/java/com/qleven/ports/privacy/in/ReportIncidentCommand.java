package com.qleven.ports.privacy.in;

import com.qleven.domain.privacy.IncidentCategory;
import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A breach as an operator records it: when it was detected, what happened, whom and what it touched. */
public record ReportIncidentCommand(Instant detectedAt, String description, List<TenantId> centers,
                                    Set<IncidentCategory> categories) {
    public ReportIncidentCommand {
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(description, "description");
        centers = List.copyOf(centers);
        categories = Set.copyOf(categories);
    }
}

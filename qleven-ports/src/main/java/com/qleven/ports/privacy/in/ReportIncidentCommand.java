package com.qleven.ports.privacy.in;

import com.qleven.domain.privacy.IncidentCategory;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A breach as an operator records it: when it was detected, what happened, whom and what it touched. */
public record ReportIncidentCommand(Instant detectedAt, String description, List<TenantId> centers,
                                    Set<IncidentCategory> categories) {
    public ReportIncidentCommand {
        Required.field(detectedAt, "detectedAt");
        Required.field(description, "description");
        centers = List.copyOf(Required.field(centers, "tenantIds"));
        categories = Set.copyOf(Required.field(categories, "categories"));
    }
}

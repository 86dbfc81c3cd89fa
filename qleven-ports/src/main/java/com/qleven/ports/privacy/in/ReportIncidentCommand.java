package com.qleven.ports.privacy.in;

import com.qleven.domain.privacy.IncidentCategory;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A breach as an operator records it: when it was detected, what happened, whom and what it touched.
 * {@link #parse} reads the values as typed; the canonical constructor takes them already read.
 */
public record ReportIncidentCommand(Instant detectedAt, String description, List<TenantId> centers,
                                    Set<IncidentCategory> categories) {
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    public ReportIncidentCommand {
        Required.field(detectedAt, "detectedAt");
        Required.field(description, "description");
        centers = List.copyOf(Required.field(centers, "tenantIds"));
        categories = Set.copyOf(Required.field(categories, "categories"));
    }

    /**
     * Reads the report as typed, naming every bad member: {@code detectedAt} must be an RFC 3339
     * instant with an offset, {@code tenantIds} center ids, {@code categories} wire names of
     * {@link IncidentCategory}; each is required, and so is {@code description}. The checks
     * of the use case come after its permission check: not in the future (the clock), the lengths and
     * counts, and centers that exist (the register).
     */
    public static ReportIncidentCommand parse(String detectedAt, String description, List<String> tenantIds,
                                              List<String> categories) {
        List<FieldError> errors = new ArrayList<>();
        Instant detected = null;
        if (detectedAt == null) {
            errors.add(new FieldError("detectedAt", "is required"));
        } else {
            try {
                detected = OffsetDateTime.parse(detectedAt, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("detectedAt", "must be an RFC 3339 instant with an offset"));
            }
        }
        if (description == null) {
            errors.add(new FieldError("description", "is required"));
        }
        List<TenantId> centers = new ArrayList<>();
        if (tenantIds == null) {
            errors.add(new FieldError("tenantIds", "is required"));
        } else {
            for (String id : tenantIds) {
                if (id == null || !UUID_TEXT.matcher(id).matches()) {
                    errors.add(new FieldError("tenantIds", "must be center ids"));
                    break;
                }
                centers.add(new TenantId(UUID.fromString(id)));
            }
        }
        Set<IncidentCategory> read = EnumSet.noneOf(IncidentCategory.class);
        if (categories == null) {
            errors.add(new FieldError("categories", "is required"));
        } else {
            try {
                for (String category : categories) {
                    read.add(IncidentCategory.parse("categories", category));
                }
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ReportIncidentCommand(detected, description, centers, read);
    }
}

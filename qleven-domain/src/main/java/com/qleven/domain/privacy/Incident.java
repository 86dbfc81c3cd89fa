package com.qleven.domain.privacy;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A personal-data breach in the platform's incident register (policy section 12, P16): when it was
 * detected, what happened, which centers and which kinds of data it touched, and who recorded it.
 * Each affected center is a controller that owes its supervisory authority a notification within
 * {@link #AUTHORITY_WINDOW} of the breach becoming known (GDPR Art. 33), so the deadline runs
 * from detection, not from when the platform got round to recording it.
 */
public record Incident(IncidentId id, Instant detectedAt, String description, Set<IncidentCategory> categories,
                       List<TenantId> centers, UserId reportedBy, Instant reportedAt) {
    public static final Duration AUTHORITY_WINDOW = Duration.ofHours(72);
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_CENTERS = 1000;

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(centers, "centers");
        Objects.requireNonNull(reportedBy, "reportedBy");
        Objects.requireNonNull(reportedAt, "reportedAt");
        if (description.isBlank() || description.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("a description has 1 to " + MAX_DESCRIPTION + " characters");
        }
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("an incident touches at least one category of data");
        }
        if (centers.isEmpty() || centers.size() > MAX_CENTERS) {
            throw new IllegalArgumentException("an incident affects 1 to " + MAX_CENTERS + " centers");
        }
        if (Set.copyOf(centers).size() != centers.size()) {
            throw new IllegalArgumentException("a center is affected once");
        }
        if (detectedAt.isAfter(reportedAt)) {
            throw new IllegalArgumentException("an incident cannot be detected after it is recorded");
        }
        categories = Set.copyOf(EnumSet.copyOf(categories));
        centers = List.copyOf(centers);
    }

    /** When each affected center's notification to its authority is due: detection plus 72 hours. */
    public Instant authorityDeadline() {
        return detectedAt.plus(AUTHORITY_WINDOW);
    }

    /** {@code open} until the deadline (inclusive), {@code overdue} after it. */
    public DeadlineStatus status(Instant now) {
        return now.isAfter(authorityDeadline()) ? DeadlineStatus.OVERDUE : DeadlineStatus.OPEN;
    }

    /** Where the 72-hour clock stands. */
    public enum DeadlineStatus {
        OPEN,
        OVERDUE;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

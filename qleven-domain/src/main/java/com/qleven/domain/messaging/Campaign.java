package com.qleven.domain.messaging;

import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A marketing campaign: one MARKETING template sent to the clients its segment matched when it was
 * created, one message each. {@code status} is the stored one ({@code running} or {@code cancelled});
 * a running campaign none of whose messages is queued or sending reads as {@code completed}
 * ({@link #asOf}). The name is 1 to 120 characters, trimmed.
 */
public record Campaign(CampaignId id, String name, TemplateId template, CampaignSegment segment, CampaignStatus status,
                       UserId createdBy, Instant createdAt, Optional<Instant> cancelledAt) {
    public static final int MAX_NAME = 120;

    public Campaign {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
        name = validName(name);
        if ((status == CampaignStatus.CANCELLED) != cancelledAt.isPresent()) {
            throw new IllegalArgumentException("a cancelled campaign, and only one, has its cancellation time");
        }
    }

    /** The name trimmed, or a validation error naming {@code name}. */
    public static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("name", "is required");
        }
        String trimmed = name.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_NAME) {
            throw new ValidationException("name", "must be at most " + MAX_NAME + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("name", "must not hold control characters");
        }
        return trimmed;
    }

    public static Campaign start(CampaignId id, String name, TemplateId template, CampaignSegment segment,
                                 UserId createdBy, Instant at) {
        return new Campaign(id, name, template, segment, CampaignStatus.RUNNING, createdBy, at, Optional.empty());
    }

    /**
     * The campaign cancelled at {@code at}; a cancelled one stays as it was (cancelling twice changes
     * nothing). A completed one cannot be: a conflict.
     */
    public Campaign cancel(Instant at, boolean hasPendingMessages) {
        if (status == CampaignStatus.CANCELLED) {
            return this;
        }
        if (!hasPendingMessages) {
            throw new ConflictException("the campaign is completed: every message went or was skipped");
        }
        return new Campaign(id, name, template, segment, CampaignStatus.CANCELLED, createdBy, createdAt,
                Optional.of(at));
    }

    /** The status as read: running with nothing queued or sending is completed. */
    public CampaignStatus asOf(boolean hasPendingMessages) {
        return status == CampaignStatus.RUNNING && !hasPendingMessages ? CampaignStatus.COMPLETED : status;
    }
}

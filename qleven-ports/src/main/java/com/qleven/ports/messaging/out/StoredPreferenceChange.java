package com.qleven.ports.messaging.out;

import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A contact's {@code user_preferences} change as stored: unique per contact, category, value and
 * Meta's time, so a replay stores nothing. Meta's category, value and detail carry no personal data.
 */
public record StoredPreferenceChange(TenantId tenant, UUID id, UUID contact, String category, String value,
                                     Instant changedAt, Optional<String> detail, Instant storedAt) {
    public StoredPreferenceChange {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(storedAt, "storedAt");
        if (category.isBlank() || category.length() > 64 || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("a category and a value are 1 to 64 characters");
        }
        detail = detail.map(d -> d.length() > 1024 ? d.substring(0, 1024) : d);
    }
}

package com.qleven.ports.privacy.out;

import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A center's notification as stored: its title and text only as ciphertext (an incident notice
 * quotes the incident's description), what it is about and when in clear.
 */
public record StoredNotification(TenantId tenantId, UUID id, String kind, UUID subjectId, byte[] title, byte[] text,
                                 Instant createdAt) {
    public StoredNotification {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "StoredNotification[tenantId=" + tenantId + ", id=" + id + "]";
    }
}

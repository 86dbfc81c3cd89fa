package com.qleven.domain.privacy;

import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A message from the platform to a center's people, shown in the platform (policy section 12
 * and P16: centers are told of a breach in the platform as well as by email). {@code kind} says
 * what it is about (such as {@code incident}) and {@code subjectId} which record.
 */
public record CenterNotification(TenantId tenantId, UUID id, String kind, UUID subjectId, String title, String text,
                                 Instant createdAt) {
    private static final Pattern KIND = Pattern.compile("^[a-z][a-z_]{0,39}$");
    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 8000;

    public CenterNotification {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(createdAt, "createdAt");
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("a notification kind is a lowercase word: " + kind);
        }
        if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("a title has 1 to " + MAX_TITLE + " characters");
        }
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a text has 1 to " + MAX_TEXT + " characters");
        }
    }
}

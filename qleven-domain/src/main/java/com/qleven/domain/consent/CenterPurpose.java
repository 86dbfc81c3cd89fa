package com.qleven.domain.consent;

import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A consent purpose a center added to the built-in ones (issue 4: extensible per center). A
 * {@code marketing} purpose is treated as {@link ConsentPurpose#MARKETING} is: never granted to a
 * client under 16, and sent only to addresses off the suppression list.
 */
public record CenterPurpose(TenantId tenant, ConsentPurpose purpose, String description, boolean marketing,
                            Instant createdAt) {
    public static final int MIN_CODE = 2;
    public static final int MAX_DESCRIPTION = 200;

    public CenterPurpose {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(createdAt, "createdAt");
        if (purpose.code().length() < MIN_CODE) {
            throw new IllegalArgumentException("a center's purpose code has at least " + MIN_CODE + " characters");
        }
        if (ConsentPurpose.BUILT_IN.contains(purpose)) {
            throw new IllegalArgumentException("a center's purpose is not a built-in one");
        }
        if (!validDescription(description)) {
            throw new IllegalArgumentException("a description has 1 to " + MAX_DESCRIPTION
                    + " characters and no surrounding blanks");
        }
    }

    public static boolean validDescription(String description) {
        return description != null && !description.isBlank() && description.length() <= MAX_DESCRIPTION
                && description.strip().equals(description);
    }
}

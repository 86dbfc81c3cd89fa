package com.qleven.domain.privacy;

import com.qleven.domain.shared.ValidationException;
import java.time.Instant;
import java.util.Objects;

/**
 * A third party that processes personal data for the platform (privacy policy section 8): who, for
 * what, where, and under which safeguard data leaves the European Union (section 9). The register
 * is the platform's; centers read it because, as controllers, they must be able to name their
 * processors' sub-processors.
 */
public record Subprocessor(SubprocessorId id, String name, String purpose, String region, String transferSafeguard,
                           Instant updatedAt) {
    public static final int MAX_NAME = 200;
    public static final int MAX_TEXT = 1000;

    public Subprocessor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(updatedAt, "updatedAt");
        check("name", name, MAX_NAME);
        check("purpose", purpose, MAX_TEXT);
        check("region", region, MAX_NAME);
        check("transferSafeguard", transferSafeguard, MAX_TEXT);
    }

    /** @throws ValidationException naming {@code field} unless the text has 1 to {@code max} characters, on one line */
    public static void check(String field, String text, int max) {
        if (text == null || text.isBlank() || text.length() > max || text.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException(field, "must be one line of 1 to " + max + " characters");
        }
    }
}

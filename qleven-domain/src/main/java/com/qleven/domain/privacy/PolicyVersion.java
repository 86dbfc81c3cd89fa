package com.qleven.domain.privacy;

import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A published version of the platform's privacy policy (P19): its name, the exact text with the
 * SHA-256 of that text (so an acceptance can later be matched to the words it accepted), when it
 * was published and by whom, and from when it applies. Versions are never edited: a correction is
 * a new version.
 */
public record PolicyVersion(String version, String text, String sha256, Instant publishedAt, Instant effectiveAt,
                            UserId publishedBy) {
    public static final int MAX_VERSION = 40;
    public static final int MAX_TEXT = 200_000;
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_VERSION + "}");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public PolicyVersion {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(effectiveAt, "effectiveAt");
        Objects.requireNonNull(publishedBy, "publishedBy");
        if (!validVersion(version)) {
            throw new IllegalArgumentException("a version has 1 to " + MAX_VERSION + " of A-Z a-z 0-9 . _ -");
        }
        if (!validText(text)) {
            throw new IllegalArgumentException("a policy text has 1 to " + MAX_TEXT + " characters");
        }
        if (!HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 is 64 lower-case hex digits");
        }
    }

    public static boolean validVersion(String version) {
        return version != null && VERSION.matcher(version).matches();
    }

    public static boolean validText(String text) {
        return text != null && !text.isBlank() && text.length() <= MAX_TEXT;
    }

    /** Whether the version applies at {@code now}: from its effective time on, inclusive. */
    public boolean inEffect(Instant now) {
        return !effectiveAt.isAfter(now);
    }
}

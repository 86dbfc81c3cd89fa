package com.qleven.domain.consent;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One published version of a center's notice for a consent purpose: the exact text a client is
 * shown before consenting (issue 9). Versions of a purpose count from 1 and are never edited: a new
 * text is a new version, and the old ones stay because ledger entries name them. The text is kept
 * byte for byte as published (no trimming), since its SHA-256 is what the ledger records.
 * {@code publishedBy} is empty for a version carried over from a purpose's description.
 */
public record NoticeText(TenantId tenant, ConsentPurpose purpose, int version, String text, Instant publishedAt,
                         Optional<UserId> publishedBy) {

    public NoticeText {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(publishedBy, "publishedBy");
        if (version < 1) {
            throw new IllegalArgumentException("a notice's versions count from 1");
        }
        if (text.isBlank() || text.length() > ConsentNotice.MAX_TEXT || !printable(text)) {
            throw new IllegalArgumentException("a notice's text has 1 to " + ConsentNotice.MAX_TEXT
                    + " printable characters (line breaks and tabs allowed) and is not blank");
        }
    }

    /**
     * No control characters but line breaks and tabs, and no half of a surrogate pair: PostgreSQL
     * cannot store a NUL, and a lone surrogate would be stored (and hashed) as another character
     * than the one sent.
     */
    private static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks a text sent for publication, naming {@code field}: required, not blank, within the
     * bound, printable (line breaks and tabs allowed).
     */
    public static String requireText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException(field, "is required: the exact text clients are shown");
        }
        if (text.length() > ConsentNotice.MAX_TEXT) {
            throw new ValidationException(field, "must be at most " + ConsentNotice.MAX_TEXT + " characters");
        }
        if (!printable(text)) {
            throw new ValidationException(field, "must not contain control characters other than line breaks and tabs");
        }
        return text;
    }

    /** The version as the ledger and the booking page carry it: its number as text ({@code "3"}). */
    public String textVersion() {
        return Integer.toString(version);
    }

    /** The SHA-256 of the text's UTF-8 bytes, lowercase hex: what a ledger entry keeps of it. */
    public String textSha256() {
        return ConsentNotice.sha256(text);
    }
}

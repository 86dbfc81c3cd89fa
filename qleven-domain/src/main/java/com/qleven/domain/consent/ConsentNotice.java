package com.qleven.domain.consent;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The notice the client was shown: its version (1 to 50 printable characters) and the SHA-256 of its
 * exact text (UTF-8, lowercase hex). The hash is computed here from the text, never taken from a
 * caller, so it proves which words were shown; the text itself is not kept.
 */
public record ConsentNotice(String version, String textSha256) {
    public static final int MAX_VERSION = 50;
    public static final int MAX_TEXT = 20_000;
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");

    public ConsentNotice {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(textSha256, "textSha256");
        if (version.isBlank() || version.length() > MAX_VERSION || version.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a notice version is 1 to " + MAX_VERSION + " printable characters");
        }
        if (!SHA256.matcher(textSha256).matches()) {
            throw new IllegalArgumentException("a text hash is 64 lowercase hex digits");
        }
    }

    /**
     * The notice from wire values, naming {@code versionField} and {@code textField} when missing or
     * out of bounds. The text is hashed exactly as given: no trimming, since a different byte is a
     * different text.
     */
    public static ConsentNotice shown(String versionField, String version, String textField, String text) {
        List<FieldError> errors = new ArrayList<>();
        if (version == null || version.isBlank()) {
            errors.add(new FieldError(versionField, "is required"));
        } else if (version.strip().length() > MAX_VERSION) {
            errors.add(new FieldError(versionField, "must be at most " + MAX_VERSION + " characters"));
        } else if (version.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(versionField, "must not contain control characters"));
        }
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(textField, "is required: the exact text the client was shown"));
        } else if (text.length() > MAX_TEXT) {
            errors.add(new FieldError(textField, "must be at most " + MAX_TEXT + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ConsentNotice(version.strip(), sha256(text));
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

package com.qleven.domain.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/** An email address, trimmed and lower-cased so that one person has one spelling. */
public record EmailAddress(String value) {
    private static final Pattern SHAPE = Pattern.compile("^[^\\s@]{1,64}@[^\\s@]+\\.[^\\s@.]{2,}$");

    public EmailAddress {
        if (value == null) {
            throw new ValidationException("email", "is required");
        }
        value = value.trim().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !SHAPE.matcher(value).matches()
                || value.contains("..") || value.startsWith(".")) {
            throw new ValidationException("email", "is not a valid email address");
        }
    }

    @Override
    public String toString() {
        return "EmailAddress[redacted]";
    }
}

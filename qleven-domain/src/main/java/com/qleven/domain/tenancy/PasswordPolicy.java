package com.qleven.domain.tenancy;

import com.qleven.domain.shared.ValidationException;
import java.util.Locale;
import java.util.Set;

/** OWASP ASVS level 2: 12 to 128 characters, not one repeated character, not a well-known password. */
public final class PasswordPolicy {
    public static final int MIN = 12;
    public static final int MAX = 128;
    private static final Set<String> COMMON = Set.of(
            "password1234", "123456789012", "qwertyuiopas", "passwordpassword", "111111111111",
            "abcdefghijkl", "iloveyou1234", "welcome12345", "adminadmin12", "password12345",
            "qwerty123456", "1234567890123", "letmein12345", "changeme1234", "contraseña123");

    private PasswordPolicy() {
    }

    /** Throws a validation error naming {@code field} unless the password is acceptable. */
    public static void check(String field, String password) {
        if (password == null) {
            throw new ValidationException(field, "is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN) {
            throw new ValidationException(field, "must be at least " + MIN + " characters");
        }
        if (length > MAX) {
            throw new ValidationException(field, "must be at most " + MAX + " characters");
        }
        if (password.codePoints().distinct().count() < 4) {
            throw new ValidationException(field, "must not be one or two characters repeated");
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            throw new ValidationException(field, "is a well-known password");
        }
    }
}

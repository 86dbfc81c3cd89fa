package com.qleven.adapters.postgres.messaging;

import com.qleven.domain.shared.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of templates ordered by (name, language) ended, as unpadded base64url of
 * {@code name|language} (neither may hold '|'). Opaque to callers; a forged one is the caller's
 * validation error on {@code cursor}.
 */
record TemplateCursor(String name, String language) {
    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((name + "|" + language).getBytes(StandardCharsets.UTF_8));
    }

    static TemplateCursor decode(String text) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
        if (parts.length != 2 || !parts[0].matches("[a-z0-9_]{1,512}") || !parts[1].matches("[A-Za-z_]{2,8}")) {
            throw notACursor();
        }
        return new TemplateCursor(parts[0], parts[1]);
    }

    private static ValidationException notACursor() {
        return new ValidationException("cursor", "is not a cursor this list returned");
    }
}

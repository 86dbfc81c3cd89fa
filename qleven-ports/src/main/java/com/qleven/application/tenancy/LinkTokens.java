package com.qleven.application.tenancy;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The tokens of single-use links: a prefix telling their kind and 256 random bits. Only their
 * SHA-256 is stored, as for session tokens: a slow hash is not needed for a value that cannot be
 * guessed.
 */
final class LinkTokens {
    private final SecureRandom random = new SecureRandom();

    String newToken(String prefix) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return SessionTokens.hash(token);
    }
}

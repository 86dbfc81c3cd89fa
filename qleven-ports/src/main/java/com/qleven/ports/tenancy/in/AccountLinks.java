package com.qleven.ports.tenancy.in;

/**
 * The opaque tokens that single-use links carry: a prefix telling their kind ({@code qi_} for an
 * invitation, {@code qr_} for a password reset, {@code qm_} for a membership asked of an existing account) and 256 random bits in base64url.
 */
public final class AccountLinks {
    public static final String INVITATION = "qi_";
    public static final String PASSWORD_RESET = "qr_";
    public static final String MEMBERSHIP = "qm_";
    private static final int MAX_LENGTH = 100;

    private AccountLinks() {
    }

    /** A cheap shape check, so that rubbish is refused without a lookup. */
    public static boolean wellFormed(String prefix, String token) {
        return token != null && token.startsWith(prefix) && token.length() > prefix.length()
                && token.length() <= MAX_LENGTH
                && token.chars().skip(prefix.length()).allMatch(c -> c == '-' || c == '_'
                        || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    }
}

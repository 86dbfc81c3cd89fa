package com.qleven.host.http;

import java.time.Duration;

/**
 * The browser session cookie: the only cookie the host ever sets. {@code __Host-} makes browsers
 * refuse it unless it is Secure, has Path=/ and no Domain, so no subdomain can plant or read it.
 */
public final class SessionCookie {
    public static final String NAME = "__Host-qleven_session";

    private SessionCookie() {
    }

    public static String set(String token, Duration maxAge) {
        return NAME + "=" + token + "; Path=/; Max-Age=" + maxAge.toSeconds() + "; HttpOnly; Secure; SameSite=Strict";
    }

    public static String clear() {
        return NAME + "=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict";
    }
}

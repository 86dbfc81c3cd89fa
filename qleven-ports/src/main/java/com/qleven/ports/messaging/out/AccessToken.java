package com.qleven.ports.messaging.out;

import java.util.Objects;

/**
 * A center's Graph API access token (or the business token Embedded Signup yields). Its
 * {@link #toString()} never shows the value, so a token that reaches a log by mistake stays secret.
 */
public record AccessToken(String value) {
    public AccessToken {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("an access token is printable ASCII without spaces");
        }
    }

    @Override
    public String toString() {
        return "AccessToken[redacted]";
    }
}

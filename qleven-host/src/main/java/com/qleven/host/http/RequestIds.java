package com.qleven.host.http;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id: the caller's own when it is a sane token (so a proxy's id follows the request
 * into our logs), otherwise a new one. A sane token cannot forge log lines or headers.
 */
public final class RequestIds {
    private static final Pattern SANE = Pattern.compile("^[A-Za-z0-9._-]{1,100}$");

    private RequestIds() {
    }

    public static String from(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}

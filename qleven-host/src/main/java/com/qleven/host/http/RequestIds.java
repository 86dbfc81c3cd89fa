package com.qleven.host.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
        return offered != null && SANE.matcher(offered).matches() ? offered : random();
    }

    /**
     * A version 4 UUID from the thread's own generator: an id for finding log lines, not a secret,
     * so it need not come from the shared, synchronized SecureRandom that every thread would queue on.
     */
    static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }
}

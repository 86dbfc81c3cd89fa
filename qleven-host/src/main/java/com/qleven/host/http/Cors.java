package com.qleven.host.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cross-origin access for the exact origins listed in {@code QLEVEN_CORS_ORIGINS}, and for no one
 * else: other origins get no CORS header at all, so browsers refuse them. Credentials are not
 * allowed cross-origin: the session cookie is SameSite=Strict anyway, and a dashboard on another
 * origin sends its bearer token.
 *
 * <p>The public routes ({@value #PUBLIC_PREFIX}…: a center's online booking, called from the
 * center's own website) answer any origin with {@code Access-Control-Allow-Origin: *} and never
 * allow credentials: they take no session, so a page anywhere may call them and none can ride on
 * a signed-in member's cookie.
 */
public final class Cors {
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, If-Match, X-Request-Id";
    static final String EXPOSED_HEADERS = "Location, Retry-After, WWW-Authenticate, X-Request-Id";
    /** The routes open to any origin. */
    static final String PUBLIC_PREFIX = "/v1/public/";
    static final String PUBLIC_ALLOWED_HEADERS = "Content-Type, Idempotency-Key, X-Request-Id";
    static final String PUBLIC_EXPOSED_HEADERS = "Location, Retry-After, X-Request-Id, Idempotent-Replayed";
    private static final HttpString ORIGIN = HttpString.tryFromString("Origin");
    private static final HttpString REQUEST_METHOD = HttpString.tryFromString("Access-Control-Request-Method");
    private final Set<String> origins;

    public Cors(List<String> origins) {
        this.origins = Set.copyOf(origins);
    }

    /**
     * Answers a preflight from an allowed origin for a path that exists ({@code methods} are those it
     * answers); false leaves the request to the router, which refuses OPTIONS like any other method.
     */
    boolean preflight(HttpServerExchange exchange, Set<String> methods) {
        HeaderMap in = exchange.getRequestHeaders();
        if (!exchange.getRequestMethod().equalToString("OPTIONS") || !in.contains(REQUEST_METHOD)) {
            return false;
        }
        HeaderMap out = exchange.getResponseHeaders();
        if (isPublic(exchange)) {
            if (!in.contains(ORIGIN)) {
                return false;
            }
            out.put(HttpString.tryFromString("Access-Control-Allow-Origin"), "*");
            out.put(HttpString.tryFromString("Access-Control-Allow-Methods"), String.join(", ", new TreeSet<>(methods)));
            out.put(HttpString.tryFromString("Access-Control-Allow-Headers"), PUBLIC_ALLOWED_HEADERS);
            out.put(HttpString.tryFromString("Access-Control-Max-Age"), "600");
            exchange.setStatusCode(204);
            return true;
        }
        if (allowedOrigin(exchange) == null) {
            return false;
        }
        out.put(HttpString.tryFromString("Access-Control-Allow-Origin"), allowedOrigin(exchange));
        out.put(HttpString.tryFromString("Access-Control-Allow-Methods"), String.join(", ", new TreeSet<>(methods)));
        out.put(HttpString.tryFromString("Access-Control-Allow-Headers"), ALLOWED_HEADERS);
        out.put(HttpString.tryFromString("Access-Control-Max-Age"), "600");
        exchange.setStatusCode(204);
        return true;
    }

    /** Adds the headers of an actual cross-origin request from an allowed origin. */
    void decorate(HttpServerExchange exchange) {
        if (isPublic(exchange)) {
            if (exchange.getRequestHeaders().contains(ORIGIN)) {
                HeaderMap out = exchange.getResponseHeaders();
                out.put(HttpString.tryFromString("Access-Control-Allow-Origin"), "*");
                out.put(HttpString.tryFromString("Access-Control-Expose-Headers"), PUBLIC_EXPOSED_HEADERS);
            }
            return;
        }
        if (origins.isEmpty()) {
            return;
        }
        HeaderMap out = exchange.getResponseHeaders();
        out.add(HttpString.tryFromString("Vary"), "Origin");
        String origin = allowedOrigin(exchange);
        if (origin != null) {
            out.put(HttpString.tryFromString("Access-Control-Allow-Origin"), origin);
            out.put(HttpString.tryFromString("Access-Control-Expose-Headers"), EXPOSED_HEADERS);
        }
    }

    private static boolean isPublic(HttpServerExchange exchange) {
        return exchange.getRequestPath().startsWith(PUBLIC_PREFIX);
    }

    private String allowedOrigin(HttpServerExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst(ORIGIN);
        if (origin == null) {
            return null;
        }
        String lower = origin.toLowerCase(Locale.ROOT);
        return origins.contains(lower) ? origin : null;
    }
}

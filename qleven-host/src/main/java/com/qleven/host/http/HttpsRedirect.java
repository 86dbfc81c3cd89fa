package com.qleven.host.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * The plain HTTP listener when TLS is configured: every request, whatever its method, path or
 * credentials, gets {@code 308 Permanent Redirect} to the same path and query on HTTPS. Nothing of
 * the request is used: its body is never read, its {@code Authorization}, cookies and password
 * never reach a route, and the answer repeats none of it. The connection closes after the answer.
 */
final class HttpsRedirect implements HttpHandler {
    private static final Pattern HOST_NAME = Pattern.compile("^[A-Za-z0-9.-]{1,253}$");
    private static final Pattern IPV6_LITERAL = Pattern.compile("^\\[[0-9A-Fa-f:.]{2,45}]$");
    private static final byte[] BODY = ("{\"type\":\"about:blank\",\"title\":\"Use HTTPS\",\"status\":308,"
            + "\"detail\":\"This host serves its API over HTTPS only; nothing sent over plain HTTP was used. "
            + "Send the request again to the Location. A password, token or cookie sent over plain HTTP may have "
            + "been seen by others: change it.\"}").getBytes(StandardCharsets.UTF_8);
    private static final Map<String, String> HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "Cache-Control", "no-store");

    private final IntSupplier httpsPort;

    HttpsRedirect(IntSupplier httpsPort) {
        this.httpsPort = httpsPort;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.setPersistent(false);
        exchange.setStatusCode(308);
        var headers = exchange.getResponseHeaders();
        HEADERS.forEach((name, value) -> headers.put(HttpString.tryFromString(name), value));
        headers.put(Headers.LOCATION, location(exchange));
        headers.put(Headers.CONTENT_TYPE, "application/problem+json");
        headers.put(Headers.CONTENT_LENGTH, BODY.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(BODY));
    }

    private String location(HttpServerExchange exchange) {
        int port = httpsPort.getAsInt();
        String target = exchange.getRequestURI();
        if (exchange.isHostIncludedInRequestURI()) {
            int schemeEnd = target.indexOf("://");
            int pathStart = schemeEnd < 0 ? -1 : target.indexOf('/', schemeEnd + 3);
            target = pathStart < 0 ? "/" : target.substring(pathStart);
        }
        if (!target.startsWith("/")) {
            target = "/" + target;
        }
        String query = exchange.getQueryString();
        return "https://" + host(exchange) + (port == 443 ? "" : ":" + port) + target
                + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    /** The name the client used, without its port; one that is no host name gives localhost. */
    private static String host(HttpServerExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (header == null) {
            return "localhost";
        }
        String host = header.strip();
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            host = end < 0 ? "" : host.substring(0, end + 1);
            return IPV6_LITERAL.matcher(host).matches() ? host : "localhost";
        }
        int colon = host.indexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        return HOST_NAME.matcher(host).matches() ? host : "localhost";
    }
}

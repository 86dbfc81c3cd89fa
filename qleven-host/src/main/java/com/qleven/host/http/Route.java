package com.qleven.host.http;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of the route table: a method, a path template ({@code /v1/users/{id}}), whether it
 * takes a JSON body, the endpoint that answers it, whether it honours {@code Idempotency-Key}
 * (authenticated POSTs that create or act; see {@link #action}), and whether it is answered on the
 * IO thread because it answers from memory without blocking (see {@link #inline}).
 */
public record Route(String method, String template, Body body, Endpoint endpoint, boolean idempotent,
                    boolean inline) {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern TEMPLATE = Pattern.compile("^(/([A-Za-z0-9._-]+|\\{[a-zA-Z]+}))+$");

    /** What the route does with a request body. */
    public enum Body {
        /** A body, if sent, is not read. */
        NONE,
        /** A JSON object is required: 415 for another media type, 413 over the limit, 400 when absent. */
        JSON
    }

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(endpoint, "endpoint");
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unsupported method " + method);
        }
        if (!TEMPLATE.matcher(template).matches()) {
            throw new IllegalArgumentException("bad path template " + template);
        }
        if (inline && (body != Body.NONE || idempotent)) {
            throw new IllegalArgumentException("an inline route reads no body and keeps no answer: " + template);
        }
    }

    public Route(String method, String template, Body body, Endpoint endpoint) {
        this(method, template, body, endpoint, false, false);
    }

    public Route(String method, String template, Body body, Endpoint endpoint, boolean idempotent) {
        this(method, template, body, endpoint, idempotent, false);
    }

    /**
     * A GET answered from memory, never blocking (no database, no file, no lock held for long):
     * served on the IO thread that read it, without the hand-over to a worker thread.
     */
    public static Route inline(String template, Endpoint endpoint) {
        return new Route("GET", template, Body.NONE, endpoint, false, true);
    }

    /**
     * An authenticated POST that creates or acts: sent with an {@code Idempotency-Key}, it runs at
     * most once and a retry gets the first answer (API.md "Writes").
     */
    public static Route action(String template, Body body, Endpoint endpoint) {
        return new Route("POST", template, body, endpoint, true);
    }

    /** The same route answered by another endpoint, such as this one wrapped. */
    public Route withEndpoint(Endpoint replacement) {
        return new Route(method, template, body, replacement, idempotent, inline);
    }

    public static Route get(String template, Endpoint endpoint) {
        return new Route("GET", template, Body.NONE, endpoint);
    }

    public static Route post(String template, Body body, Endpoint endpoint) {
        return new Route("POST", template, body, endpoint);
    }

    String[] segments() {
        return template.substring(1).split("/");
    }
}

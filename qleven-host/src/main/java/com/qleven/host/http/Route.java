package com.qleven.host.http;

import com.qleven.domain.tenancy.Permission;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of the route table: a method, a path template ({@code /v1/users/{id}}), whether it
 * takes a JSON body, the endpoint that answers it, whether it honours {@code Idempotency-Key}
 * (authenticated POSTs that create or act; see {@link #action}), the permission, if any, that the
 * caller must hold before anything of the request is read (see {@link #refusingFirst}), and whether
 * it is answered on the IO thread because it answers from memory without blocking (see
 * {@link #inline}).
 */
public record Route(String method, String template, Body body, Endpoint endpoint, Optional<Idempotent> idempotent,
                    Optional<Permission> gate, boolean inline) {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern TEMPLATE = Pattern.compile("^(/([A-Za-z0-9._-]+|\\{[a-zA-Z]+}))+$");

    /** What the route does with a request body. */
    public enum Body {
        /** A body, if sent, is not read. */
        NONE,
        /** A JSON object is required: 415 for another media type, 413 over the limit, 400 when absent. */
        JSON,
        /**
         * The bytes as sent, of any media type, up to {@link ApiHandler#RAW_BODY_LIMIT} (413 over it):
         * for a caller that signs its body, such as Meta's webhooks, whose route checks the signature
         * over exactly those bytes before reading anything of them.
         */
        RAW
    }

    /** What a replay of an action answers (API.md "Writes"). */
    public enum Replay {
        /**
         * The first answer again, as it was, kept sealed for 24 hours: only for answers that carry no
         * personal data and no secret.
         */
        ANSWER,
        /**
         * The first answer's status and {@code Location} with the resource as it now is, read again
         * with the caller's rights from {@code Location} (or, for an action on a resource, the
         * resource's path): only the status and where to read are kept, so a stored answer never
         * outlives the personal data in it and never repeats a one-time secret.
         */
        REREAD
    }

    /**
     * How an action honours {@code Idempotency-Key}: the permission a replay checks again, what it
     * answers, and, for an action of a person on a center other than the one they signed in to
     * (accepting a membership), the path parameter naming that center: the key is then kept in
     * that center's unit of work, where the action runs.
     */
    public record Idempotent(Permission permission, Replay replay, Optional<String> centerParam) {
        public Idempotent {
            Objects.requireNonNull(permission, "permission");
            Objects.requireNonNull(replay, "replay");
            Objects.requireNonNull(centerParam, "centerParam");
        }
    }

    public Route {
        Objects.requireNonNull(idempotent, "idempotent");
        Objects.requireNonNull(gate, "gate");
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
        if (body == Body.RAW && (gate.isPresent() || idempotent.isPresent())) {
            throw new IllegalArgumentException("a raw body route checks its own credential: " + template);
        }
        if (inline && (body != Body.NONE || idempotent.isPresent())) {
            throw new IllegalArgumentException("an inline route reads no body and keeps no answer: " + template);
        }
    }

    public Route(String method, String template, Body body, Endpoint endpoint) {
        this(method, template, body, endpoint, Optional.empty(), Optional.empty(), false);
    }

    /**
     * A GET answered from memory, never blocking (no database, no file, no lock held for long):
     * served on the IO thread that read it, without the hand-over to a worker thread.
     */
    public static Route inline(String template, Endpoint endpoint) {
        return new Route("GET", template, Body.NONE, endpoint, Optional.empty(), Optional.empty(), true);
    }

    /**
     * The same route, answered only to callers holding {@code permission}: the caller is
     * authenticated (401) and refused (403) before its body is read or checked, so a caller who may
     * not use the route gets the same answer whatever it sends and learns nothing of what the route
     * takes. For the platform operators' routes, whose permissions no center role holds.
     */
    public Route refusingFirst(Permission permission) {
        return new Route(method, template, body, endpoint, idempotent, Optional.of(permission), inline);
    }

    /**
     * An authenticated POST that creates or acts: sent with an {@code Idempotency-Key}, it runs at
     * most once and a retry gets the first answer (API.md "Writes") after {@code permission} is
     * checked again; {@code replay} says what the retry answers.
     */
    public static Route action(String template, Body body, Permission permission, Replay replay, Endpoint endpoint) {
        return new Route("POST", template, body, endpoint,
                Optional.of(new Idempotent(permission, replay, Optional.empty())), Optional.empty(), false);
    }

    /**
     * {@link #action} for an action in the center that the path parameter {@code centerParam}
     * names rather than the caller's own (see {@link Idempotent}).
     */
    public static Route actionInCenter(String template, String centerParam, Body body, Permission permission,
                                       Replay replay, Endpoint endpoint) {
        return new Route("POST", template, body, endpoint,
                Optional.of(new Idempotent(permission, replay, Optional.of(centerParam))), Optional.empty(), false);
    }

    /** The same route answered by another endpoint, such as this one wrapped. */
    public Route withEndpoint(Endpoint replacement) {
        return new Route(method, template, body, replacement, idempotent, gate, inline);
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

package com.qleven.host.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.qleven.application.Qleven;
import com.qleven.application.shared.Idempotency;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Principal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Wraps an action route so that a request carrying {@code Idempotency-Key} runs through
 * {@link Idempotency}: the endpoint's work, the claim of the key (scoped to the caller's center and
 * the caller, or to the operator) and the kept answer share one unit of work, and a retry with the
 * same key and request gets the first answer with {@code Idempotent-Replayed: true}, after the
 * route's permission is checked again. What is kept depends on the route ({@link Route.Replay}):
 * the whole answer for answers without personal data, else only the status and where the resource
 * is, read again on replay with the caller's rights, so that an erasure leaves nothing to replay
 * and a one-time secret is never answered twice. Without the header the endpoint runs as it is.
 */
final class IdempotentEndpoint implements Endpoint {
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    /**
     * An answer as it is kept for replay: the whole answer ({@code ANSWER}), or its status and
     * {@code Location} with the path to read it again ({@code REREAD}: headers and body empty).
     */
    record Kept(int status, String contentType, List<List<String>> headers, byte[] body, String location,
                String readFrom) {
    }

    private static final class Failure extends RuntimeException {
        Failure(Exception cause) {
            super(cause);
        }
    }

    private final Endpoint inner;
    private final Route.Idempotent idempotent;
    private final Router reads;
    private final Qleven qleven;
    private final ObjectMapper mapper;

    IdempotentEndpoint(Endpoint inner, Route.Idempotent idempotent, Router reads, Qleven qleven, ObjectMapper mapper) {
        this.inner = inner;
        this.idempotent = idempotent;
        this.reads = reads;
        this.qleven = qleven;
        this.mapper = mapper;
    }

    @Override
    public Response handle(Request request) throws Exception {
        var key = request.header(HEADER);
        if (key.isEmpty()) {
            return inner.handle(request);
        }
        Idempotency.checkKey(key.get());
        Principal principal = request.principal(qleven.tenancy().authenticator());
        Optional<TenantId> center = principal.tenantId();
        if (idempotent.centerParam().isPresent()) {
            Optional<UUID> named = request.pathParam(idempotent.centerParam().get()).flatMap(IdempotentEndpoint::uuid);
            if (named.isEmpty()) {
                return inner.handle(request); // names no center: the endpoint answers 404 and keeps nothing
            }
            center = Optional.of(new TenantId(named.get()));
        }
        try {
            return qleven.platform().idempotency().run(principal, center, idempotent.permission(), key.get(),
                    fingerprint(request),
                    () -> call(() -> inner.handle(request)),
                    response -> keep(request, response),
                    kept -> replay(request, kept));
        } catch (Failure wrapped) {
            throw (Exception) wrapped.getCause();
        }
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private interface Work {
        Response run() throws Exception;
    }

    private static Response call(Work work) {
        try {
            return work.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new Failure(e);
        }
    }

    private byte[] keep(Request request, Response response) {
        try {
            String location = null;
            List<List<String>> headers = new ArrayList<>();
            for (Map.Entry<String, String> h : response.headers()) {
                if (h.getKey().equalsIgnoreCase("Location")) {
                    location = h.getValue();
                }
                // The session cookie is a secret of the first answer; no action route sets one.
                if (!h.getKey().equalsIgnoreCase("Set-Cookie")) {
                    headers.add(List.of(h.getKey(), h.getValue()));
                }
            }
            if (idempotent.replay() == Route.Replay.REREAD) {
                String readFrom = location != null ? location : resourceOf(request.path());
                return mapper.writeValueAsBytes(new Kept(response.status(), null, List.of(), null, location, readFrom));
            }
            byte[] body = response.json() != null ? mapper.writeValueAsBytes(response.json())
                    : response.raw() != null ? response.raw() : null;
            String type = response.json() != null ? "application/json" : response.contentType();
            return mapper.writeValueAsBytes(new Kept(response.status(), type, headers, body, null, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resource an action without {@code Location} acted on: its path without the verb. */
    private static String resourceOf(String actionPath) {
        return actionPath.substring(0, actionPath.lastIndexOf('/'));
    }

    private Response replay(Request request, byte[] bytes) {
        Kept kept;
        try {
            kept = mapper.readValue(bytes, Kept.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Response response;
        if (kept.readFrom() != null) {
            if (!(reads.match("GET", kept.readFrom()) instanceof Router.Found found)) {
                throw new IllegalStateException("a replayed action's resource has no read route");
            }
            response = call(() -> found.route().endpoint().handle(request.readOf(found.params())))
                    .withStatus(kept.status());
            if (kept.location() != null) {
                response = response.withHeader("Location", kept.location());
            }
        } else {
            response = kept.body() == null ? Response.status(kept.status())
                    : Response.bytes(kept.status(), kept.contentType(), kept.body());
            for (List<String> h : kept.headers()) {
                response = response.withHeader(h.get(0), h.get(1));
            }
        }
        return response.withHeader(REPLAYED, "true");
    }

    /** What makes two requests the same: method, path, query and the body's bytes (kept only as a keyed HMAC). */
    private static byte[] fingerprint(Request request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // The query too: completing an appointment with ?redeem=false is not the same request.
        String query = request.queryString().isEmpty() ? "" : "?" + request.queryString();
        out.writeBytes((request.method() + " " + request.path() + query + "\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(request.rawBody());
        return out.toByteArray();
    }
}

package com.qleven.host.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.qleven.application.Qleven;
import com.qleven.application.shared.Idempotency;
import com.qleven.domain.tenancy.Principal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Wraps an action route so that a request carrying {@code Idempotency-Key} runs through
 * {@link Idempotency}: the endpoint's work, the claim of the key and the saved answer share one
 * unit of work of the caller's center, and a retry with the same key and request gets the first
 * answer, byte for byte, with {@code Idempotent-Replayed: true}. Without the header the endpoint
 * runs as it is.
 */
final class IdempotentEndpoint implements Endpoint {
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    /** An answer as it is kept for replay. */
    record Kept(int status, String contentType, List<List<String>> headers, byte[] body) {
    }

    private static final class Failure extends RuntimeException {
        Failure(Exception cause) {
            super(cause);
        }
    }

    private final Endpoint inner;
    private final Qleven qleven;
    private final ObjectMapper mapper;

    IdempotentEndpoint(Endpoint inner, Qleven qleven, ObjectMapper mapper) {
        this.inner = inner;
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
        Principal principal = request.principal(qleven.authenticate());
        try {
            return qleven.idempotency().run(principal.requireTenant(), key.get(), requestHash(request),
                    () -> {
                        try {
                            return inner.handle(request);
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new Failure(e);
                        }
                    },
                    this::keep, this::replay);
        } catch (Failure wrapped) {
            throw (Exception) wrapped.getCause();
        }
    }

    private byte[] keep(Response response) {
        try {
            byte[] body = response.json() != null ? mapper.writeValueAsBytes(response.json())
                    : response.raw() != null ? response.raw() : null;
            String type = response.json() != null ? "application/json" : response.contentType();
            List<List<String>> headers = new ArrayList<>();
            for (Map.Entry<String, String> h : response.headers()) {
                // The session cookie is a secret of the first answer; no action route sets one.
                if (!h.getKey().equalsIgnoreCase("Set-Cookie")) {
                    headers.add(List.of(h.getKey(), h.getValue()));
                }
            }
            return mapper.writeValueAsBytes(new Kept(response.status(), type, headers, body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response replay(byte[] bytes) {
        try {
            Kept kept = mapper.readValue(bytes, Kept.class);
            Response response = kept.body() == null ? Response.status(kept.status())
                    : Response.bytes(kept.status(), kept.contentType(), kept.body());
            for (List<String> h : kept.headers()) {
                response = response.withHeader(h.get(0), h.get(1));
            }
            return response.withHeader(REPLAYED, "true");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What makes two requests the same: method, path and the body's bytes. */
    private static String requestHash(Request request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.method() + " " + request.path() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(request.rawBody());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

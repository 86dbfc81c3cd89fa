package com.qleven.host.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.qleven.application.Qleven;
import com.qleven.domain.shared.TenantId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on a public route, whose caller has no session: the key is kept in the
 * center the route names, scoped to the caller's address ({@code Idempotency.runPublic}), and a
 * replay answers the first answer as it was, with {@code Idempotent-Replayed: true}. Only for
 * answers that carry no personal data of the caller (a booking's answer: ids, times, the service
 * and the manage link, which the same address may ask for again within the key's lifetime).
 */
public final class PublicIdempotency {
    private static final ObjectMapper MAPPER = Json.mapper();

    private PublicIdempotency() {
    }

    /** What is kept of the first answer: its status, {@code Location} and body. */
    record Kept(int status, String location, byte[] body) {
    }

    public static Response run(Qleven qleven, Request request, TenantId center, Supplier<Response> work) {
        var key = request.header(IdempotentEndpoint.HEADER);
        if (key.isEmpty()) {
            return work.get();
        }
        ByteArrayOutputStream fingerprint = new ByteArrayOutputStream();
        fingerprint.writeBytes((request.method() + " " + request.path() + "\n").getBytes(StandardCharsets.UTF_8));
        fingerprint.writeBytes(request.rawBody());
        return qleven.platform().idempotency().runPublic(center, request.client().rateLimitKey(), key.get(),
                fingerprint.toByteArray(), work, PublicIdempotency::keep, PublicIdempotency::replay);
    }

    private static byte[] keep(Response response) {
        try {
            String location = response.headers().stream().filter(h -> h.getKey().equalsIgnoreCase("Location"))
                    .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
            byte[] body = response.json() != null ? MAPPER.writeValueAsBytes(response.json()) : null;
            return MAPPER.writeValueAsBytes(new Kept(response.status(), location, body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response replay(byte[] bytes) {
        Kept kept;
        try {
            kept = MAPPER.readValue(bytes, Kept.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Response response = kept.body() == null ? Response.status(kept.status())
                : Response.bytes(kept.status(), "application/json", kept.body());
        if (kept.location() != null) {
            response = response.withHeader("Location", kept.location());
        }
        return response.withHeader(IdempotentEndpoint.REPLAYED, "true");
    }
}

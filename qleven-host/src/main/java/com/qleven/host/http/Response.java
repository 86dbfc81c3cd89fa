package com.qleven.host.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What an endpoint answers: a status, headers, and a JSON value or raw bytes, or nothing. */
public final class Response {
    private final int status;
    private final Object json;
    private final byte[] raw;
    private final String contentType;
    private final List<Map.Entry<String, String>> headers;

    private Response(int status, Object json, byte[] raw, String contentType, List<Map.Entry<String, String>> headers) {
        this.status = status;
        this.json = json;
        this.raw = raw;
        this.contentType = contentType;
        this.headers = List.copyOf(headers);
    }

    public static Response ok(Object json) {
        return json(200, json);
    }

    /**
     * A JSON answer: a record (or a list of them) that the configured mapper writes in one pass. A
     * map is refused: building one per request only to walk it again is the cost this type avoids.
     */
    public static Response json(int status, Object json) {
        Objects.requireNonNull(json, "json");
        if (json instanceof Map) {
            throw new IllegalArgumentException("an answer is a record, not a map");
        }
        return new Response(status, json, null, "application/json", List.of());
    }

    /**
     * A JSON document the core builds whole, with members it decides (the client export), written
     * as it is by the configured mapper.
     */
    public static Response document(Map<String, Object> document) {
        return new Response(200, Objects.requireNonNull(document, "document"), null, "application/json", List.of());
    }

    public static Response created(String location, Object json) {
        return json(201, json).withHeader("Location", location);
    }

    public static Response noContent() {
        return status(204);
    }

    /** A status without a body. */
    public static Response status(int status) {
        return new Response(status, null, null, null, List.of());
    }

    public static Response bytes(int status, String contentType, byte[] body) {
        return new Response(status, null, body.clone(), contentType, List.of());
    }

    public Response withHeader(String name, String value) {
        List<Map.Entry<String, String>> all = new ArrayList<>(headers);
        all.add(Map.entry(name, value));
        return new Response(status, json, raw, contentType, all);
    }

    /** The same answer under another status, such as a replayed create's 201 over a read's 200. */
    Response withStatus(int replacement) {
        return new Response(replacement, json, raw, contentType, headers);
    }

    public int status() {
        return status;
    }

    Object json() {
        return json;
    }

    byte[] raw() {
        return raw;
    }

    String contentType() {
        return contentType;
    }

    public List<Map.Entry<String, String>> headers() {
        return headers;
    }
}

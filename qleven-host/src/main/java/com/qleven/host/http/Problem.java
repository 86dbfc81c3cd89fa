package com.qleven.host.http;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem about to be answered: the members every problem carries, extension members
 * (such as a conflict's {@code centers}), response headers, and how long to hold the answer back.
 */
public record Problem(int status, String code, String type, String title, String detail,
                      List<ProblemField> errors, Map<String, Object> extensions, Map<String, String> headers,
                      Duration delay) {
    public static final String TYPE_BASE = "https://qleven.dev/problems/";

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        errors = List.copyOf(errors);
        extensions = Map.copyOf(extensions);
        headers = Map.copyOf(headers);
        Objects.requireNonNull(delay, "delay");
    }

    public static Problem of(int status, String code, String slug, String title, String detail) {
        return new Problem(status, code, TYPE_BASE + slug, title, detail, List.of(), Map.of(), Map.of(), Duration.ZERO);
    }

    public Problem withErrors(List<ProblemField> fields) {
        return new Problem(status, code, type, title, detail, fields, extensions, headers, delay);
    }

    public Problem withExtensions(Map<String, Object> members) {
        return new Problem(status, code, type, title, detail, errors, members, headers, delay);
    }

    public Problem withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new Problem(status, code, type, title, detail, errors, extensions, all, delay);
    }

    public Problem withDelay(Duration hold) {
        return new Problem(status, code, type, title, detail, errors, extensions, headers, hold);
    }

    /** The body, members in the order of API.md, extensions after them, the request id last. */
    public Map<String, Object> body(String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("code", code);
        body.put("detail", detail);
        body.put("errors", errors);
        extensions.forEach(body::putIfAbsent);
        body.put("requestId", requestId);
        return body;
    }
}

package com.qleven.host.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
    public Body body(String requestId) {
        return new Body(this, requestId);
    }

    /**
     * A problem's JSON body, written member by member by the configured mapper: {@code type},
     * {@code title}, {@code status}, {@code code}, {@code detail}, {@code errors}, the extensions
     * (never one of those names), then {@code requestId}.
     */
    public static final class Body extends JsonSerializable.Base {
        private static final Set<String> MEMBERS = Set.of("type", "title", "status", "code", "detail", "errors",
                "requestId");
        private final Problem problem;
        private final String requestId;

        private Body(Problem problem, String requestId) {
            this.problem = problem;
            this.requestId = requestId;
        }

        @Override
        public void serialize(JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeStartObject();
            json.writeStringField("type", problem.type);
            json.writeStringField("title", problem.title);
            json.writeNumberField("status", problem.status);
            json.writeStringField("code", problem.code);
            json.writeStringField("detail", problem.detail);
            provider.defaultSerializeField("errors", problem.errors, json);
            for (Map.Entry<String, Object> extension : problem.extensions.entrySet()) {
                if (!MEMBERS.contains(extension.getKey())) {
                    provider.defaultSerializeField(extension.getKey(), extension.getValue(), json);
                }
            }
            json.writeStringField("requestId", requestId);
            json.writeEndObject();
        }

        @Override
        public void serializeWithType(JsonGenerator json, SerializerProvider provider, TypeSerializer type)
                throws IOException {
            serialize(json, provider);
        }
    }
}

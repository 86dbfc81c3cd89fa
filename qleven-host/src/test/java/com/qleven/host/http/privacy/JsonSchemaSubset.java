package com.qleven.host.http.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A JSON Schema (2020-12) validator for the keywords the checked-in export schema uses, and only
 * those: {@link #KEYWORDS} lists them, and {@link #unsupportedKeywords} finds any other in a
 * schema, so that a schema using more cannot pass by being half-read. Written here rather than
 * pulling a validator library into the build for one test document.
 */
final class JsonSchemaSubset {
    static final Set<String> KEYWORDS = Set.of("$schema", "$id", "title", "description", "type", "const",
            "required", "properties", "additionalProperties", "items", "format");

    private JsonSchemaSubset() {
    }

    /** Every keyword of the schema, at any depth, that this validator does not apply. */
    static List<String> unsupportedKeywords(JsonNode schema) {
        List<String> found = new ArrayList<>();
        collect(schema, "", found);
        return found;
    }

    private static void collect(JsonNode schema, String at, List<String> found) {
        if (!schema.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> k = it.next();
            if (!KEYWORDS.contains(k.getKey())) {
                found.add(at + "/" + k.getKey());
            }
        }
        if (schema.has("properties")) {
            schema.get("properties").fields()
                    .forEachRemaining(p -> collect(p.getValue(), at + "/properties/" + p.getKey(), found));
        }
        if (schema.has("additionalProperties")) {
            collect(schema.get("additionalProperties"), at + "/additionalProperties", found);
        }
        if (schema.has("items")) {
            collect(schema.get("items"), at + "/items", found);
        }
    }

    /** The violations of the document against the schema, each with its JSON pointer; none when valid. */
    static List<String> validate(JsonNode schema, JsonNode document) {
        List<String> errors = new ArrayList<>();
        check(schema, document, "", errors);
        return errors;
    }

    private static void check(JsonNode schema, JsonNode value, String at, List<String> errors) {
        if (schema.isBoolean()) {
            if (!schema.asBoolean()) {
                errors.add(at + ": not allowed");
            }
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            errors.add(at + ": must be " + schema.get("const"));
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            errors.add(at + ": must be of type " + schema.get("type"));
            return;
        }
        if (schema.has("format") && value.isTextual() && !formatMatches(schema.get("format").asText(), value.asText())) {
            errors.add(at + ": not a " + schema.get("format").asText());
        }
        if (value.isObject()) {
            if (schema.has("required")) {
                schema.get("required").forEach(r -> {
                    if (!value.has(r.asText())) {
                        errors.add(at + "/" + r.asText() + ": is required");
                    }
                });
            }
            JsonNode properties = schema.path("properties");
            value.fields().forEachRemaining(member -> {
                String where = at + "/" + member.getKey();
                if (properties.has(member.getKey())) {
                    check(properties.get(member.getKey()), member.getValue(), where, errors);
                } else if (schema.has("additionalProperties")) {
                    check(schema.get("additionalProperties"), member.getValue(), where, errors);
                }
            });
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), at + "/" + i, errors);
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static boolean formatMatches(String format, String text) {
        try {
            switch (format) {
                case "date-time" -> Instant.parse(text);
                case "date" -> LocalDate.parse(text);
                case "uuid" -> {
                    if (!UUID.fromString(text).toString().equalsIgnoreCase(text)) {
                        return false;
                    }
                }
                default -> throw new IllegalArgumentException("unknown format " + format);
            }
            return true;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("unknown format")) {
                throw e;
            }
            return false;
        }
    }
}

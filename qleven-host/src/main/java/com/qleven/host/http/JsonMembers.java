package com.qleven.host.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object's members as plain Java values, in the order they came: a string as {@code String},
 * true and false as {@code Boolean}, a number as a {@code Number}, null as null, an array as a
 * {@code List} and an object as a {@code Map}. The commands that read merge patches take these, so
 * they check a member's type themselves and an embedder gets the same check as the API.
 */
public final class JsonMembers {
    private JsonMembers() {
    }

    /** The members of {@code object}, which the caller has checked is a JSON object. */
    public static Map<String, Object> of(JsonNode object) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            members.put(member.getKey(), plain(member.getValue()));
        }
        return members;
    }

    private static Object plain(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        if (value.isArray()) {
            List<Object> items = new ArrayList<>();
            value.forEach(item -> items.add(plain(item)));
            return items;
        }
        if (value.isObject()) {
            return of(value);
        }
        // Binary, POJO or missing nodes never come from parsing a request body.
        throw new IllegalArgumentException("not a JSON value: " + value.getNodeType());
    }
}

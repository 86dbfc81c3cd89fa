package com.qleven.host.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qleven.host.http.OpsEndpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The routes the host serves, read from its OpenAPI document (OpenApiTest proves the document lists
 * exactly the routes served), with the members each JSON body declares. The harnesses walk it, so a
 * route added by a later issue is fuzzed and probed without anyone remembering to add it.
 */
final class OpenApiRoutes {
    record Operation(String method, String path, JsonNode bodySchema) {
        boolean takesBody() {
            return bodySchema != null;
        }

        boolean hasId() {
            return path.contains("{");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode document;

    OpenApiRoutes() {
        try {
            document = new ObjectMapper().readTree(OpsEndpoints.openApiDocument());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Operation> operations() {
        List<Operation> all = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> op = methods.next();
                String method = op.getKey().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                JsonNode schema = op.getValue().path("requestBody").path("content").elements().hasNext()
                        ? resolve(op.getValue().path("requestBody").path("content").elements().next().path("schema"))
                        : null;
                all.add(new Operation(method, path.getKey(), schema));
            }
        }
        return all;
    }

    /** Follows a local {@code $ref} to its schema. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current != null && current.has("$ref") && hops < 10; hops++) {
            String[] parts = current.get("$ref").asText().substring(2).split("/");
            JsonNode target = document;
            for (String part : parts) {
                target = target.path(part);
            }
            current = target;
        }
        return current;
    }
}

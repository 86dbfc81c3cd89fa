package com.qleven.host.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An answer is a typed value written once by the configured mapper, never a map built per request
 * and then walked again; a problem is written member by member, in the order API.md gives.
 */
class ResponseTest {
    private static final ObjectMapper JSON = Json.mapper();

    record Answer(String id, String note) {
    }

    @Test
    void anAnswerIsATypedValueNotAMap() {
        assertThat(Response.ok(new Answer("a", null)).status()).isEqualTo(200);
        assertThat(Response.ok(List.of(new Answer("a", null))).status()).isEqualTo(200);
        assertThatThrownBy(() -> Response.ok(Map.of("status", "live"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Response.created("/x", new LinkedHashMap<>())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProblemIsWrittenInTheDocumentedOrderWithExtensionsBeforeTheRequestId() throws Exception {
        Problem problem = Problem.of(409, "CONFLICT", "conflict", "Conflict", "it clashes")
                .withErrors(List.of(new ProblemField("a.b", "/a/b", "is wrong")))
                .withExtensions(Map.of("centers", List.of(Map.of("name", "Centro")), "status", 500))
                .withDelay(Duration.ZERO);
        String json = JSON.writeValueAsString(problem.body("req-1"));
        assertThat(json).isEqualTo("{\"type\":\"https://qleven.dev/problems/conflict\",\"title\":\"Conflict\","
                + "\"status\":409,\"code\":\"CONFLICT\",\"detail\":\"it clashes\","
                + "\"errors\":[{\"field\":\"a.b\",\"pointer\":\"/a/b\",\"message\":\"is wrong\"}],"
                + "\"centers\":[{\"name\":\"Centro\"}],\"requestId\":\"req-1\"}");
        assertThat(problem.body("req-1")).isNotInstanceOf(Map.class);
    }
}

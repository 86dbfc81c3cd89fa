package com.qleven.host.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The cross-tenant probe (policy P7): for every route of the OpenAPI document whose path names a
 * resource by id, center A asking for center B's resource gets the 404 it gets for an id that does
 * not exist, and B's resource is unchanged. Every such route must say below how to create one of
 * its resources, so a route added later cannot skip the probe.
 */
class CrossTenantProbeTest {
    /** How to create, in a center, the resource a path template names; answers its id. */
    private static final Map<String, BiFunction<TestHost, Center, String>> CREATE = Map.of(
            "/v1/users/{id}", (host, center) -> host.post("/v1/users",
                    TestHost.userBody(TestHost.newEmail("probe"), "professional"), center.token())
                    .json().get("id").asText(),
            "/v1/clients/{id}", (host, center) -> host.post("/v1/clients", Map.of("fullName", "Probe Client",
                    "phone", "600 123 456", "notes", "Probe notes."), center.token()).json().get("id").asText(),
            "/v1/invitations/{id}", (host, center) -> host.post("/v1/invitations",
                    Map.of("email", TestHost.newEmail("probe"), "role", "receptionist"), center.token())
                    .json().get("id").asText(),
            "/v1/sessions/{id}", (host, center) -> host.get("/v1/sessions",
                    host.login(center.adminEmail(), TestHost.PASSWORD, center.tenantId()))
                    .json().get("items").get(0).get("id").asText());

    /** A body each method sends, valid for a resource of one's own center. */
    private static final Map<String, String> BODIES = Map.of("PATCH", "{}", "PUT", "{}", "POST", "{}");

    private static TestHost host;
    private static Center a;
    private static Center b;
    private static final List<OpenApiRoutes.Operation> BY_ID = new OpenApiRoutes().operations().stream()
            .filter(OpenApiRoutes.Operation::hasId)
            .toList();

    @BeforeAll
    static void start() {
        host = TestHost.start();
        a = host.newCenter("Centro A");
        b = host.newCenter("Centro B");
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void everyRouteWithAnIdIsProbed() {
        assertThat(BY_ID).isNotEmpty();
        assertThat(BY_ID).allSatisfy(op -> assertThat(CREATE)
                .as("say in CrossTenantProbeTest.CREATE how to create a resource of " + op.path())
                .containsKey(op.path()));
    }

    @TestFactory
    Stream<DynamicTest> anotherCentersIdAnswersAsAMissingOne() {
        return BY_ID.stream().filter(op -> CREATE.containsKey(op.path())).map(op -> DynamicTest.dynamicTest(
                op.toString(), () -> {
                    String theirs = CREATE.get(op.path()).apply(host, b);
                    String before = host.get(op.path().replaceAll("\\{[^}]+}", theirs), b.token()).body();

                    Reply foreign = send(op, theirs, a);
                    Reply missing = send(op, UUID.randomUUID().toString(), a);

                    assertThat(foreign.status()).as(op + " with another center's id").isEqualTo(404);
                    assertThat(withoutRequestId(foreign.json())).isEqualTo(withoutRequestId(missing.json()));
                    assertThat(host.get(op.path().replaceAll("\\{[^}]+}", theirs), b.token()).body())
                            .as("the other center's resource is unchanged").isEqualTo(before);
                }));
    }

    private static Reply send(OpenApiRoutes.Operation op, String id, Center as) {
        String body = BODIES.getOrDefault(op.method(), "");
        HttpRequest.Builder request = host.request(op.path().replaceAll("\\{[^}]+}", id))
                .header("Authorization", "Bearer " + as.token());
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        request.method(op.method(), body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return host.send(request.build());
    }

    private static JsonNode withoutRequestId(JsonNode problem) {
        ObjectNode copy = problem.deepCopy();
        copy.remove("requestId");
        return copy;
    }
}

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
    /** The data-subject rights routes' resources: a client, or an access request of one. */
    private static final Map<String, BiFunction<TestHost, Center, String>> PRIVACY_CREATE = Map.of(
            "/v1/clients/{id}/export", (host, center) -> host.post("/v1/clients",
                    Map.of("fullName", "Probe Subject"), center.token()).json().get("id").asText(),
            "/v1/privacy/requests/{id}", CrossTenantProbeTest::privacyRequest,
            "/v1/privacy/requests/{id}/complete", CrossTenantProbeTest::privacyRequest,
            "/v1/privacy/requests/{id}/extend", CrossTenantProbeTest::privacyRequest,
            "/v1/clients/{id}/lift-restriction", CrossTenantProbeTest::restrictedClient);

    // Issue 7, part A (members of a center): one's own membership, named by the center that asked.
    /** A third center asks the center's administrator to join: the id is that center's (the membership's). */
    private static String membershipRequest(TestHost host, Center center) {
        Center asker = host.newCenter("Probe Asker");
        host.post("/v1/users", TestHost.userBody(center.adminEmail(), "professional"), asker.token());
        return asker.tenantId();
    }

    private static final Map<String, BiFunction<TestHost, Center, String>> MEMBERSHIP_CREATE = Map.of(
            "/v1/me/memberships/{id}", CrossTenantProbeTest::membershipRequest,
            "/v1/me/memberships/{id}/accept", CrossTenantProbeTest::membershipRequest,
            "/v1/me/memberships/{id}/decline", CrossTenantProbeTest::membershipRequest);

    /** How to create, in a center, the resource a path template names; answers its id. */
    private static final Map<String, BiFunction<TestHost, Center, String>> CREATE = union(PRIVACY_CREATE,
            MEMBERSHIP_CREATE, Map.of(
            "/v1/users/{id}", (host, center) -> host.post("/v1/users",
                    TestHost.userBody(TestHost.newEmail("probe"), "professional"), center.token())
                    .json().get("id").asText(),
            "/v1/clients/{id}", (host, center) -> host.post("/v1/clients", Map.of("fullName", "Probe Client",
                    "phone", "600 123 456", "notes", "Probe notes."), center.token()).json().get("id").asText(),
            // The consents route names the client: its ledger is what another center must not reach.
            "/v1/clients/{id}/consents", (host, center) -> host.post("/v1/clients", Map.of("fullName", "Probe Client"),
                    center.token()).json().get("id").asText(),
            "/v1/invitations/{id}", (host, center) -> host.post("/v1/invitations",
                    Map.of("email", TestHost.newEmail("probe"), "role", "receptionist"), center.token())
                    .json().get("id").asText(),
            "/v1/sessions/{id}", (host, center) -> host.get("/v1/sessions",
                    host.login(center.adminEmail(), TestHost.PASSWORD, center.tenantId()))
                    .json().get("items").get(0).get("id").asText(),
            // An incident is recorded by an operator; it belongs to the centers it affected.
            "/v1/incidents/{id}", (host, center) -> host.post("/v1/operator/incidents",
                    com.qleven.host.http.privacy.IncidentFixtures.incident(host.clock.instant().minusSeconds(60)
                            .toString(), List.of(center.tenantId()), List.of("contact")),
                    com.qleven.host.http.privacy.IncidentFixtures.operator(host)).json().get("id").asText()));

    /** Map.of takes ten entries at most: the table is kept in parts and joined here. */
    @SafeVarargs
    private static Map<String, BiFunction<TestHost, Center, String>> union(
            Map<String, BiFunction<TestHost, Center, String>>... parts) {
        Map<String, BiFunction<TestHost, Center, String>> all = new java.util.HashMap<>();
        for (Map<String, BiFunction<TestHost, Center, String>> part : parts) {
            part.forEach((path, create) -> {
                if (all.put(path, create) != null) {
                    throw new IllegalStateException("two ways to create a resource of " + path);
                }
            });
        }
        return Map.copyOf(all);
    }

    /** A client of the center and an access request of theirs: the request's id. */
    private static String privacyRequest(TestHost host, Center center) {
        String client = host.post("/v1/clients", Map.of("fullName", "Probe Subject"), center.token())
                .json().get("id").asText();
        return host.post("/v1/privacy/requests", Map.of("clientId", client, "type", "access"), center.token())
                .json().get("id").asText();
    }

    /** A client of the center whose processing is restricted: the client's id. */
    private static String restrictedClient(TestHost host, Center center) {
        String client = host.post("/v1/clients", Map.of("fullName", "Probe Subject"), center.token())
                .json().get("id").asText();
        String request = host.post("/v1/privacy/requests", Map.of("clientId", client, "type", "restriction"),
                center.token()).json().get("id").asText();
        host.post("/v1/privacy/requests/" + request + "/complete", Map.of("outcome", "Probe."), center.token());
        return client;
    }

    /** A body each method sends, valid for a resource of one's own center. */
    private static final Map<String, String> BODIES = Map.of("PATCH", "{}", "PUT", "{}", "POST", "{}");

    private static TestHost host;
    private static Center a;
    private static Center b;
    private static final List<OpenApiRoutes.Operation> BY_ID = new OpenApiRoutes().operations().stream()
            .filter(OpenApiRoutes.Operation::hasId)
            // Operator routes edit the platform's own records, which belong to no center; a center's
            // token gets 403 there (IncidentsApiTest and SubprocessorsApiTest check it).
            .filter(op -> !op.path().startsWith("/v1/operator/"))
            // A policy version is the platform's, the same for every account: its name is no center's
            // resource (PolicyVersionsApiTest checks an unknown one is 404).
            .filter(op -> !op.path().startsWith("/v1/policy-versions/"))
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
                    // An action (POST /{collection}/{id}/{verb}) is checked on the resource it acts on.
                    String resource = op.path().replaceAll("(\\{[^}]+})/[a-z-]+$", "$1")
                            .replaceAll("\\{[^}]+}", theirs);
                    String before = host.get(resource, b.token()).body();

                    Reply foreign = send(op, theirs, a);
                    Reply missing = send(op, UUID.randomUUID().toString(), a);

                    assertThat(foreign.status()).as(op + " with another center's id").isEqualTo(404);
                    assertThat(withoutRequestId(foreign.json())).isEqualTo(withoutRequestId(missing.json()));
                    assertThat(host.get(resource, b.token()).body())
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

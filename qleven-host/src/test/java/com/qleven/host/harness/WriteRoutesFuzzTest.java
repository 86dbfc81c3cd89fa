package com.qleven.host.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.http.privacy.IncidentFixtures;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based fuzzing of every write route of the OpenAPI document: whatever arrives (members of
 * the route's own schema with hostile values, unknown members, wrong types, nesting, malformed
 * text, a wrong content type, no or a bad token), the host never answers 5xx, and a refused request
 * leaves every table as it was, compared by a checksum of each table's rows, not only its count.
 * The ids in paths are real ones of two centers' fixtures (and unknown or malformed ones), and the
 * caller is each role of either center, an operator, nobody or a forged token, so the requests
 * reach existing resources past authentication. The tries are bounded so the build stays fast;
 * a failure prints the request that caused it.
 */
class WriteRoutesFuzzTest {
    private static final List<String> HOSTILE = List.of("", " ", "' OR '1'='1", "\"; DROP TABLE accounts; --",
            "%00", "\u0000", "../../etc/passwd", "<script>alert(1)</script>", "${jndi:ldap://x}", "😀😀",
            "\u202Eevil", "NaN", "-1", "1e309", "0000-00-00", "2026-02-30", "+0", "+34600111222", "a@b.co",
            "Europe/Madrid", "ES", "EUR", "administrator", "x".repeat(5000), "correct horse battery");
    private static final List<String> NON_WRITES = List.of("GET");
    private static TestHost host;
    private static com.qleven.host.whatsapp.FakeGraphApi graph;
    /** The routes that call Meta: Meta refusing what they send is a 502 problem, and writes nothing. */
    private static final Set<String> CALL_META = Set.of("POST /v1/whatsapp/account/embedded-signup",
            "POST /v1/whatsapp/templates/sync", "POST /v1/whatsapp/templates");
    private static CenterFixture a;
    private static CenterFixture b;
    private static String operator;
    private static final List<String> SLUGS = new ArrayList<>();
    private static final List<String> CALLERS = List.of("a-administrator", "a-professional", "a-receptionist",
            "b-administrator", "operator", "nobody", "forged");
    private static final List<OpenApiRoutes.Operation> WRITES = new OpenApiRoutes().operations().stream()
            .filter(op -> !NON_WRITES.contains(op.method()))
            .toList();

    @BeforeContainer
    static void start() {
        // Meta's part is the fake Graph API, which takes every hostile value as a token: a connected
        // number then syncs and submits against it, and only what Meta refuses answers 502.
        graph = com.qleven.host.whatsapp.FakeGraphApi.start(0).appCredentials("1234567890", "fuzz-app-secret");
        HOSTILE.forEach(graph::acceptToken);
        host = TestHost.start(Map.of(com.qleven.host.config.WhatsAppSettings.GRAPH_URL, graph.baseUrl().toString(),
                com.qleven.host.config.WhatsAppSettings.APP_ID, "1234567890",
                com.qleven.host.config.WhatsAppSettings.APP_SECRET, "fuzz-app-secret"));
        operator = IncidentFixtures.operator(host);
        a = CenterFixture.create(host, "Centro Fuzz A", "fuzz_alpha", operator);
        b = CenterFixture.create(host, "Centro Fuzz B", "fuzz_bravo", operator);
        // Online booking's routes name a center by its public slug: both centers' slugs are real path values.
        for (CenterFixture f : List.of(a, b)) {
            SLUGS.add(host.get("/v1/center", f.center().token()).json().get("slug").asText());
            // A registered machine of each center, so the device routes reach real rows.
            DevicesProbe.device(host, f);
        }
        settle();
    }

    @AfterContainer
    static void stop() {
        if (host != null) {
            host.close();
        }
        if (graph != null) {
            graph.close();
        }
    }

    @Provide
    Arbitrary<OpenApiRoutes.Operation> writeRoutes() {
        return Arbitraries.of(WRITES);
    }

    @Provide
    Arbitrary<String> callers() {
        return Arbitraries.of(CALLERS);
    }

    @Property(tries = 300, seed = "20261127")
    void noWriteRouteAnswers5xxAndARefusedOneWritesNothing(@ForAll("writeRoutes") OpenApiRoutes.Operation route,
                                                           @ForAll("callers") String caller, @ForAll long seed) {
        Random random = new Random(seed);
        String path = route.path().replaceAll("\\{[^}]+}", pathValue(random));
        String body = body(route, random);
        HttpRequest.Builder request = host.request(path);
        String contentType = random.nextInt(10) == 0 ? "text/plain" : "application/json";
        request.header("Content-Type", contentType);
        // Signing out with a fixture's token would end it for the tries that follow.
        String token = route.path().equals("/v1/auth/logout") ? "qs_garbage" : token(caller);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (random.nextInt(4) == 0) {
            request.header("Idempotency-Key", random.nextBoolean() ? UUID.randomUUID().toString() : "k\tey");
        }
        request.method(route.method(), HttpRequest.BodyPublishers.ofString(body));

        Map<String, String> before = tables();
        Set<String> mailBefore = mailIds();
        Reply reply = host.send(request.build());
        String what = route + " " + path + " as " + caller + " " + contentType + " " + abbreviate(body);

        boolean metaRefused = CALL_META.contains(route.toString()) && reply.status() == 502;
        assertThat(metaRefused || reply.status() < 500).as(what + " -> " + reply.body()).isTrue();
        if (reply.status() >= 400) {
            assertThat(reply.header("Content-Type")).as(what).startsWith("application/problem+json");
            Map<String, String> after = tables();
            assertThat(mailBefore).as("a refused " + what + " queued mail").containsAll(mailIds());
            assertThat(after).as("a refused " + what + " wrote to " + changed(before, after)).isEqualTo(before);
        } else {
            // An accepted write may have ended or changed a fixture's session: sign in again where needed.
            TOKENS.clear();
            settle();
        }
    }

    /**
     * Waits until the database stops changing (the mail aside), so that what an accepted write
     * commits after its answer has gone out is not taken for the next request's doing.
     */
    private static void settle() {
        Map<String, String> last = tables();
        for (int i = 0; i < 50; i++) {
            try {
                Thread.sleep(60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            Map<String, String> now = tables();
            if (now.equals(last)) {
                return;
            }
            last = now;
        }
        throw new AssertionError("the database kept changing after an accepted write");
    }

    /**
     * Every table's checksum but the mail's. The mail dispatcher sends queued mail every second in
     * the background, deleting what it sent with the message's own data key and pushing back what
     * failed: the outbox and the mail keys are compared apart ({@link #mailIds}).
     */
    private static Map<String, String> tables() {
        Map<String, String> sums = CenterFixture.checksums(host, null,
                Map.of("keystore.data_keys", "scope_kind <> 'mail'"));
        sums.remove("public.mail_outbox");
        return sums;
    }

    /** Queued mail and its keys: a refused request must have added none. */
    private static Set<String> mailIds() {
        Set<String> ids = new HashSet<>();
        try (Connection c = host.superuser(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id::text FROM public.mail_outbox UNION ALL SELECT 'key ' || "
                     + "scope_owner FROM keystore.data_keys WHERE scope_kind = 'mail'")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The caller's token, signed in again when an accepted write ended its session. */
    private static String token(String caller) {
        return switch (caller) {
            case "nobody" -> null;
            case "forged" -> "qs_" + UUID.randomUUID();
            default -> TOKENS.computeIfAbsent(caller, WriteRoutesFuzzTest::liveToken);
        };
    }

    private static String liveToken(String caller) {
        String token = switch (caller) {
            case "a-administrator" -> a.center().token();
            case "a-professional" -> a.professionalToken();
            case "a-receptionist" -> a.receptionistToken();
            case "b-administrator" -> b.center().token();
            default -> operator;
        };
        if (host.get("/v1/me", token).status() == 200) {
            return token;
        }
        // Ended by an accepted fuzz write (a password change, a revoked session, a role change):
        // a forged token then stands in, which still exercises the route.
        return "qs_" + UUID.randomUUID();
    }

    /** A real id of either center's fixtures (of any kind), or one that names nothing, or none at all. */
    private static String pathValue(Random random) {
        List<String> real = new ArrayList<>();
        for (CenterFixture f : List.of(a, b)) {
            real.addAll(List.of(f.clientId(), f.requestId(), f.invitationId(), f.professionalId(), f.sessionId(),
                    f.incidentId(), f.serviceId(), f.equipmentId(), f.purposeCode(), f.appointmentId(),
                    f.bookableServiceId(), f.waitlistId(), f.duplicateId(), f.invoiceId(), f.draftInvoiceId(),
                    f.packageId(), f.clientPackageId(), DevicesProbe.device(host, f)));
        }
        real.addAll(SLUGS);
        return switch (random.nextInt(6)) {
            case 0 -> "not-a-uuid";
            case 1 -> "00000000-0000-0000-0000-000000000000";
            case 2 -> UUID.randomUUID().toString();
            default -> real.get(random.nextInt(real.size()));
        };
    }

    private static String body(OpenApiRoutes.Operation route, Random random) {
        int shape = random.nextInt(10);
        if (shape == 0) {
            return "{\"unterminated\": ";
        }
        if (shape == 1) {
            return value(random, 0).toString();
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        fill(object, route.bodySchema(), random, 0);
        if (random.nextInt(5) == 0) {
            object.put("unknownMember" + random.nextInt(100), "x");
        }
        return object.toString();
    }

    /** The schema's own members, each with a value that fits it now and then and is hostile otherwise. */
    private static void fill(ObjectNode object, JsonNode schema, Random random, int depth) {
        JsonNode resolved = schema == null ? null : new OpenApiRoutes().resolve(schema);
        if (resolved == null || !resolved.has("properties")) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> members = resolved.get("properties").fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            if (random.nextInt(6) == 0) {
                continue;
            }
            JsonNode memberSchema = new OpenApiRoutes().resolve(member.getValue());
            if (memberSchema != null && memberSchema.has("properties") && depth < 3 && random.nextInt(4) != 0) {
                fill(object.putObject(member.getKey()), memberSchema, random, depth + 1);
            } else {
                object.set(member.getKey(), value(random, depth));
            }
        }
    }

    private static JsonNode value(Random random, int depth) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return switch (random.nextInt(depth > 2 ? 6 : 8)) {
            case 0 -> json.nullNode();
            case 1 -> json.booleanNode(random.nextBoolean());
            case 2 -> json.numberNode(random.nextInt());
            case 3 -> json.numberNode(random.nextDouble() * 1e12);
            case 4, 5 -> json.textNode(HOSTILE.get(random.nextInt(HOSTILE.size())));
            case 6 -> {
                ArrayNode array = json.arrayNode();
                for (int i = random.nextInt(3); i > 0; i--) {
                    array.add(value(random, depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode nested = json.objectNode();
                nested.set("k" + random.nextInt(5), value(random, depth + 1));
                yield nested;
            }
        };
    }

    /** The tables whose checksum differs. */
    private static List<String> changed(Map<String, String> before, Map<String, String> after) {
        java.util.Set<String> tables = new java.util.TreeSet<>(before.keySet());
        tables.addAll(after.keySet());
        return tables.stream().filter(t -> !java.util.Objects.equals(before.get(t), after.get(t))).toList();
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

}

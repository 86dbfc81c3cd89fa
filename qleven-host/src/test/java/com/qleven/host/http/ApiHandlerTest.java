package com.qleven.host.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.InfrastructureException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.PreconditionFailedException;
import com.qleven.domain.shared.RateLimitedException;
import com.qleven.domain.shared.UnauthenticatedException;
import com.qleven.domain.shared.UnprocessableException;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The HTTP layer alone, on Undertow with a route table of its own and no database: headers,
 * request ids, problems for every failure, CORS, the access log and metrics, slowed answers that
 * hold no worker, and the graceful stop.
 */
class ApiHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALLOWED_ORIGIN = "https://app.example.test";
    private static final Duration SLOW = Duration.ofMillis(1200);
    private static HttpServer server;
    private static PrometheusMeterRegistry registry;
    private static URI base;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** How many requests reached /slow401: its answer is held back after that. */
    private static final AtomicInteger SLOWED = new AtomicInteger();

    record Echo(String name, Integer count) {
    }

    record Ok(boolean ok) {
    }

    record Thing(String id) {
    }

    record Query(String q) {
    }

    record Client(String country, String ip) {
    }

    record Done(boolean done) {
    }

    @BeforeAll
    static void start() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Router router = new Router(List.of(
                Route.get("/ok", r -> Response.ok(new Ok(true))),
                Route.get("/thread", r -> Response.ok(new Thing(Thread.currentThread().getName()))),
                Route.inline("/thread-inline", r -> Response.ok(new Thing(Thread.currentThread().getName()))),
                Route.get("/things/{id}", r -> Response.ok(new Thing(r.pathParam("id").orElseThrow()))),
                Route.post("/echo", Route.Body.JSON, r -> Response.ok(r.body(Echo.class))),
                Route.get("/query", r -> Response.ok(new Query(r.query("q").orElse("(none)")))),
                Route.get("/client", r -> Response.ok(new Client(r.client().country().orElse("none"),
                        r.client().ip()))),
                Route.get("/boom", r -> {
                    throw new IllegalStateException("secret internal detail");
                }),
                Route.get("/slow401", r -> {
                    SLOWED.incrementAndGet();
                    throw new UnauthenticatedException(SLOW);
                }),
                Route.get("/conflict", r -> {
                    throw new ConflictException("choose a center", Map.of("centers", List.of(Map.of("tenantId", "t1",
                            "name", "Centro")), "status", 999));
                }),
                Route.get("/limited", r -> {
                    throw new RateLimitedException("slow down", Duration.ofMillis(1500));
                }),
                Route.get("/unavailable", r -> {
                    throw new InfrastructureException("database connection refused at 10.0.0.5", true, null);
                }),
                Route.get("/broken", r -> {
                    throw new InfrastructureException("schema mismatch in table secrets", false, null);
                }),
                Route.get("/forbidden", r -> {
                    throw new ForbiddenException("the role receptionist may not manage users");
                }),
                Route.get("/missing", r -> {
                    throw new NotFoundException("client");
                }),
                Route.get("/stale", r -> {
                    throw new PreconditionFailedException("the client changed since you read it");
                }),
                Route.get("/rule", r -> {
                    throw new UnprocessableException("admin.ageConfirmed", "must confirm being 16 or older");
                }),
                Route.get("/ready", r -> new OpsEndpoints(() -> false, registry).routes().stream()
                        .filter(route -> route.template().equals("/health/ready")).findFirst().orElseThrow()
                        .endpoint().handle(r))));
        ApiHandler handler = new ApiHandler(router, Json.mapper(), new Cors(List.of(ALLOWED_ORIGIN)),
                new HttpMetrics(registry), Optional.empty());
        server = new HttpServer("127.0.0.1", 0, Optional.empty(), 0, handler, 1);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.httpPort());
    }

    @AfterAll
    static void stop() {
        server.stop(Duration.ofSeconds(1));
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndARequestIdButNoServerName() throws Exception {
        for (String path : List.of("/ok", "/nowhere", "/boom", "/slow401")) {
            HttpResponse<String> r = send(get(path));
            assertThat(r.headers().firstValue("X-Request-Id")).as(path).isPresent();
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(r.headers().firstValue("Content-Security-Policy"))
                    .contains("default-src 'none'; frame-ancestors 'none'");
            assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(r.headers().firstValue("Server")).isEmpty();
            assertThat(r.headers().firstValue("Strict-Transport-Security")).as("plain HTTP").isEmpty();
            assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void aSaneRequestIdIsKeptAndAnythingElseReplaced() throws Exception {
        HttpResponse<String> kept = send(get("/ok").header("X-Request-Id", "edge-42.abc_DEF"));
        assertThat(kept.headers().firstValue("X-Request-Id")).contains("edge-42.abc_DEF");
        for (String bad : List.of("has space", "x".repeat(101), "quote\"d", "semi;colon")) {
            HttpResponse<String> replaced = send(get("/boom").header("X-Request-Id", bad));
            String id = replaced.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(id).isNotEqualTo(bad).matches("[0-9a-f-]{36}");
            assertThat(JSON.readTree(replaced.body()).get("requestId").asText()).isEqualTo(id);
        }
    }

    @Test
    void unknownRoutesAre404AndOtherMethodsAre405WithAllow() throws Exception {
        HttpResponse<String> missing = send(get("/v1/nothing-here"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(problem(missing).get("code").asText()).isEqualTo("NOT_FOUND");
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(base.resolve("/ok"))
                .method("DELETE", HttpRequest.BodyPublishers.noBody()));
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("Allow")).contains("GET");
        assertThat(problem(wrong).get("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(send(get("/things/")).statusCode()).isEqualTo(404);
        assertThat(send(get("/ok/")).statusCode()).isEqualTo(404);
    }

    @Test
    void anUnexpectedFailureIsA500WithOnlyTheRequestId() throws Exception {
        HttpResponse<String> r = send(get("/boom"));
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = problem(r);
        assertThat(problem.get("code").asText()).isEqualTo("INTERNAL");
        assertThat(problem.get("requestId").asText()).isEqualTo(r.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(r.body()).doesNotContain("secret").doesNotContain("IllegalState").doesNotContain("at com.");

        HttpResponse<String> broken = send(get("/broken"));
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.body()).doesNotContain("secrets");
        HttpResponse<String> unavailable = send(get("/unavailable"));
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(problem(unavailable).get("code").asText()).isEqualTo("UNAVAILABLE");
        assertThat(unavailable.body()).doesNotContain("10.0.0.5");
    }

    @Test
    void eachErrorCodeHasItsStatusAndProblem() throws Exception {
        Map<String, Integer> expected = Map.of("/forbidden", 403, "/missing", 404, "/stale", 412, "/rule", 422,
                "/conflict", 409, "/limited", 429, "/ready", 503);
        for (var e : expected.entrySet()) {
            HttpResponse<String> r = send(get(e.getKey()));
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(e.getValue());
            JsonNode p = problem(r);
            assertThat(p.get("status").asInt()).isEqualTo(e.getValue());
            assertThat(p.fieldNames()).toIterable()
                    .contains("type", "title", "status", "code", "detail", "errors", "requestId");
        }
        JsonNode conflict = problem(send(get("/conflict")));
        assertThat(conflict.get("centers").get(0).get("name").asText()).isEqualTo("Centro");
        assertThat(conflict.get("status").asInt()).as("details never overwrite the problem's members").isEqualTo(409);
        HttpResponse<String> limited = send(get("/limited"));
        assertThat(limited.headers().firstValue("Retry-After")).contains("2");
        JsonNode rule = problem(send(get("/rule")));
        assertThat(rule.get("errors").get(0).get("field").asText()).isEqualTo("admin.ageConfirmed");
        assertThat(rule.get("errors").get(0).get("pointer").asText()).isEqualTo("/admin/ageConfirmed");
    }

    @Test
    void aSlowedAnswerComesAfterItsDelayWithoutHoldingTheOnlyWorker() throws Exception {
        long started = System.nanoTime();
        int before = SLOWED.get();
        CompletableFuture<HttpResponse<String>> slow = HTTP.sendAsync(get("/slow401").build(),
                HttpResponse.BodyHandlers.ofString());
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> SLOWED.get() > before);
        // One worker thread in this server: if the slowed answer held it, this would wait for it.
        long fastStarted = System.nanoTime();
        HttpResponse<String> fast = send(get("/ok"));
        Duration fastTook = Duration.ofNanos(System.nanoTime() - fastStarted);
        assertThat(fast.statusCode()).isEqualTo(200);
        assertThat(slow).isNotDone();
        HttpResponse<String> slowed = slow.get();
        Duration slowTook = Duration.ofNanos(System.nanoTime() - started);
        assertThat(slowed.statusCode()).isEqualTo(401);
        assertThat(slowed.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(problem(slowed).get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(slowTook).isGreaterThanOrEqualTo(SLOW);
        assertThat(fastTook).isLessThan(SLOW.minusMillis(400));
    }

    @Test
    void anInlineRouteIsAnsweredOnTheIoThreadAndAnyOtherOnAWorker() throws Exception {
        HttpResponse<String> inline = send(get("/thread-inline"));
        assertThat(inline.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(inline.body()).get("id").asText()).contains("I/O");
        assertThat(inline.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(inline.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(JSON.readTree(send(get("/thread")).body()).get("id").asText()).contains("task").doesNotContain("I/O");
        assertThatThrownBy(() -> new Route("POST", "/x", Route.Body.JSON, r -> Response.noContent(), java.util.Optional.empty(), java.util.Optional.empty(), true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void corsAnswersListedOriginsOnly() throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(base.resolve("/echo"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type, authorization"));
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(ALLOWED_ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
                .contains("Authorization").contains("Content-Type");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

        HttpResponse<String> foreign = send(HttpRequest.newBuilder(base.resolve("/echo"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example.test")
                .header("Access-Control-Request-Method", "POST"));
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(foreign.statusCode()).isEqualTo(405);

        HttpResponse<String> actual = send(get("/ok").header("Origin", ALLOWED_ORIGIN));
        assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).contains(ALLOWED_ORIGIN);
        assertThat(actual.headers().firstValue("Access-Control-Expose-Headers").orElseThrow()).contains("X-Request-Id");
        assertThat(actual.headers().allValues("Vary")).contains("Origin");
        HttpResponse<String> other = send(get("/ok").header("Origin", "https://evil.example.test"));
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aJsonBodyIsReadStrictly() throws Exception {
        HttpResponse<String> ok = send(post("/echo", "{\"name\": \"a\", \"count\": 2}"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).get("count").asInt()).isEqualTo(2);
        assertThat(field(send(post("/echo", "{\"count\": \"2\"}")))).isEqualTo("count");
        assertThat(field(send(post("/echo", "{\"count\": 2.5}")))).isEqualTo("count");
        assertThat(field(send(post("/echo", "{\"name\": [\"a\"]}")))).isEqualTo("name");
        assertThat(field(send(post("/echo", "{\"name\": \"a\"}  x")))).isEqualTo("body");
        assertThat(field(send(post("/echo", "{\"nested\": {\"a\": 1}}")))).isEqualTo("nested");
        assertThat(field(send(post("/echo", "\"just a string\"")))).isEqualTo("body");
        assertThat(field(send(post("/echo", "{\"name\": \"\\u0000\", \"count\": 99999999999}")))).isEqualTo("count");
        HttpResponse<String> plusJson = send(HttpRequest.newBuilder(base.resolve("/echo"))
                .header("Content-Type", "application/merge-patch+json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"a\"}")));
        assertThat(plusJson.statusCode()).isEqualTo(200);
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThat(field(send(post("/echo", deep)))).isEqualTo("body");
    }

    @Test
    void escapesInThePathAndQueryAreDecoded() throws Exception {
        assertThat(JSON.readTree(send(get("/things/a%20b%C3%A9")).body()).get("id").asText()).isEqualTo("a bé");
        assertThat(JSON.readTree(send(get("/query?other=1&q=a+b%2B%C3%A9")).body()).get("q").asText())
                .isEqualTo("a b+é");
        // A broken escape is refused by Undertow's request parser itself, before any handler.
        for (String target : List.of("/things/%zz", "/query?q=%zz", "/v1/%")) {
            assertThat(raw("GET " + target + " HTTP/1.1")).as(target).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void theCountryHeaderIsIgnoredUnlessConfigured() throws Exception {
        JsonNode client = JSON.readTree(send(get("/client").header("CF-IPCountry", "ES")).body());
        assertThat(client.get("country").asText()).isEqualTo("none");
        assertThat(client.get("ip").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void theAccessLogAndTheMetricsNameTheRouteTemplateNotThePath() throws Exception {
        Logger access = (Logger) LoggerFactory.getLogger("com.qleven.host.access");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        access.addAppender(captured);
        try {
            HttpResponse<String> r = send(get("/things/0190-secret-id?email=someone@example.test"));
            assertThat(r.statusCode()).isEqualTo(200);
            String id = r.headers().firstValue("X-Request-Id").orElseThrow();
            // The access line is written when the exchange completes, just after the answer.
            Awaitility.await().atMost(Duration.ofSeconds(2)).ignoreExceptions()
                    .until(() -> captured.list.stream().anyMatch(e -> id.equals(kv(e).get("requestId"))));
            ILoggingEvent line = captured.list.stream().filter(e -> kv(e).get("requestId").equals(id)).findFirst()
                    .orElseThrow();
            Map<String, String> fields = kv(line);
            assertThat(fields).containsEntry("method", "GET").containsEntry("route", "/things/{id}")
                    .containsEntry("status", "200").containsKey("durationMs");
            assertThat(fields.toString() + line.getFormattedMessage()).doesNotContain("secret-id")
                    .doesNotContain("someone");
        } finally {
            access.detachAppender(captured);
        }
        assertThat(registry.scrape()).contains("http_server_requests_seconds_count{method=\"GET\",route=\"/things/{id}\",status=\"200\"}")
                .doesNotContain("secret-id");
    }

    @Test
    void stoppingDrainsRequestsInFlightThenRefusesConnections() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Router router = new Router(List.of(Route.get("/slow", r -> {
            started.countDown();
            Thread.sleep(800); // the work in flight when the stop begins
            return Response.ok(new Done(true));
        })));
        HttpServer own = new HttpServer("127.0.0.1", 0, Optional.empty(), 0,
                new ApiHandler(router, Json.mapper(), new Cors(List.of()), new HttpMetrics(registry), Optional.empty()));
        own.start();
        URI ownBase = URI.create("http://127.0.0.1:" + own.httpPort());
        CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient()
                .sendAsync(HttpRequest.newBuilder(ownBase.resolve("/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.await(10, TimeUnit.SECONDS)).as("the request is in flight").isTrue();
        assertThat(own.stop(Duration.ofSeconds(10))).isTrue();
        assertThat(inFlight.get().statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(ownBase.resolve("/slow")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
    }

    /** A request line that java.net.URI would refuse to build, sent over a plain socket. */
    private static String raw(String requestLine) throws IOException {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> kv(ILoggingEvent event) {
        return event.getKeyValuePairs() == null ? Map.of() : event.getKeyValuePairs().stream()
                .collect(Collectors.toMap(p -> p.key, p -> String.valueOf(p.value)));
    }


    private static String field(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        return problem(r).get("errors").get(0).get("field").asText();
    }

    private static JsonNode problem(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).GET();
    }

    private static HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

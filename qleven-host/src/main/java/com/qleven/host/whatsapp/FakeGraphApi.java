package com.qleven.host.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.xnio.IoUtils;

/**
 * A stand-in for Meta's Graph API on Undertow, for tests and demos. It answers the calls Qleven
 * makes the way Meta does (facts page: shared/whatsapp-cloud-api.md), records every request for
 * tests to read, refuses tokens it was not told about with Graph error 190, and injects the faults
 * a test queues, one per request in arrival order. It can also post status webhooks signed like
 * Meta's. Every path starts with a version ({@code /v23.0/…}); any version is accepted and
 * recorded, so a test can assert the one the client used.
 */
public final class FakeGraphApi implements AutoCloseable {
    private static final Pattern PATH = Pattern.compile("/(v[0-9]+\\.[0-9]+)/([A-Za-z0-9_]+)/([a-z_]+)");
    private static final int PAGE_SIZE = 25;
    private static final HttpClient WEBHOOK_CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final ObjectMapper json = new ObjectMapper();
    private final Undertow server;
    private final URI baseUrl;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    /** When each request of {@link #requests} arrived ({@link System#nanoTime()}), in the same order. */
    private final List<Long> arrivals = new ArrayList<>();
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final Map<String, List<ObjectNode>> templates = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(880_000);
    private volatile String appId = "fake-app";
    private volatile String appSecret = "fake-app-secret";

    /** A request as it arrived: header names in lower case, the body as UTF-8 text. */
    public record RecordedRequest(String method, String path, String query, Map<String, String> headers, String body) {
        public RecordedRequest {
            headers = Map.copyOf(headers);
        }
    }

    /** What the next request gets instead of (or before) its answer. */
    public sealed interface Fault {
        /** A Graph error body with that code, as Meta sends it (HTTP 401 for 190, 400 otherwise). */
        record GraphError(int code, String details) implements Fault {
        }

        /** HTTP 500 without a body. */
        record ServerError() implements Fault {
        }

        /** HTTP 429 without a Graph error body, as a proxy or Meta's edge may answer a burst. */
        record TooManyRequests() implements Fault {
        }

        /** The normal answer after a delay: the call took effect, the caller may have stopped waiting. */
        record Slow(Duration delay) implements Fault {
            public Slow {
                Objects.requireNonNull(delay, "delay");
            }
        }

        /** The request is read, then the connection closed without an answer. */
        record Dropped() implements Fault {
        }

        static Fault graphError(int code) {
            return new GraphError(code, "injected " + code);
        }
    }

    private FakeGraphApi(int port) {
        this.server = Undertow.builder().addHttpListener(port, "127.0.0.1").setHandler(this::handle).build();
        server.start();
        InetSocketAddress address = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
        this.baseUrl = URI.create("http://127.0.0.1:" + address.getPort());
    }

    /** Starts on that port of 127.0.0.1 (0: any free port). */
    public static FakeGraphApi start(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port is 0 to 65535");
        }
        return new FakeGraphApi(port);
    }

    /** Where the fake listens, e.g. {@code http://127.0.0.1:41234}, without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** Accepts this bearer token from now on. */
    public FakeGraphApi acceptToken(String token) {
        tokens.add(Objects.requireNonNull(token, "token"));
        return this;
    }

    /** The app id and secret the code exchange must carry. */
    public FakeGraphApi appCredentials(String id, String secret) {
        this.appId = Objects.requireNonNull(id, "id");
        this.appSecret = Objects.requireNonNull(secret, "secret");
        return this;
    }

    /** An Embedded Signup code that exchanges (once) for that business token, then accepted. */
    public FakeGraphApi signupCode(String code, String businessToken) {
        codes.put(Objects.requireNonNull(code, "code"), Objects.requireNonNull(businessToken, "businessToken"));
        return this;
    }

    /**
     * Adds a template to a business account's list, as Meta would list it; returns its id.
     *
     * @param componentsJson its components as a JSON array in Meta's shape
     */
    public String addTemplate(String wabaId, String name, String language, String category, String status,
                              String componentsJson) {
        ObjectNode template = json.createObjectNode();
        String id = Long.toString(sequence.incrementAndGet());
        template.put("id", id).put("name", name).put("language", language).put("category", category)
                .put("status", status).put("parameter_format", "POSITIONAL");
        template.set("components", readArray(componentsJson));
        templates.computeIfAbsent(wabaId, k -> new CopyOnWriteArrayList<>()).add(template);
        return id;
    }

    /** Meta's review decided: the template of that id has that status now. */
    public void setTemplateStatus(String templateId, String status) {
        templates.values().stream().flatMap(List::stream).filter(t -> t.path("id").asText().equals(templateId))
                .forEach(t -> t.put("status", status));
    }

    /** Queues a fault for the next request not yet given one (requests take them in arrival order). */
    public FakeGraphApi inject(Fault fault) {
        faults.add(Objects.requireNonNull(fault, "fault"));
        return this;
    }

    /** Every request received so far, in order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * When each request arrived, as {@link System#nanoTime()}, in the order of {@link #requests()}:
     * what a rate benchmark measures.
     */
    public List<Long> arrivalNanos() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    /** Forgets the requests recorded and the faults not yet used. */
    public void reset() {
        synchronized (arrivals) {
            arrivals.clear();
        }
        requests.clear();
        faults.clear();
    }

    @Override
    public void close() {
        server.stop();
    }

    // ---- webhooks ----

    /**
     * A delivery status as Meta reports it.
     *
     * @param status sent, delivered, read or failed
     * @param callbackData the {@code biz_opaque_callback_data} the message was sent with, or null
     * @param errorCode the Graph code of a {@code failed}, or null
     * @param pricingCategory e.g. utility or marketing, or null for none
     */
    public record Status(String wamid, String status, Instant at, String recipientId, String callbackData,
                         Integer errorCode, String pricingCategory) {
        public Status {
            Objects.requireNonNull(wamid, "wamid");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(recipientId, "recipientId");
        }
    }

    /** The {@code messages} webhook body carrying these statuses of one number, as Meta shapes it. */
    public byte[] statusPayload(String wabaId, String phoneNumberId, String displayPhoneNumber, List<Status> statuses) {
        ObjectNode root = json.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode entry = root.putArray("entry").addObject().put("id", wabaId);
        ObjectNode value = entry.putArray("changes").addObject().put("field", "messages").putObject("value");
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", displayPhoneNumber)
                .put("phone_number_id", phoneNumberId);
        ArrayNode items = value.putArray("statuses");
        for (Status status : statuses) {
            ObjectNode item = items.addObject().put("id", status.wamid()).put("status", status.status())
                    .put("timestamp", Long.toString(status.at().getEpochSecond()))
                    .put("recipient_id", status.recipientId());
            if (status.callbackData() != null) {
                item.put("biz_opaque_callback_data", status.callbackData());
            }
            if (status.pricingCategory() != null) {
                item.putObject("pricing").put("billable", true).put("pricing_model", "PMP").put("type", "regular")
                        .put("category", status.pricingCategory());
            }
            if (status.errorCode() != null) {
                item.putArray("errors").addObject().put("code", status.errorCode()).put("title", "injected")
                        .put("message", "injected").putObject("error_data").put("details", "injected");
            }
        }
        return bytes(root);
    }

    /** Posts these statuses to a webhook URL, signed with that app secret; returns the HTTP status. */
    public int postStatuses(URI webhook, String secret, String wabaId, String phoneNumberId, List<Status> statuses)
            throws IOException, InterruptedException {
        return postSigned(webhook, secret, statusPayload(wabaId, phoneNumberId, "15550000000", statuses));
    }

    /** Posts a raw body with Meta's {@code X-Hub-Signature-256} over exactly those bytes. */
    public static int postSigned(URI webhook, String secret, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return WEBHOOK_CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** {@code sha256=} and the lower-case hex HMAC-SHA256 of the body under the app secret. */
    public static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
        }
    }

    // ---- serving ----

    private void handle(HttpServerExchange exchange) throws Exception {
        if (exchange.isInIoThread()) {
            // Blocking reads and deliberate delays belong on a worker thread.
            exchange.dispatch(this::handle);
            return;
        }
        exchange.startBlocking();
        byte[] raw = exchange.getInputStream().readAllBytes();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach(h -> headers.put(h.getHeaderName().toString().toLowerCase(Locale.ROOT),
                h.getFirst()));
        RecordedRequest recorded = new RecordedRequest(exchange.getRequestMethod().toString(),
                exchange.getRequestPath(), exchange.getQueryString(), headers, new String(raw, StandardCharsets.UTF_8));
        synchronized (arrivals) {
            requests.add(recorded);
            arrivals.add(System.nanoTime());
        }
        Fault fault = faults.poll();
        if (fault instanceof Fault.Dropped) {
            IoUtils.safeClose(exchange.getConnection());
            return;
        }
        if (fault instanceof Fault.ServerError) {
            exchange.setStatusCode(500);
            exchange.endExchange();
            return;
        }
        if (fault instanceof Fault.TooManyRequests) {
            exchange.setStatusCode(429);
            exchange.getResponseHeaders().put(io.undertow.util.Headers.RETRY_AFTER, "1");
            exchange.endExchange();
            return;
        }
        if (fault instanceof Fault.GraphError error) {
            graphError(exchange, error.code() == 190 ? 401 : 400, error.code(), error.details());
            return;
        }
        if (fault instanceof Fault.Slow slow) {
            Thread.sleep(slow.delay().toMillis());
        }
        route(exchange, raw);
    }

    private void route(HttpServerExchange exchange, byte[] raw) throws IOException {
        String method = exchange.getRequestMethod().toString();
        String path = exchange.getRequestPath();
        if (method.equals("GET") && path.matches("/v[0-9]+\\.[0-9]+/oauth/access_token")) {
            exchangeCode(exchange);
            return;
        }
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            graphError(exchange, 400, 100, "Unknown path components: " + path);
            return;
        }
        if (!authorized(exchange)) {
            graphError(exchange, 401, 190, "Error validating access token: The session is invalid.");
            return;
        }
        String node = matcher.group(2);
        String edge = matcher.group(3);
        JsonNode body = raw.length == 0 ? json.createObjectNode() : readJson(raw);
        if (body == null) {
            graphError(exchange, 400, 100, "Invalid JSON");
            return;
        }
        switch (method + " " + edge) {
            case "POST messages" -> message(exchange, body);
            case "GET message_templates" -> listTemplates(exchange, matcher.group(1), node);
            case "POST message_templates" -> createTemplate(exchange, node, body);
            case "POST register" -> {
                if (!body.path("pin").asText().matches("[0-9]{6}")
                        || !"whatsapp".equals(body.path("messaging_product").asText())) {
                    graphError(exchange, 400, 100, "(#100) The parameter pin is required.");
                } else {
                    success(exchange);
                }
            }
            case "POST subscribed_apps" -> success(exchange);
            default -> graphError(exchange, 400, 100, "Unsupported " + method + " request.");
        }
    }

    private boolean authorized(HttpServerExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        return header != null && header.startsWith("Bearer ") && tokens.contains(header.substring(7));
    }

    private void message(HttpServerExchange exchange, JsonNode body) throws IOException {
        if (!"whatsapp".equals(body.path("messaging_product").asText())) {
            graphError(exchange, 400, 100, "(#100) The parameter messaging_product is required.");
            return;
        }
        if ("read".equals(body.path("status").asText())) {
            success(exchange);
            return;
        }
        String to = body.path("to").asText("");
        String type = body.path("type").asText("");
        if (to.isEmpty() || !(type.equals("template") || type.equals("text"))) {
            graphError(exchange, 400, 100, "(#100) Invalid parameter");
            return;
        }
        ObjectNode answer = json.createObjectNode().put("messaging_product", "whatsapp");
        answer.putArray("contacts").addObject().put("input", to).put("wa_id", to.replace("+", ""));
        ObjectNode message = answer.putArray("messages").addObject()
                .put("id", "wamid.FAKE" + sequence.incrementAndGet());
        if (type.equals("template")) {
            message.put("message_status", "accepted");
        }
        send(exchange, 200, answer);
    }

    private void listTemplates(HttpServerExchange exchange, String version, String wabaId) throws IOException {
        List<ObjectNode> all = templates.getOrDefault(wabaId, List.of());
        int limit = intParameter(exchange, "limit", PAGE_SIZE);
        int from = Optional.ofNullable(exchange.getQueryParameters().get("after")).map(d -> d.getFirst())
                .map(FakeGraphApi::cursorIndex).orElse(0);
        int to = Math.min(all.size(), from + Math.max(1, limit));
        ObjectNode answer = json.createObjectNode();
        ArrayNode data = answer.putArray("data");
        for (ObjectNode template : all.subList(Math.min(from, all.size()), to)) {
            data.add(template.deepCopy());
        }
        ObjectNode paging = answer.putObject("paging");
        paging.putObject("cursors").put("before", cursor(from)).put("after", cursor(to));
        if (to < all.size()) {
            paging.put("next", baseUrl + "/" + version + "/" + wabaId + "/message_templates?limit=" + limit
                    + "&after=" + cursor(to));
        }
        send(exchange, 200, answer);
    }

    private void createTemplate(HttpServerExchange exchange, String wabaId, JsonNode body) throws IOException {
        String name = body.path("name").asText("");
        String language = body.path("language").asText("");
        String category = body.path("category").asText("");
        if (!name.matches("[a-z0-9_]{1,512}") || language.isEmpty() || category.isEmpty()
                || !body.path("components").isArray()) {
            graphError(exchange, 400, 100, "(#100) Invalid parameter");
            return;
        }
        boolean taken = templates.getOrDefault(wabaId, List.of()).stream()
                .anyMatch(t -> t.path("name").asText().equals(name) && t.path("language").asText().equals(language));
        if (taken) {
            graphError(exchange, 400, 100, "Content in this language already exists for this template.");
            return;
        }
        String id = addTemplate(wabaId, name, language, category, "PENDING", body.path("components").toString());
        send(exchange, 200, json.createObjectNode().put("id", id).put("status", "PENDING").put("category", category));
    }

    private void exchangeCode(HttpServerExchange exchange) throws IOException {
        String clientId = parameter(exchange, "client_id");
        String clientSecret = parameter(exchange, "client_secret");
        String code = parameter(exchange, "code");
        String token = code == null ? null : codes.remove(code);
        if (!appId.equals(clientId) || !appSecret.equals(clientSecret)) {
            graphError(exchange, 400, 1, "Error validating client secret.");
        } else if (token == null) {
            graphError(exchange, 400, 100, "Invalid verification code format.");
        } else {
            tokens.add(token);
            send(exchange, 200, json.createObjectNode().put("access_token", token).put("token_type", "bearer"));
        }
    }

    private void success(HttpServerExchange exchange) throws IOException {
        send(exchange, 200, json.createObjectNode().put("success", true));
    }

    private void graphError(HttpServerExchange exchange, int status, int code, String details) throws IOException {
        ObjectNode error = json.createObjectNode().putObject("error");
        error.put("message", "(#" + code + ") " + details).put("type", "OAuthException").put("code", code);
        error.putObject("error_data").put("messaging_product", "whatsapp").put("details", details);
        error.put("fbtrace_id", "FAKE" + sequence.incrementAndGet());
        ObjectNode envelope = json.createObjectNode();
        envelope.set("error", error);
        send(exchange, status, envelope);
    }

    private void send(HttpServerExchange exchange, int status, JsonNode body) throws IOException {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseHeaders().put(new HttpString("x-fb-trace-id"), "FAKE");
        exchange.getOutputStream().write(bytes(body));
        exchange.endExchange();
    }

    private static String parameter(HttpServerExchange exchange, String name) {
        var values = exchange.getQueryParameters().get(name);
        return values == null ? null : values.getFirst();
    }

    private static int intParameter(HttpServerExchange exchange, String name, int fallback) {
        try {
            String value = parameter(exchange, name);
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    // Meta's cursors are opaque base64; the fake's encode the index of the next item.
    private static String cursor(int index) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("idx:" + index).getBytes(StandardCharsets.UTF_8));
    }

    private static int cursorIndex(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return decoded.startsWith("idx:") ? Math.max(0, Integer.parseInt(decoded.substring(4))) : 0;
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    private JsonNode readJson(byte[] raw) {
        try {
            return json.readTree(raw);
        } catch (IOException e) {
            return null;
        }
    }

    private ArrayNode readArray(String componentsJson) {
        try {
            JsonNode node = json.readTree(componentsJson);
            if (node instanceof ArrayNode array) {
                return array;
            }
        } catch (IOException e) {
            // falls through to the same refusal
        }
        throw new IllegalArgumentException("componentsJson is a JSON array");
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}

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
 * a test queues, one per request in arrival order. It can also build and post webhooks signed like
 * Meta's: statuses of both pricing models, clients' inbound messages of every kind, preference changes,
 * value-level errors, template status updates, and batches of several entries mixing them. Every path starts with a version ({@code /v23.0/…}); any version is accepted and
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
    private final List<SentMessage> sent = new CopyOnWriteArrayList<>();
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

    /** A message the fake accepted: to whom (as the caller wrote it), its type, the wamid it answered. */
    public record SentMessage(String to, String type, String wamid, String body) {
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

    /** The messages (templates and texts) the fake accepted, in order, with the wamids it gave them. */
    public List<SentMessage> sent() {
        return List.copyOf(sent);
    }

    /** The messages accepted for that number ({@code to} with or without its +). */
    public List<SentMessage> sentTo(String number) {
        String digits = number.replace("+", "");
        return sent.stream().filter(m -> m.to().replace("+", "").equals(digits)).toList();
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

    /** Forgets the requests and messages recorded and the faults not yet used. */
    public void reset() {
        synchronized (arrivals) {
            arrivals.clear();
        }
        requests.clear();
        sent.clear();
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
                         Integer errorCode, String pricingCategory, String pricingModel) {
        public Status {
            Objects.requireNonNull(wamid, "wamid");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(recipientId, "recipientId");
            Objects.requireNonNull(pricingModel, "pricingModel");
            if (!pricingModel.equals("PMP") && !pricingModel.equals("CBP")) {
                throw new IllegalArgumentException("pricingModel is PMP or CBP");
            }
        }

        /** Priced per message ({@code PMP}, Meta's model since 1 July 2025): no conversation object. */
        public Status(String wamid, String status, Instant at, String recipientId, String callbackData,
                      Integer errorCode, String pricingCategory) {
            this(wamid, status, at, recipientId, callbackData, errorCode, pricingCategory, "PMP");
        }

        /** The same status priced per conversation ({@code CBP}, before July 2025): with a conversation. */
        public Status conversationBased() {
            return new Status(wamid, status, at, recipientId, callbackData, errorCode, pricingCategory, "CBP");
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
        statuses(value.putArray("statuses"), statuses);
        return bytes(root);
    }

    private static void statuses(ArrayNode items, List<Status> statuses) {
        for (Status status : statuses) {
            ObjectNode item = items.addObject().put("id", status.wamid()).put("status", status.status())
                    .put("timestamp", Long.toString(status.at().getEpochSecond()))
                    .put("recipient_id", status.recipientId());
            if (status.callbackData() != null) {
                item.put("biz_opaque_callback_data", status.callbackData());
            }
            if (status.pricingCategory() != null && status.pricingModel().equals("CBP")) {
                ObjectNode conversation = item.putObject("conversation")
                        .put("id", "CONV" + HexFormat.of().formatHex(status.wamid().getBytes(StandardCharsets.UTF_8)));
                if (status.status().equals("sent")) {
                    conversation.put("expiration_timestamp", Long.toString(status.at().getEpochSecond() + 86_400));
                }
                conversation.putObject("origin").put("type", status.pricingCategory());
                item.putObject("pricing").put("billable", true).put("pricing_model", "CBP")
                        .put("category", status.pricingCategory());
            } else if (status.pricingCategory() != null) {
                item.putObject("pricing").put("billable", true).put("pricing_model", "PMP").put("type", "regular")
                        .put("category", status.pricingCategory());
            }
            if (status.errorCode() != null) {
                item.putArray("errors").addObject().put("code", status.errorCode()).put("title", "injected")
                        .put("message", "injected").putObject("error_data").put("details", "injected");
            }
        }
    }

    /** Posts these statuses to a webhook URL, signed with that app secret; returns the HTTP status. */
    public int postStatuses(URI webhook, String secret, String wabaId, String phoneNumberId, List<Status> statuses)
            throws IOException, InterruptedException {
        return postSigned(webhook, secret, statusPayload(wabaId, phoneNumberId, "15550000000", statuses));
    }

    // ---- inbound webhooks ----

    /** The display number the fake puts in every change's metadata. */
    public static final String DISPLAY_PHONE_NUMBER = "15550000000";

    /**
     * One {@code messages[]} item a client sends to a center's number, as Meta shapes it: its wamid,
     * the sender ({@code from}, digits as Meta spells a {@code wa_id}) and its time.
     */
    public sealed interface Inbound {
        String wamid();

        String from();

        Instant at();

        /** A text message; {@code contextWamid} (or null) is the message it quotes. */
        record Text(String wamid, String from, Instant at, String body, String contextWamid) implements Inbound {
            public Text {
                Objects.requireNonNull(body, "body");
            }
        }

        /** A reaction to {@code targetWamid}; a null or empty {@code emoji} removes the earlier one. */
        record Reaction(String wamid, String from, Instant at, String targetWamid, String emoji) implements Inbound {
            public Reaction {
                Objects.requireNonNull(targetWamid, "targetWamid");
            }
        }

        /**
         * Media kept by Meta's id: {@code type} is image, audio, video, document or sticker; caption and
         * filename may be null.
         */
        record Media(String wamid, String from, Instant at, String type, String mediaId, String mimeType,
                     String caption, String filename) implements Inbound {
            public Media {
                if (!Set.of("image", "audio", "video", "document", "sticker").contains(type)) {
                    throw new IllegalArgumentException("media type is image, audio, video, document or sticker");
                }
                Objects.requireNonNull(mediaId, "mediaId");
                Objects.requireNonNull(mimeType, "mimeType");
            }
        }

        /** A tap on a template's quick-reply button: its payload and text, answering {@code contextWamid}. */
        record Button(String wamid, String from, Instant at, String contextWamid, String payload, String text)
                implements Inbound {
            public Button {
                Objects.requireNonNull(contextWamid, "contextWamid");
                Objects.requireNonNull(payload, "payload");
                Objects.requireNonNull(text, "text");
            }
        }

        /** A reply to an interactive message: a {@code button_reply}, or a {@code list_reply} when {@code list}. */
        record Interactive(String wamid, String from, Instant at, String contextWamid, boolean list, String id,
                           String title) implements Inbound {
            public Interactive {
                Objects.requireNonNull(contextWamid, "contextWamid");
                Objects.requireNonNull(id, "id");
                Objects.requireNonNull(title, "title");
            }
        }

        /** A type Meta does not support (a poll, a view-once photo…): {@code unsupported} with error 131051. */
        record Unsupported(String wamid, String from, Instant at) implements Inbound {
        }

        /** The system message Meta sends when the sender's number changes to {@code newWaId}. */
        record NumberChange(String wamid, String from, Instant at, String newWaId) implements Inbound {
            public NumberChange {
                Objects.requireNonNull(newWaId, "newWaId");
            }
        }
    }

    /** One change of an entry. */
    public sealed interface Change {
        /** The center's number it concerns ({@code metadata.phone_number_id}). */
        String phoneNumberId();

        /**
         * A {@code messages} change: inbound messages (with a {@code contacts[]} item, profile name
         * from {@code profileNames} or "WhatsApp user", for each sender) and statuses.
         */
        record Messages(String phoneNumberId, Map<String, String> profileNames, List<Inbound> messages,
                        List<Status> statuses) implements Change {
            public Messages {
                Objects.requireNonNull(phoneNumberId, "phoneNumberId");
                profileNames = Map.copyOf(profileNames);
                messages = List.copyOf(messages);
                statuses = List.copyOf(statuses);
            }
        }

        /** A {@code user_preferences} change of one client ({@code stop} or {@code resume} of a category). */
        record Preference(String phoneNumberId, String waId, Instant at, String category, String value)
                implements Change {
            public Preference {
                Objects.requireNonNull(phoneNumberId, "phoneNumberId");
                Objects.requireNonNull(waId, "waId");
                Objects.requireNonNull(at, "at");
                Objects.requireNonNull(category, "category");
                Objects.requireNonNull(value, "value");
            }

            /** "Stop promotions": a stop of {@code marketing_messages}. */
            public static Preference marketingStop(String phoneNumberId, String waId, Instant at) {
                return new Preference(phoneNumberId, waId, at, "marketing_messages", "stop");
            }
        }

        /** A {@code messages} change carrying only {@code value.errors[]} with those Graph codes. */
        record ValueErrors(String phoneNumberId, List<Integer> codes) implements Change {
            public ValueErrors {
                Objects.requireNonNull(phoneNumberId, "phoneNumberId");
                codes = List.copyOf(codes);
            }
        }

        /** A {@code message_template_status_update} of the entry's business account (no number). */
        record TemplateStatus(String name, String language, String event) implements Change {
            public TemplateStatus {
                Objects.requireNonNull(name, "name");
                Objects.requireNonNull(language, "language");
                Objects.requireNonNull(event, "event");
            }

            @Override
            public String phoneNumberId() {
                return "";
            }
        }
    }

    /** One {@code entry[]}: a business account and its changes. */
    public record Entry(String wabaId, List<Change> changes) {
        public Entry {
            Objects.requireNonNull(wabaId, "wabaId");
            changes = List.copyOf(changes);
        }

        public Entry(String wabaId, Change... changes) {
            this(wabaId, List.of(changes));
        }
    }

    /** A webhook body of these entries, in Meta's {@code whatsapp_business_account} envelope. */
    public byte[] payload(List<Entry> entries) {
        ObjectNode root = json.createObjectNode().put("object", "whatsapp_business_account");
        ArrayNode entryItems = root.putArray("entry");
        long time = 0;
        for (Entry entry : entries) {
            ObjectNode e = entryItems.addObject().put("id", entry.wabaId());
            ArrayNode changes = e.putArray("changes");
            for (Change change : entry.changes()) {
                time = Math.max(time, change(changes.addObject(), change));
            }
            e.put("time", time);
        }
        return bytes(root);
    }

    /** A webhook body of one entry with these changes. */
    public byte[] payload(String wabaId, Change... changes) {
        return payload(List.of(new Entry(wabaId, changes)));
    }

    /** A webhook body of one {@code messages} change carrying these inbound messages to one number. */
    public byte[] inboundPayload(String wabaId, String phoneNumberId, Inbound... messages) {
        return payload(wabaId, new Change.Messages(phoneNumberId, Map.of(), List.of(messages), List.of()));
    }

    /** Posts these inbound messages to a webhook URL, signed with that app secret; returns the HTTP status. */
    public int postInbound(URI webhook, String secret, String wabaId, String phoneNumberId, Inbound... messages)
            throws IOException, InterruptedException {
        return postSigned(webhook, secret, inboundPayload(wabaId, phoneNumberId, messages));
    }

    /** Posts a body of these entries, signed with that app secret; returns the HTTP status. */
    public int postSigned(URI webhook, String secret, List<Entry> entries) throws IOException, InterruptedException {
        return postSigned(webhook, secret, payload(entries));
    }

    /** Writes the change; returns the latest Unix time in it (0 when none). */
    private long change(ObjectNode node, Change change) {
        long latest = 0;
        if (change instanceof Change.TemplateStatus t) {
            node.put("field", "message_template_status_update").putObject("value").put("event", t.event())
                    .put("message_template_id", Math.abs((long) t.name().hashCode()))
                    .put("message_template_name", t.name()).put("message_template_language", t.language())
                    .put("reason", t.event().equals("REJECTED") ? "INVALID_FORMAT" : "NONE");
            return latest;
        }
        node.put("field", change instanceof Change.Preference ? "user_preferences" : "messages");
        ObjectNode value = node.putObject("value").put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", DISPLAY_PHONE_NUMBER)
                .put("phone_number_id", change.phoneNumberId());
        if (change instanceof Change.Messages m) {
            Map<String, String> senders = new LinkedHashMap<>();
            m.messages().forEach(i -> senders.putIfAbsent(i.from(),
                    m.profileNames().getOrDefault(i.from(), "WhatsApp user")));
            if (!senders.isEmpty()) {
                ArrayNode contacts = value.putArray("contacts");
                senders.forEach((waId, name) -> contacts.addObject().put("wa_id", waId)
                        .putObject("profile").put("name", name));
                ArrayNode items = value.putArray("messages");
                for (Inbound message : m.messages()) {
                    inbound(items.addObject(), message);
                    latest = Math.max(latest, message.at().getEpochSecond());
                }
            }
            if (!m.statuses().isEmpty()) {
                statuses(value.putArray("statuses"), m.statuses());
                for (Status s : m.statuses()) {
                    latest = Math.max(latest, s.at().getEpochSecond());
                }
            }
        } else if (change instanceof Change.Preference p) {
            value.putArray("contacts").addObject().put("wa_id", p.waId()).putObject("profile")
                    .put("name", "WhatsApp user");
            value.putArray("user_preferences").addObject().put("wa_id", p.waId())
                    .put("detail", "User requested to " + p.value() + " marketing messages")
                    .put("category", p.category()).put("value", p.value()).put("timestamp", p.at().getEpochSecond());
            latest = p.at().getEpochSecond();
        } else if (change instanceof Change.ValueErrors v) {
            ArrayNode errors = value.putArray("errors");
            for (int code : v.codes()) {
                errors.addObject().put("code", code).put("title", "Something went wrong")
                        .put("message", "Something went wrong")
                        .put("href", "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/")
                        .putObject("error_data").put("details", "Unable to process the incoming message");
            }
        }
        return latest;
    }

    private static void inbound(ObjectNode item, Inbound message) {
        item.put("from", message.from()).put("id", message.wamid())
                .put("timestamp", Long.toString(message.at().getEpochSecond()));
        if (message instanceof Inbound.Text t) {
            context(item, t.contextWamid());
            item.put("type", "text").putObject("text").put("body", t.body());
        } else if (message instanceof Inbound.Reaction r) {
            ObjectNode reaction = item.put("type", "reaction").putObject("reaction")
                    .put("message_id", r.targetWamid());
            reaction.put("emoji", r.emoji() == null ? "" : r.emoji());
        } else if (message instanceof Inbound.Media m) {
            ObjectNode media = item.put("type", m.type()).putObject(m.type()).put("mime_type", m.mimeType())
                    .put("sha256", Base64.getEncoder().encodeToString(
                            m.mediaId().getBytes(StandardCharsets.UTF_8)))
                    .put("id", m.mediaId());
            if (m.caption() != null) {
                media.put("caption", m.caption());
            }
            if (m.filename() != null) {
                media.put("filename", m.filename());
            }
            if (m.type().equals("audio")) {
                media.put("voice", true);
            }
        } else if (message instanceof Inbound.Button b) {
            context(item, b.contextWamid());
            item.put("type", "button").putObject("button").put("payload", b.payload()).put("text", b.text());
        } else if (message instanceof Inbound.Interactive i) {
            context(item, i.contextWamid());
            String kind = i.list() ? "list_reply" : "button_reply";
            item.put("type", "interactive").putObject("interactive").put("type", kind).putObject(kind)
                    .put("id", i.id()).put("title", i.title());
        } else if (message instanceof Inbound.Unsupported) {
            item.put("type", "unsupported");
            item.putArray("errors").addObject().put("code", 131051).put("title", "Message type unknown")
                    .put("message", "Message type unknown").putObject("error_data")
                    .put("details", "Message type is currently not supported.");
        } else if (message instanceof Inbound.NumberChange n) {
            item.put("type", "system").putObject("system")
                    .put("body", "User " + message.from() + " changed to " + n.newWaId())
                    .put("wa_id", n.newWaId()).put("type", "user_changed_number");
        }
    }

    private static void context(ObjectNode item, String contextWamid) {
        if (contextWamid != null) {
            item.putObject("context").put("from", DISPLAY_PHONE_NUMBER).put("id", contextWamid);
        }
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
        String wamid = "wamid.FAKE" + sequence.incrementAndGet();
        ObjectNode message = answer.putArray("messages").addObject().put("id", wamid);
        sent.add(new SentMessage(to, type, wamid, body.toString()));
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

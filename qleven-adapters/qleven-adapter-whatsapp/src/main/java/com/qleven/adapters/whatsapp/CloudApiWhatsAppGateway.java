package com.qleven.adapters.whatsapp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.qleven.domain.messaging.SendFailure;
import com.qleven.ports.messaging.out.AccessToken;
import com.qleven.ports.messaging.out.Acknowledged;
import com.qleven.ports.messaging.out.CreatedTemplate;
import com.qleven.ports.messaging.out.GraphResult;
import com.qleven.ports.messaging.out.RemoteTemplate;
import com.qleven.ports.messaging.out.SendResult;
import com.qleven.ports.messaging.out.TemplateDraft;
import com.qleven.ports.messaging.out.TemplateMessage;
import com.qleven.ports.messaging.out.TemplatePage;
import com.qleven.ports.messaging.out.TemplateParameters;
import com.qleven.ports.messaging.out.TextMessage;
import com.qleven.ports.messaging.out.WhatsAppGateway;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * {@link WhatsAppGateway} over Meta's Graph API with Retrofit and OkHttp.
 *
 * <p>What callers rely on:
 * <ul>
 *   <li>OkHttp never repeats a request by itself ({@code retryOnConnectionFailure(false)}): a silent
 *       resend of a message is a duplicate the client receives. Every call goes out at most once.</li>
 *   <li>A refusal is classified by the Graph code in the error body ({@code error.code}, with
 *       {@code error.error_data.details}), never by the HTTP status or the title, through
 *       {@link SendFailure#of}. An answer without a Graph error keeps its HTTP status as the code:
 *       a 5xx or 429 is {@code RETRY_LATER}, any other {@code NEVER}.</li>
 *   <li>A request that could not leave (connection refused, unknown host, connect timeout) is
 *       refused {@code RETRY_LATER} with code {@link #NOT_SENT}: nothing reached Meta, so sending
 *       again duplicates nothing. A request that left but got no answer (connection dropped, read
 *       timeout) is {@code Unknown}.</li>
 *   <li>No token, phone number, code or app secret appears in an exception message or a result's
 *       reason (OkHttp's messages can name the URL, whose query holds the secret on the code
 *       exchange, so only the exception's type is kept).</li>
 * </ul>
 */
public final class CloudApiWhatsAppGateway implements WhatsAppGateway {
    /** The code of a failure whose request never left this host. */
    public static final int NOT_SENT = -1;

    private static final String TEMPLATE_FIELDS = "id,name,language,category,status,components";
    // Set by a network interceptor, which OkHttp runs on the caller's thread once the connection
    // is up and just before the request is written: from then on an I/O error means "maybe sent".
    private static final ThreadLocal<boolean[]> REQUEST_LEFT = ThreadLocal.withInitial(() -> new boolean[1]);

    private final GraphService service;
    private final ObjectMapper mapper;
    private final Settings settings;

    private CloudApiWhatsAppGateway(GraphService service, ObjectMapper mapper, Settings settings) {
        this.service = service;
        this.mapper = mapper;
        this.settings = settings;
    }

    /**
     * How to reach the Graph API.
     *
     * @param baseUrl Meta's {@code https://graph.facebook.com} or a fake's
     * @param apiVersion the Graph version in every path, e.g. {@code v23.0}
     * @param appId Qleven's Meta app id (Embedded Signup's code exchange)
     * @param appSecret that app's secret (the code exchange); never shown by {@link #toString()}
     * @param connectTimeout how long to wait for a connection (nothing is sent before it)
     * @param readTimeout how long to wait for an answer once the request left (then {@code Unknown})
     */
    public record Settings(URI baseUrl, String apiVersion, String appId, String appSecret, Duration connectTimeout,
                           Duration readTimeout) {
        public static final URI META = URI.create("https://graph.facebook.com");
        public static final String DEFAULT_VERSION = "v23.0";

        public Settings {
            Objects.requireNonNull(baseUrl, "baseUrl");
            if (!"https".equals(baseUrl.getScheme()) && !"http".equals(baseUrl.getScheme())) {
                throw new IllegalArgumentException("baseUrl is an http(s) URL");
            }
            Objects.requireNonNull(apiVersion, "apiVersion");
            if (!apiVersion.matches("v[0-9]{1,3}\\.[0-9]")) {
                throw new IllegalArgumentException("apiVersion is like v23.0");
            }
            Objects.requireNonNull(appId, "appId");
            Objects.requireNonNull(appSecret, "appSecret");
            positive(connectTimeout, "connectTimeout");
            positive(readTimeout, "readTimeout");
        }

        /** Meta's API at {@link #DEFAULT_VERSION}, 5 s to connect, 20 s to answer. */
        public static Settings of(URI baseUrl, String apiVersion, String appId, String appSecret) {
            return new Settings(baseUrl, apiVersion, appId, appSecret, Duration.ofSeconds(5), Duration.ofSeconds(20));
        }

        public Settings withTimeouts(Duration connect, Duration read) {
            return new Settings(baseUrl, apiVersion, appId, appSecret, connect, read);
        }

        private static void positive(Duration value, String field) {
            Objects.requireNonNull(value, field);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(field + " is positive");
            }
        }

        @Override
        public String toString() {
            return "Settings[baseUrl=" + baseUrl + ", apiVersion=" + apiVersion + ", appId=" + appId
                    + ", appSecret=redacted, connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
        }
    }

    /** A gateway with the default timeouts. */
    public static CloudApiWhatsAppGateway create(URI baseUrl, String apiVersion, String appId, String appSecret) {
        return create(Settings.of(baseUrl, apiVersion, appId, appSecret));
    }

    public static CloudApiWhatsAppGateway create(Settings settings) {
        Objects.requireNonNull(settings, "settings");
        OkHttpClient client = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .addNetworkInterceptor(chain -> {
                    REQUEST_LEFT.get()[0] = true;
                    return chain.proceed(chain.request());
                })
                .build();
        ObjectMapper mapper = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        String base = settings.baseUrl().toString();
        Retrofit retrofit = new Retrofit.Builder()
                .baseUrl(base.endsWith("/") ? base : base + "/")
                .client(client)
                .addConverterFactory(JacksonConverterFactory.create(mapper))
                .build();
        return new CloudApiWhatsAppGateway(retrofit.create(GraphService.class), mapper, settings);
    }

    @Override
    public SendResult sendTemplate(AccessToken token, TemplateMessage message) {
        List<GraphDtos.Component> components = message.components().stream().map(CloudApiWhatsAppGateway::component)
                .toList();
        var template = new GraphDtos.Template(message.templateName(), new GraphDtos.Language(message.languageCode()),
                components.isEmpty() ? null : components);
        return send(token, message.phoneNumberId(), new GraphDtos.SendRequest("whatsapp", "individual", message.to(),
                "template", template, null, message.callbackData()));
    }

    @Override
    public SendResult sendText(AccessToken token, TextMessage message) {
        return send(token, message.phoneNumberId(), new GraphDtos.SendRequest("whatsapp", "individual", message.to(),
                "text", null, new GraphDtos.Text(message.body()), message.callbackData()));
    }

    private SendResult send(AccessToken token, String phoneNumberId, GraphDtos.SendRequest body) {
        Answer<GraphDtos.SendResponse> answer = execute(
                service.send(bearer(token), settings.apiVersion(), phoneNumberId, body));
        if (answer instanceof Answer.Ok<GraphDtos.SendResponse> ok) {
            Optional<String> wamid = Optional.ofNullable(ok.body().messages()).flatMap(m -> m.stream().findFirst())
                    .map(GraphDtos.MessageId::id).filter(id -> !id.isBlank());
            // Accepted without a wamid: Meta has the message, but it cannot be followed.
            return wamid.<SendResult>map(SendResult.Sent::new)
                    .orElseGet(() -> new SendResult.Unknown("accepted without a message id"));
        }
        if (answer instanceof Answer.Failed<GraphDtos.SendResponse> failed) {
            return new SendResult.Refused(failed.failure());
        }
        return new SendResult.Unknown(((Answer.NoAnswer<GraphDtos.SendResponse>) answer).reason());
    }

    @Override
    public GraphResult<Acknowledged> markRead(AccessToken token, String phoneNumberId, String wamid) {
        Objects.requireNonNull(wamid, "wamid");
        return acknowledged(execute(service.markRead(bearer(token), settings.apiVersion(), nodeId(phoneNumberId),
                new GraphDtos.ReadRequest("whatsapp", "read", wamid))));
    }

    @Override
    public GraphResult<TemplatePage> listTemplates(AccessToken token, String wabaId, int limit,
                                                   Optional<String> after) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit is 1 to 1000");
        }
        Objects.requireNonNull(after, "after");
        return map(execute(service.templates(bearer(token), settings.apiVersion(), nodeId(wabaId), TEMPLATE_FIELDS,
                limit, after.orElse(null))), list -> {
                    List<RemoteTemplate> items = new ArrayList<>();
                    for (GraphDtos.TemplateItem item : Optional.ofNullable(list.data()).orElse(List.of())) {
                        items.add(template(item));
                    }
                    // Meta gives cursors on the last page too; only "next" says there is more.
                    Optional<String> next = Optional.ofNullable(list.paging())
                            .filter(p -> p.next() != null && p.cursors() != null)
                            .map(p -> p.cursors().after());
                    return new TemplatePage(items, next);
                });
    }

    @Override
    public GraphResult<CreatedTemplate> createTemplate(AccessToken token, String wabaId, TemplateDraft draft) {
        JsonNode components;
        try {
            components = mapper.readTree(draft.componentsJson());
        } catch (IOException e) {
            throw new IllegalArgumentException("componentsJson is not JSON", e);
        }
        return map(execute(service.createTemplate(bearer(token), settings.apiVersion(), nodeId(wabaId),
                        new GraphDtos.CreateTemplateRequest(draft.name(), draft.language(), draft.category(),
                                components))),
                created -> new CreatedTemplate(created.id(), created.status(),
                        created.category() == null ? draft.category() : created.category()));
    }

    @Override
    public GraphResult<AccessToken> exchangeSignupCode(String code) {
        Objects.requireNonNull(code, "code");
        return map(execute(service.exchangeCode(settings.apiVersion(), settings.appId(), settings.appSecret(), code)),
                answer -> new AccessToken(answer.accessToken()));
    }

    @Override
    public GraphResult<Acknowledged> registerPhoneNumber(AccessToken token, String phoneNumberId, String pin) {
        Objects.requireNonNull(pin, "pin");
        if (!pin.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("pin is 6 digits");
        }
        return acknowledged(execute(service.register(bearer(token), settings.apiVersion(), nodeId(phoneNumberId),
                new GraphDtos.RegisterRequest("whatsapp", pin))));
    }

    @Override
    public GraphResult<Acknowledged> subscribeApp(AccessToken token, String wabaId) {
        return acknowledged(execute(service.subscribe(bearer(token), settings.apiVersion(), nodeId(wabaId))));
    }

    @Override
    public String toString() {
        return "CloudApiWhatsAppGateway[" + settings + "]";
    }

    private static GraphDtos.Component component(TemplateParameters parameters) {
        List<GraphDtos.Parameter> values = parameters.values().stream()
                .map(value -> new GraphDtos.Parameter("text", value)).toList();
        return switch (parameters.component()) {
            case HEADER -> new GraphDtos.Component("header", null, null, values);
            case BODY -> new GraphDtos.Component("body", null, null, values);
            // Meta's reference gives the button index as a string.
            case URL_BUTTON -> new GraphDtos.Component("button", "url",
                    Integer.toString(parameters.buttonIndex()), values);
        };
    }

    private static RemoteTemplate template(GraphDtos.TemplateItem item) {
        List<RemoteTemplate.Component> components = new ArrayList<>();
        JsonNode json = item.components();
        if (json != null && json.isArray()) {
            for (JsonNode component : json) {
                String type = component.path("type").asText("");
                if (type.equals("BUTTONS") && component.path("buttons").isArray()) {
                    // One component per button, in order (Meta's 0-based index): a URL button's address
                    // may hold the placeholder a send fills (a manage link), the others have no text.
                    for (JsonNode button : component.path("buttons")) {
                        String kind = button.path("type").asText("");
                        // A quick reply's title is what a client's tap sends back: the registry maps it to an action.
                        components.add(new RemoteTemplate.Component("BUTTON",
                                kind.equals("URL") ? button.path("url").asText("") : "",
                                kind.equals("QUICK_REPLY") && button.path("text").isTextual()
                                        ? Optional.of(button.path("text").asText()) : Optional.empty()));
                    }
                } else {
                    components.add(new RemoteTemplate.Component(type, component.path("text").asText("")));
                }
            }
        }
        return new RemoteTemplate(item.id(), item.name(), item.language(), item.category(), item.status(), components,
                json == null ? "[]" : json.toString());
    }

    private static String bearer(AccessToken token) {
        Objects.requireNonNull(token, "token");
        return "Bearer " + token.value();
    }

    private static String nodeId(String id) {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("not a Graph id");
        }
        return id;
    }

    private static GraphResult<Acknowledged> acknowledged(Answer<GraphDtos.SuccessResponse> answer) {
        return map(answer, success -> new Acknowledged());
    }

    private static <R, T> GraphResult<T> map(Answer<R> answer, Function<R, T> done) {
        if (answer instanceof Answer.Ok<R> ok) {
            return new GraphResult.Done<>(done.apply(ok.body()));
        }
        if (answer instanceof Answer.Failed<R> failed) {
            return new GraphResult.Refused<>(failed.failure());
        }
        return new GraphResult.Unknown<>(((Answer.NoAnswer<R>) answer).reason());
    }

    private <R> Answer<R> execute(Call<R> call) {
        boolean[] left = REQUEST_LEFT.get();
        left[0] = false;
        Response<R> response;
        try {
            response = call.execute();
        } catch (IOException e) {
            String kind = e.getClass().getSimpleName();
            if (!left[0]) {
                return new Answer.Failed<>(new SendFailure(NOT_SENT, SendFailure.Kind.RETRY_LATER,
                        Optional.of("not sent: " + kind)));
            }
            return new Answer.NoAnswer<>("no answer after the request left: " + kind);
        } finally {
            left[0] = false;
        }
        if (response.isSuccessful()) {
            R body = response.body();
            return body == null ? new Answer.NoAnswer<>("accepted without a body") : new Answer.Ok<>(body);
        }
        return new Answer.Failed<>(failure(response.code(), response.errorBody()));
    }

    private SendFailure failure(int status, ResponseBody body) {
        if (body != null) {
            try (body) {
                GraphDtos.ErrorEnvelope envelope = mapper.readValue(body.bytes(), GraphDtos.ErrorEnvelope.class);
                if (envelope.error() != null && envelope.error().code() != null) {
                    String details = envelope.error().errorData() == null ? null : envelope.error().errorData().details();
                    return SendFailure.of(envelope.error().code(), details);
                }
            } catch (IOException | RuntimeException e) {
                // Not a Graph error (a proxy's HTML page, an empty body): the status decides below.
            }
        }
        SendFailure.Kind kind = status >= 500 || status == 429 ? SendFailure.Kind.RETRY_LATER : SendFailure.Kind.NEVER;
        return new SendFailure(status, kind, Optional.of("HTTP " + status + " without a Graph error"));
    }

    /** What one call came to, before it is told as a send or a management result. */
    private sealed interface Answer<R> {
        record Ok<R>(R body) implements Answer<R> {
        }

        record Failed<R>(SendFailure failure) implements Answer<R> {
        }

        record NoAnswer<R>(String reason) implements Answer<R> {
        }
    }
}

package com.qleven.host.http.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.application.Qleven;
import com.qleven.domain.messaging.ComponentKey;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.ParameterBinding;
import com.qleven.domain.messaging.TemplateComponent;
import com.qleven.domain.messaging.TemplateId;
import com.qleven.domain.messaging.WhatsAppTemplate;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.ports.messaging.in.CreateTemplateCommand;
import com.qleven.ports.messaging.in.MapTemplateCommand;
import com.qleven.ports.messaging.in.SyncResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The center's WhatsApp templates: sync from Meta, list and read (every center role), map a purpose
 * and placeholder sources (administrators), submit a new one to Meta. Sync and submit call Meta, so
 * they run outside the request's unit of work (HttpModule's separate units) and take no
 * {@code Idempotency-Key}: a sync is idempotent itself, and a second submission of a name and
 * language is refused (409) by the registry and by Meta.
 */
public final class TemplateEndpoints {
    public static final String SYNC = "/v1/whatsapp/templates/sync";
    public static final String TEMPLATES = "/v1/whatsapp/templates";
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final int MAX_COMPONENTS = 20;
    private final Qleven qleven;

    public TemplateEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    public List<Route> routes() {
        return List.of(
                Route.post(SYNC, Route.Body.NONE, this::sync),
                Route.get(TEMPLATES, this::list),
                Route.post(TEMPLATES, Route.Body.JSON, this::create),
                Route.get(TEMPLATES + "/{id}", request -> Response.ok(detail(qleven.messaging()
                        .template(principal(request), id(request))))),
                new Route("PATCH", TEMPLATES + "/{id}", Route.Body.JSON, this::map));
    }

    /** {@code replyActions}: a quick-reply button's index ({@code "0"}) to {@code confirm} or {@code cancel}. */
    record MapBody(String purpose, List<ParameterBody> parameters, Map<String, String> replyActions) {
    }

    record ParameterBody(String component, String source) {
    }

    /** {@code components} in Meta's shape, passed to Meta as sent. */
    record CreateBody(String name, String language, String category, JsonNode components) {
    }

    record SyncAnswer(int added, int updated, int removed) {
    }

    record TemplateSummary(String id, String name, String language, String category, String status, String purpose) {
    }

    record TemplatePage(List<TemplateSummary> items, String next) {
    }

    /** {@code replyTitle}: a quick-reply button's title, absent for every other component. */
    record ComponentAnswer(String component, String text, int placeholders,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String replyTitle) {
    }

    record ParameterAnswer(String component, String source) {
    }

    record TemplateDetail(String id, String name, String language, String category, String status, String purpose,
                          List<ComponentAnswer> components, List<ParameterAnswer> parameters,
                          Map<String, String> replyActions) {
    }

    private Principal principal(Request request) {
        return request.principal(qleven.tenancy().authenticator());
    }

    private Response sync(Request request) {
        SyncResult result = qleven.messaging().syncTemplates(principal(request));
        return Response.ok(new SyncAnswer(result.added(), result.updated(), result.removed()));
    }

    private Response list(Request request) {
        Page<WhatsAppTemplate> page = qleven.messaging().templates(principal(request), request.page());
        return Response.ok(new TemplatePage(page.items().stream().map(TemplateEndpoints::summary).toList(),
                page.next().orElse(null)));
    }

    private Response map(Request request) {
        Principal principal = principal(request);
        TemplateId id = id(request);
        MapBody body = request.body(MapBody.class);
        List<MapTemplateCommand.Parameter> parameters = body.parameters() == null ? null : body.parameters().stream()
                .map(p -> p == null ? null : new MapTemplateCommand.Parameter(p.component(), p.source())).toList();
        return Response.ok(detail(qleven.messaging().mapTemplate(principal, id,
                new MapTemplateCommand(body.purpose(), parameters, body.replyActions()))));
    }

    private Response create(Request request) {
        Principal principal = principal(request);
        CreateBody body = request.body(CreateBody.class);
        List<TemplateComponent> components = components(body.components());
        WhatsAppTemplate created = qleven.messaging().createTemplate(principal, new CreateTemplateCommand(
                body.name(), body.language(), body.category(), components, body.components().toString()));
        return Response.created(TEMPLATES + "/" + created.id(), detail(created));
    }

    /**
     * The registry's view of Meta's components: HEADER, BODY and FOOTER with their text, and each
     * button of BUTTONS by its position, a URL button with its address (where a placeholder may be).
     */
    private static List<TemplateComponent> components(JsonNode json) {
        if (json == null || !json.isArray()) {
            throw new ValidationException("components", "must be an array of Meta's components");
        }
        if (json.size() > MAX_COMPONENTS) {
            throw new ValidationException("components", "must hold at most " + MAX_COMPONENTS);
        }
        List<FieldError> errors = new ArrayList<>();
        List<TemplateComponent> components = new ArrayList<>();
        int button = 0;
        for (int i = 0; i < json.size(); i++) {
            JsonNode c = json.get(i);
            String field = "components[" + i + "]";
            if (!c.isObject() || !c.path("type").isTextual()) {
                errors.add(new FieldError(field + ".type", "must be HEADER, BODY, FOOTER or BUTTONS"));
                continue;
            }
            if (c.has("text") && !c.get("text").isTextual()) {
                errors.add(new FieldError(field + ".text", "must be a string"));
                continue;
            }
            String text = c.path("text").asText("");
            switch (c.get("type").asText().toUpperCase(Locale.ROOT)) {
                case "HEADER" -> components.add(TemplateComponent.of(ComponentKey.HEADER, text));
                case "BODY" -> components.add(TemplateComponent.of(ComponentKey.BODY, text));
                case "FOOTER" -> components.add(TemplateComponent.of(ComponentKey.FOOTER, text));
                case "BUTTONS" -> {
                    JsonNode buttons = c.path("buttons");
                    if (!buttons.isArray() || buttons.isEmpty() || button + buttons.size() > 10) {
                        errors.add(new FieldError(field + ".buttons", "must be an array of 1 to 10 buttons"));
                        continue;
                    }
                    for (JsonNode b : buttons) {
                        String kind = b.path("type").asText("");
                        String title = b.path("text").asText("");
                        if (kind.equalsIgnoreCase("QUICK_REPLY") && !title.isBlank()
                                && title.length() <= TemplateComponent.MAX_REPLY_TITLE) {
                            // Its title is what a client's tap sends back, so a reply action can be given to it.
                            components.add(TemplateComponent.quickReply(button++, title));
                            continue;
                        }
                        String url = kind.equalsIgnoreCase("URL") ? b.path("url").asText("") : "";
                        components.add(TemplateComponent.of(ComponentKey.button(button++), url));
                    }
                }
                default -> errors.add(new FieldError(field + ".type", "must be HEADER, BODY, FOOTER or BUTTONS"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return components;
    }

    private static TemplateId id(Request request) {
        return request.pathParam("id").filter(t -> UUID_TEXT.matcher(t).matches())
                .map(t -> new TemplateId(UUID.fromString(t)))
                .orElseThrow(() -> new NotFoundException("template"));
    }

    private static TemplateSummary summary(WhatsAppTemplate t) {
        return new TemplateSummary(t.id().toString(), t.name(), t.language(), t.category().name(), t.status().name(),
                t.purpose().map(MessagePurpose::wireName).orElse(null));
    }

    private static TemplateDetail detail(WhatsAppTemplate t) {
        return new TemplateDetail(t.id().toString(), t.name(), t.language(), t.category().name(), t.status().name(),
                t.purpose().map(MessagePurpose::wireName).orElse(null),
                t.components().stream().map(c -> new ComponentAnswer(c.key().wireName(), c.text(), c.placeholders(),
                        c.replyTitle().orElse(null))).toList(),
                t.parameters().bindings().stream().map(TemplateEndpoints::parameter).toList(),
                replyActions(t));
    }

    private static Map<String, String> replyActions(WhatsAppTemplate t) {
        Map<String, String> actions = new LinkedHashMap<>();
        t.replyActions().forEach((index, action) -> actions.put(Integer.toString(index), action.wireName()));
        return actions;
    }

    private static ParameterAnswer parameter(ParameterBinding b) {
        return new ParameterAnswer(b.component().wireName(), b.source().wireName());
    }
}

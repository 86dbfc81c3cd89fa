package com.qleven.adapters.whatsapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.qleven.ports.messaging.out.MalformedWebhookException;
import com.qleven.ports.messaging.out.ParsedWebhook;
import com.qleven.ports.messaging.out.StatusUpdate;
import com.qleven.ports.messaging.out.TemplateStatusUpdate;
import com.qleven.ports.messaging.out.WebhookParser;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Meta's {@code whatsapp_business_account} webhook read with Jackson: every {@code entry[]}, every
 * {@code changes[]} and every item of a change. A {@code messages} change gives its {@code
 * statuses[]} (its inbound {@code messages[]} are counted as unhandled: issue 12); a {@code
 * message_template_status_update} change gives a template update for the entry's business account;
 * any other field, and any item too broken to read (a status without its wamid or time, a change of
 * the wrong shape), is counted, never a failure. Only a body that is not a JSON object fails.
 * Meta's free texts are cut to the lengths the store keeps.
 */
public final class JacksonWebhookParser implements WebhookParser {
    private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,20}$");
    private static final int ID_MAX = 256;
    private static final int WORD_MAX = 64;
    private final ObjectMapper mapper = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);

    @Override
    public ParsedWebhook parse(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            throw new MalformedWebhookException("the webhook body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedWebhookException("the webhook body is not a JSON object");
        }
        List<StatusUpdate> statuses = new ArrayList<>();
        List<TemplateStatusUpdate> templates = new ArrayList<>();
        int unhandled = 0;
        JsonNode entries = root.path("entry");
        if (!"whatsapp_business_account".equals(root.path("object").asText()) || !entries.isArray()) {
            return new ParsedWebhook(List.of(), List.of(), 1);
        }
        for (JsonNode entry : entries) {
            String wabaId = entry.path("id").asText("");
            JsonNode changes = entry.path("changes");
            if (!changes.isArray()) {
                unhandled++;
                continue;
            }
            for (JsonNode change : changes) {
                String field = change.path("field").asText("");
                JsonNode value = change.path("value");
                switch (field) {
                    case "messages" -> unhandled += messages(value, statuses);
                    case "message_template_status_update" -> {
                        Optional<TemplateStatusUpdate> update = template(wabaId, value);
                        update.ifPresent(templates::add);
                        unhandled += update.isPresent() ? 0 : 1;
                    }
                    default -> unhandled++;
                }
            }
        }
        return new ParsedWebhook(statuses, templates, unhandled);
    }

    /** Adds the change's statuses; returns how many of its items were not used. */
    private int messages(JsonNode value, List<StatusUpdate> out) {
        if (!value.isObject()) {
            return 1;
        }
        int unhandled = 0;
        JsonNode inbound = value.path("messages");
        if (inbound.isArray()) {
            unhandled += inbound.size();
        }
        JsonNode errors = value.path("errors");
        if (errors.isArray()) {
            unhandled += errors.size();
        }
        if (!value.path("statuses").isArray()) {
            return unhandled;
        }
        String phoneNumberId = value.path("metadata").path("phone_number_id").asText("");
        if (!DIGITS.matcher(phoneNumberId).matches()) {
            return unhandled + value.path("statuses").size();
        }
        for (JsonNode item : value.path("statuses")) {
            Optional<StatusUpdate> status = status(phoneNumberId, item);
            status.ifPresent(out::add);
            unhandled += status.isPresent() ? 0 : 1;
        }
        return unhandled;
    }

    private Optional<StatusUpdate> status(String phoneNumberId, JsonNode item) {
        WebhookDtos.Status s;
        try {
            s = mapper.treeToValue(item, WebhookDtos.Status.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (s == null || blank(s.id()) || s.id().length() > ID_MAX || blank(s.status()) || s.timestamp() == null
                || !DIGITS.matcher(s.timestamp()).matches()) {
            return Optional.empty();
        }
        Instant at;
        try {
            at = Instant.ofEpochSecond(Long.parseLong(s.timestamp()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Optional<StatusUpdate.StatusError> error = Optional.ofNullable(s.errors()).filter(l -> !l.isEmpty())
                .map(l -> l.get(0)).filter(e -> e != null && e.code() != null)
                .map(e -> new StatusUpdate.StatusError(e.code(), cut(e.title(), 512), cut(e.message(), 1024),
                        cut(e.errorData() == null ? null : e.errorData().details(), 2048)));
        Optional<StatusUpdate.Pricing> pricing = Optional.ofNullable(s.pricing())
                .map(p -> new StatusUpdate.Pricing(cut(p.category(), WORD_MAX), cut(p.pricingModel(), WORD_MAX),
                        Optional.ofNullable(p.billable()), cut(p.type(), WORD_MAX)));
        Optional<StatusUpdate.Conversation> conversation = Optional.ofNullable(s.conversation())
                .filter(c -> !blank(c.id()))
                .map(c -> new StatusUpdate.Conversation(c.id().length() > ID_MAX ? c.id().substring(0, ID_MAX) : c.id(),
                        cut(c.origin() == null ? null : c.origin().type(), WORD_MAX)));
        return Optional.of(new StatusUpdate(phoneNumberId, s.id(), cut(s.status(), WORD_MAX).orElseThrow(), at,
                cut(s.bizOpaqueCallbackData(), 512), error, pricing, conversation));
    }

    private Optional<TemplateStatusUpdate> template(String wabaId, JsonNode value) {
        if (!DIGITS.matcher(wabaId).matches()) {
            return Optional.empty();
        }
        WebhookDtos.TemplateStatusValue v;
        try {
            v = mapper.treeToValue(value, WebhookDtos.TemplateStatusValue.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (v == null || blank(v.event()) || blank(v.messageTemplateName()) || blank(v.messageTemplateLanguage())
                || v.messageTemplateName().length() > 512 || v.messageTemplateLanguage().length() > WORD_MAX
                || v.event().length() > WORD_MAX) {
            return Optional.empty();
        }
        return Optional.of(new TemplateStatusUpdate(wabaId, v.messageTemplateName(), v.messageTemplateLanguage(),
                v.event()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Optional<String> cut(String s, int max) {
        if (s == null || s.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(s.length() <= max ? s : s.substring(0, max));
    }
}

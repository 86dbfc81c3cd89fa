package com.qleven.adapters.whatsapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.qleven.domain.messaging.InboundKind;
import com.qleven.ports.messaging.out.MalformedWebhookException;
import com.qleven.ports.messaging.out.ParsedWebhook;
import com.qleven.ports.messaging.out.PreferenceChange;
import com.qleven.ports.messaging.out.ReceivedMessage;
import com.qleven.ports.messaging.out.StatusUpdate;
import com.qleven.ports.messaging.out.TemplateStatusUpdate;
import com.qleven.ports.messaging.out.WebhookParser;
import com.qleven.ports.messaging.out.WebhookValueError;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Meta's {@code whatsapp_business_account} webhook read with Jackson: every {@code entry[]}, every
 * {@code changes[]} and every item of a change.
 * <ul>
 *   <li>A {@code messages} change gives its {@code statuses[]} and its inbound {@code messages[]}
 *       (every type: text, reaction, media, location, contacts, button, interactive, order, system,
 *       unsupported), each with the sender's profile name from {@code contacts[]}.</li>
 *   <li>A {@code user_preferences} change gives its {@code user_preferences[]} items.</li>
 *   <li>A {@code message_template_status_update} change gives a template update for the entry's
 *       business account.</li>
 *   <li>The {@code value.errors[]} of any change are given as value errors, with the change's number.</li>
 * </ul>
 * Any other field, and any item too broken to read (a status or message without its wamid, sender or
 * time, a change of the wrong shape), is counted, never a failure. Only a body that is not a JSON
 * object fails. Texts are cut to the lengths the store keeps (a message's text to 4096 characters,
 * ids to 256). A location keeps only its name and address as text, never its coordinates; a shared
 * contact card keeps only the names on it, never its numbers.
 */
public final class JacksonWebhookParser implements WebhookParser {
    private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,20}$");
    private static final int ID_MAX = 256;
    private static final int WORD_MAX = 64;
    private static final int TEXT_MAX = 4096;
    private static final int NAME_MAX = 256;
    private final ObjectMapper mapper = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);

    /** What the items of one body add up to. */
    private static final class Collected {
        final List<StatusUpdate> statuses = new ArrayList<>();
        final List<TemplateStatusUpdate> templates = new ArrayList<>();
        final List<ReceivedMessage> messages = new ArrayList<>();
        final List<PreferenceChange> preferences = new ArrayList<>();
        final List<WebhookValueError> errors = new ArrayList<>();
        int unhandled;
    }

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
        JsonNode entries = root.path("entry");
        if (!"whatsapp_business_account".equals(root.path("object").asText()) || !entries.isArray()) {
            return new ParsedWebhook(List.of(), List.of(), 1);
        }
        Collected out = new Collected();
        for (JsonNode entry : entries) {
            String wabaId = entry.path("id").asText("");
            JsonNode changes = entry.path("changes");
            if (!changes.isArray()) {
                out.unhandled++;
                continue;
            }
            for (JsonNode change : changes) {
                String field = change.path("field").asText("");
                JsonNode value = change.path("value");
                valueErrors(value, out);
                switch (field) {
                    case "messages" -> messages(value, out);
                    case "user_preferences" -> preferences(value, out);
                    case "message_template_status_update" -> {
                        Optional<TemplateStatusUpdate> update = template(wabaId, value);
                        update.ifPresent(out.templates::add);
                        out.unhandled += update.isPresent() ? 0 : 1;
                    }
                    default -> out.unhandled++;
                }
            }
        }
        return new ParsedWebhook(out.statuses, out.templates, out.messages, out.preferences, out.errors,
                out.unhandled);
    }

    /** The change's number, when its metadata names one Meta could have sent. */
    private static Optional<String> phoneNumberId(JsonNode value) {
        String id = value.path("metadata").path("phone_number_id").asText("");
        return DIGITS.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    private void valueErrors(JsonNode value, Collected out) {
        if (!value.isObject() || !value.path("errors").isArray()) {
            return;
        }
        Optional<String> number = phoneNumberId(value);
        for (JsonNode item : value.path("errors")) {
            Optional<WebhookValueError> error = error(number, item);
            error.ifPresent(out.errors::add);
            out.unhandled += error.isPresent() ? 0 : 1;
        }
    }

    private static Optional<WebhookValueError> error(Optional<String> number, JsonNode item) {
        JsonNode code = item.path("code");
        if (!code.isIntegralNumber() || !code.canConvertToInt()) {
            return Optional.empty();
        }
        Optional<String> details = text(item.path("error_data").path("details"), 2048)
                .or(() -> text(item.path("message"), 2048));
        return Optional.of(new WebhookValueError(number, code.asInt(), text(item.path("title"), 512), details));
    }

    /** Adds the change's statuses and inbound messages; counts the items it cannot read. */
    private void messages(JsonNode value, Collected out) {
        if (!value.isObject()) {
            out.unhandled++;
            return;
        }
        Optional<String> number = phoneNumberId(value);
        JsonNode inbound = value.path("messages");
        if (inbound.isArray()) {
            if (number.isEmpty()) {
                out.unhandled += inbound.size();
            } else {
                Map<String, String> names = profileNames(value.path("contacts"));
                for (JsonNode item : inbound) {
                    Optional<ReceivedMessage> message = message(number.get(), names, item);
                    message.ifPresent(out.messages::add);
                    out.unhandled += message.isPresent() ? 0 : 1;
                }
            }
        }
        JsonNode statuses = value.path("statuses");
        if (!statuses.isArray()) {
            return;
        }
        if (number.isEmpty()) {
            out.unhandled += statuses.size();
            return;
        }
        for (JsonNode item : statuses) {
            Optional<StatusUpdate> status = status(number.get(), item);
            status.ifPresent(out.statuses::add);
            out.unhandled += status.isPresent() ? 0 : 1;
        }
    }

    /** {@code contacts[]}: the profile name of each {@code wa_id}. */
    private static Map<String, String> profileNames(JsonNode contacts) {
        Map<String, String> names = new HashMap<>();
        if (contacts.isArray()) {
            for (JsonNode contact : contacts) {
                String waId = contact.path("wa_id").asText("");
                text(contact.path("profile").path("name"), NAME_MAX)
                        .filter(n -> DIGITS.matcher(waId).matches())
                        .ifPresent(n -> names.putIfAbsent(waId, n));
            }
        }
        return names;
    }

    private static Optional<ReceivedMessage> message(String number, Map<String, String> names, JsonNode item) {
        if (!item.isObject()) {
            return Optional.empty();
        }
        Optional<String> wamid = id(item.path("id"));
        String from = item.path("from").isTextual() ? item.path("from").asText() : "";
        Optional<Instant> at = timestamp(item.path("timestamp"));
        if (wamid.isEmpty() || !DIGITS.matcher(from).matches() || at.isEmpty()) {
            return Optional.empty();
        }
        String type = text(item.path("type"), WORD_MAX).map(String::strip).filter(t -> !t.isEmpty())
                .orElse("unknown");
        InboundKind kind = InboundKind.of(type);
        JsonNode body = item.path(type);
        Optional<String> text = Optional.empty();
        Optional<String> replyId = Optional.empty();
        Optional<ReceivedMessage.Media> media = Optional.empty();
        Optional<ReceivedMessage.Reaction> reaction = Optional.empty();
        Optional<ReceivedMessage.SystemChange> system = Optional.empty();
        switch (kind) {
            case TEXT -> text = text(body.path("body"), TEXT_MAX);
            case REACTION -> {
                Optional<String> target = id(body.path("message_id"));
                if (target.isEmpty()) {
                    return Optional.empty();
                }
                reaction = Optional.of(new ReceivedMessage.Reaction(target.get(), text(body.path("emoji"), WORD_MAX)));
            }
            case IMAGE, AUDIO, VIDEO, DOCUMENT, STICKER -> {
                media = id(body.path("id")).map(id -> new ReceivedMessage.Media(id, text(body.path("mime_type"), ID_MAX),
                        text(body.path("sha256"), ID_MAX), text(body.path("filename"), ID_MAX)));
                text = text(body.path("caption"), TEXT_MAX);
            }
            case LOCATION -> text = joined(List.of(body.path("name"), body.path("address")));
            case CONTACTS -> {
                List<JsonNode> cardNames = new ArrayList<>();
                if (item.path("contacts").isArray()) {
                    for (JsonNode card : item.path("contacts")) {
                        JsonNode name = card.path("name");
                        cardNames.add(name.path("formatted_name").isTextual() ? name.path("formatted_name")
                                : name.path("first_name"));
                    }
                }
                text = joined(cardNames);
            }
            case BUTTON -> {
                replyId = id(body.path("payload"));
                text = text(body.path("text"), TEXT_MAX);
            }
            case INTERACTIVE -> {
                String replyType = body.path("type").asText("");
                if (replyType.equals("button_reply") || replyType.equals("list_reply")) {
                    replyId = id(body.path(replyType).path("id"));
                    text = text(body.path(replyType).path("title"), TEXT_MAX);
                }
            }
            case ORDER -> text = text(body.path("text"), TEXT_MAX);
            case SYSTEM -> {
                text = text(body.path("body"), TEXT_MAX);
                if (body.isObject()) {
                    Optional<String> newWaId = digits(body.path("wa_id")).or(() -> digits(body.path("new_wa_id")));
                    system = Optional.of(new ReceivedMessage.SystemChange(
                            text(body.path("type"), WORD_MAX).orElse("unknown"), newWaId));
                }
            }
            case UNSUPPORTED -> {
            }
        }
        List<WebhookValueError> errors = new ArrayList<>();
        if (item.path("errors").isArray()) {
            for (JsonNode e : item.path("errors")) {
                error(Optional.of(number), e).ifPresent(errors::add);
            }
        }
        return Optional.of(new ReceivedMessage(number, wamid.get(), from, Optional.ofNullable(names.get(from)),
                at.get(), type, text, id(item.path("context").path("id")), replyId, media, reaction, system, errors));
    }

    /** The texts present among those nodes, joined by ", " and cut like a message's text. */
    private static Optional<String> joined(List<JsonNode> nodes) {
        List<String> parts = new ArrayList<>();
        for (JsonNode node : nodes) {
            text(node, NAME_MAX).map(String::strip).filter(s -> !s.isEmpty()).ifPresent(parts::add);
        }
        return parts.isEmpty() ? Optional.empty() : text(String.join(", ", parts), TEXT_MAX);
    }

    private void preferences(JsonNode value, Collected out) {
        if (!value.isObject() || !value.path("user_preferences").isArray()) {
            out.unhandled++;
            return;
        }
        Optional<String> number = phoneNumberId(value);
        for (JsonNode item : value.path("user_preferences")) {
            Optional<String> waId = digits(item.path("wa_id"));
            Optional<Instant> at = timestamp(item.path("timestamp"));
            Optional<String> category = text(item.path("category"), WORD_MAX).filter(s -> !s.isBlank());
            Optional<String> choice = text(item.path("value"), WORD_MAX).filter(s -> !s.isBlank());
            if (number.isEmpty() || waId.isEmpty() || at.isEmpty() || category.isEmpty() || choice.isEmpty()) {
                out.unhandled++;
                continue;
            }
            out.preferences.add(new PreferenceChange(number.get(), waId.get(), at.get(), category.get(), choice.get(),
                    text(item.path("detail"), 512)));
        }
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

    /** A Unix time in seconds, as Meta sends it (a string of digits, or a number). */
    private static Optional<Instant> timestamp(JsonNode node) {
        String s = node.isTextual() ? node.asText() : node.isIntegralNumber() ? node.asText() : "";
        if (!DIGITS.matcher(s).matches() || s.length() > 12) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(s)));
    }

    /** An id: a non-blank string of at most 256 characters (a longer one is no id of Meta's). */
    private static Optional<String> id(JsonNode node) {
        if (!node.isTextual() || node.asText().isBlank() || node.asText().length() > ID_MAX) {
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    /** A phone number as Meta spells a {@code wa_id}: digits only. */
    private static Optional<String> digits(JsonNode node) {
        return node.isTextual() && DIGITS.matcher(node.asText()).matches() ? Optional.of(node.asText())
                : Optional.empty();
    }

    private static Optional<String> text(JsonNode node, int max) {
        return node.isTextual() ? cut(node.asText(), max) : Optional.empty();
    }

    private static Optional<String> text(String s, int max) {
        return cut(s, max);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Optional<String> cut(String s, int max) {
        if (s == null || s.isEmpty()) {
            return Optional.empty();
        }
        if (s.length() <= max) {
            return Optional.of(s);
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return Optional.of(s.substring(0, end));
    }
}

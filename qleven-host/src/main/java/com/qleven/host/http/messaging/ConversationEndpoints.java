package com.qleven.host.http.messaging;

import com.qleven.application.Qleven;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.ports.messaging.in.ContactView;
import com.qleven.ports.messaging.in.ConversationItem;
import com.qleven.ports.messaging.in.ConversationView;
import com.qleven.ports.messaging.in.MessageView;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A client's WhatsApp conversation and the numbers no single client is known for:
 * <ul>
 *   <li>{@code GET /v1/clients/{id}/conversation} (every center role): {@code {"items":[…],"next":…,
 *       "window":{"open":…,"closesAt":…,"lastInboundAt":…}}}, newest first, keyset paged.</li>
 *   <li>{@code POST /v1/clients/{id}/conversation {"text"}} (administrators, receptionists): free text
 *       queued inside the 24-hour window, 202 with the message (no text in it) and its
 *       {@code Location}; 409 when the window is closed, saying when the client last wrote.</li>
 *   <li>{@code GET /v1/whatsapp/contacts?status=unmatched|shared} and
 *       {@code POST /v1/whatsapp/contacts/{id}/attribute {"clientId"}} (administrators, receptionists):
 *       the attribution worklist (numbers shown to the desk) and attributing a number's waiting
 *       messages to a client; the answer holds ids and a count only.</li>
 * </ul>
 * Another center's client or contact is a 404.
 */
public final class ConversationEndpoints {
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private final Qleven qleven;

    public ConversationEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/v1/clients/{id}/conversation", this::conversation),
                // The answer holds ids, statuses and times, never the text: a replay answers it again.
                Route.action("/v1/clients/{id}/conversation", Route.Body.JSON, Permission.REPLY_TO_CLIENTS,
                        Route.Replay.ANSWER, this::reply),
                Route.get("/v1/whatsapp/contacts", this::contacts),
                Route.action("/v1/whatsapp/contacts/{id}/attribute", Route.Body.JSON, Permission.ATTRIBUTE_CONTACTS,
                        Route.Replay.ANSWER, this::attribute));
    }

    /** {@code {"text":"…"}}. */
    public record ReplyBody(String text) {
    }

    /** {@code {"clientId":"…"}}. */
    public record AttributeBody(String clientId) {
    }

    record MediaAnswer(String id, String mimeType, String filename) {
    }

    record ItemAnswer(String direction, String id, String at, String wamid, String kind, String text, MediaAnswer media,
                      String replyTo, String replyId, String purpose, String template, String status, String reaction) {
    }

    record WindowAnswer(boolean open, String closesAt, String lastInboundAt) {
    }

    record ConversationAnswer(List<ItemAnswer> items, String next, WindowAnswer window) {
    }

    record ContactAnswer(String id, String number, String profileName, String status, long messages,
                         String lastMessageAt, String firstSeenAt) {
    }

    record ContactPage(List<ContactAnswer> items, String next) {
    }

    record AttributionAnswer(String contactId, String clientId, int attributed) {
    }

    private Principal principal(Request request) {
        return request.principal(qleven.tenancy().authenticator());
    }

    private Response conversation(Request request) {
        Principal principal = principal(request);
        ClientId client = new ClientId(pathId(request, "client"));
        ConversationView view = qleven.messaging().conversation(principal, client, request.page());
        return Response.ok(new ConversationAnswer(view.items().stream().map(ConversationEndpoints::item).toList(),
                view.next().orElse(null), new WindowAnswer(view.windowOpen(),
                        view.windowClosesAt().map(ConversationEndpoints::instant).orElse(null),
                        view.lastInboundAt().map(ConversationEndpoints::instant).orElse(null))));
    }

    private Response reply(Request request) {
        Principal principal = principal(request);
        ClientId client = new ClientId(pathId(request, "client"));
        ReplyBody body = request.body(ReplyBody.class);
        MessageView view = qleven.messaging().reply(principal, client, body.text());
        return Response.json(202, MessageEndpoints.answer(view))
                .withHeader("Location", "/v1/messages?clientId=" + view.client().value());
    }

    private Response contacts(Request request) {
        Principal principal = principal(request);
        String status = request.query("status")
                .orElseThrow(() -> new ValidationException("status", "is required: unmatched or shared"));
        Page<ContactView> page = qleven.messaging().whatsAppContacts(principal, status, request.page());
        return Response.ok(new ContactPage(page.items().stream().map(c -> new ContactAnswer(c.id().toString(),
                c.number(), c.profileName().orElse(null), c.status(), c.messages(), instant(c.lastMessageAt()),
                instant(c.firstSeenAt()))).toList(), page.next().orElse(null)));
    }

    private Response attribute(Request request) {
        Principal principal = principal(request);
        UUID contact = pathId(request, "contact");
        AttributeBody body = request.body(AttributeBody.class);
        if (body.clientId() == null) {
            throw new ValidationException("clientId", "is required");
        }
        if (!UUID_TEXT.matcher(body.clientId()).matches()) {
            throw new ValidationException("clientId", "must be a uuid");
        }
        ClientId client = new ClientId(UUID.fromString(body.clientId()));
        int attributed = qleven.messaging().attributeContact(principal, contact, client);
        return Response.ok(new AttributionAnswer(contact.toString(), client.value().toString(), attributed));
    }

    private static UUID pathId(Request request, String what) {
        return request.pathParam("id").filter(t -> UUID_TEXT.matcher(t).matches()).map(UUID::fromString)
                .orElseThrow(() -> new NotFoundException(what));
    }

    private static ItemAnswer item(ConversationItem i) {
        return new ItemAnswer(i.direction(), i.id().toString(), instant(i.at()), i.wamid().orElse(null),
                i.kind().map(k -> k.wireName()).orElse(null), i.text().orElse(null),
                i.media().map(m -> new MediaAnswer(m.id(), m.mimeType().orElse(null), m.filename().orElse(null)))
                        .orElse(null),
                i.replyTo().orElse(null), i.replyId().orElse(null), i.purpose().map(p -> p.wireName()).orElse(null),
                i.templateName().orElse(null), i.status().map(s -> s.wireName()).orElse(null),
                i.reaction().orElse(null));
    }

    private static String instant(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}

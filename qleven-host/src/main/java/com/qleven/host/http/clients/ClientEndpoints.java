package com.qleven.host.http.clients;

import com.qleven.domain.tenancy.Permission;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.qleven.application.Qleven;
import com.qleven.domain.clients.ClientDuplicateId;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.http.JsonMembers;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.host.http.clients.ClientBodies.CreateClientBody;
import com.qleven.host.http.clients.ClientBodies.LiftRestrictionBody;
import com.qleven.host.http.clients.ClientBodies.SearchClientsBody;
import com.qleven.ports.clients.in.ClientSearch;
import com.qleven.ports.clients.in.ClientView;
import com.qleven.ports.clients.in.ReviewClientDuplicates;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.clients.in.UpdateClientCommand;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The center's clients: create, read, patch (JSON merge patch with {@code ETag}/{@code If-Match}),
 * list and search. Personal data travels in bodies only, never in a URL: search is a POST.
 */
public final class ClientEndpoints {
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final Qleven qleven;

    public ClientEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    public List<Route> routes() {
        return List.of(
                Route.action("/v1/clients", Route.Body.JSON, Permission.MANAGE_CLIENTS, Route.Replay.REREAD, this::create),
                Route.get("/v1/clients", this::list),
                Route.post("/v1/clients/search", Route.Body.JSON, this::search),
                Route.get("/v1/clients/{id}", this::get),
                new Route("PATCH", "/v1/clients/{id}", Route.Body.JSON, this::update),
                Route.action("/v1/clients/{id}/lift-restriction", Route.Body.JSON,
                        Permission.HANDLE_PRIVACY_REQUESTS, Route.Replay.REREAD, this::liftRestriction),
                Route.get("/v1/client-duplicates", this::duplicates),
                // A 204 carries nothing to keep: a replay answers it again.
                Route.action("/v1/client-duplicates/{id}/dismiss", Route.Body.NONE,
                        Permission.MANAGE_CLIENT_DUPLICATES, Route.Replay.ANSWER, this::dismissDuplicate));
    }

    /** The center's open possible duplicates, oldest first: ids and what each pair shares. */
    private Response duplicates(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        Page<ReviewClientDuplicates.DuplicateView> page = qleven.clients().possibleDuplicates(principal,
                request.page());
        return Response.ok(new DuplicatePage(page.items().stream().map(d -> new DuplicateAnswer(d.id().toString(),
                d.client().toString(), d.otherClient().toString(), d.matchedOn().wireName(), d.source().wireName(),
                d.appointment().map(UUID::toString).orElse(null), instant(d.flaggedAt()))).toList(),
                page.next().orElse(null)));
    }

    private Response dismissDuplicate(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        ClientDuplicateId id = request.pathParam("id").filter(t -> UUID_TEXT.matcher(t).matches())
                .map(t -> new ClientDuplicateId(UUID.fromString(t)))
                .orElseThrow(() -> new NotFoundException("client duplicate"));
        qleven.clients().dismissPossibleDuplicate(principal, id);
        return Response.noContent();
    }

    private Response create(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        CreateClientBody body = request.body(CreateClientBody.class);
        CreateClientCommand.Builder command = CreateClientCommand.builder()
                .fullName(body.fullName()).phone(body.phone()).email(body.email()).birthDate(body.birthDate())
                .notes(body.notes()).preferredLanguage(body.preferredLanguage());
        if (body.billingIdentity() != null) {
            command.billingIdentity(body.billingIdentity().name(), body.billingIdentity().address(),
                    body.billingIdentity().taxId());
        }
        ClientView created = qleven.clients().create(principal, command.build());
        return Response.created("/v1/clients/" + created.id(), answer(created)).withHeader("ETag", etag(created));
    }

    private Response get(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        ClientView client = qleven.clients().get(principal, id(request));
        return Response.ok(answer(client)).withHeader("ETag", etag(client));
    }

    private Response update(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        ClientId id = id(request);
        ObjectNode body = request.body(ObjectNode.class);
        ClientView updated = qleven.clients().update(principal,
                UpdateClientCommand.parse(id, JsonMembers.of(body), request.ifMatchVersion()));
        return Response.ok(answer(updated)).withHeader("ETag", etag(updated));
    }

    /** Administrators lift a restriction of processing (Art. 18(3)) with a reason; answers the client as it now is. */
    private Response liftRestriction(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        ClientId id = id(request);
        LiftRestrictionBody body = request.body(LiftRestrictionBody.class);
        ClientView lifted = qleven.clients().liftRestriction(principal, id, body.reason());
        return Response.ok(answer(lifted)).withHeader("ETag", etag(lifted));
    }

    private Response list(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        return Response.ok(page(qleven.clients().list(principal, request.page())));
    }

    private Response search(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        PageRequest page = request.page();
        SearchClientsBody body = request.body(SearchClientsBody.class);
        ClientSearch search = ClientSearch.parse(body.phone(), body.email(), body.name());
        return Response.ok(page(qleven.clients().search(principal, search, page)));
    }

    /** A malformed id names no resource: the same 404 as another center's id or none. */
    private static ClientId id(Request request) {
        return request.pathParam("id").filter(t -> UUID_TEXT.matcher(t).matches())
                .map(t -> new ClientId(UUID.fromString(t)))
                .orElseThrow(() -> new NotFoundException("client"));
    }


    private static String etag(ClientView client) {
        return "\"" + client.version() + "\"";
    }

    private static ClientPage page(Page<ClientView> page) {
        return new ClientPage(page.items().stream().map(ClientEndpoints::answer).toList(), page.next().orElse(null));
    }

    /** A client as JSON; {@code notes} is left out altogether for roles that may not read notes. */
    private static ClientAnswer answer(ClientView client) {
        return new ClientAnswer(client.id().toString(), client.fullName(), client.phone().orElse(null),
                client.email().orElse(null), client.birthDate().map(Object::toString).orElse(null),
                client.notesVisible() ? new Notes(client.notes().orElse(null)) : null,
                instant(client.createdAt()), instant(client.updatedAt()), client.version(),
                client.restriction().map(ClientEndpoints::restriction).orElse(null),
                client.possibleDuplicateOf().map(ids -> ids.stream().map(ClientId::toString).toList()).orElse(null),
                client.billingIdentity().map(b -> new BillingIdentityAnswer(b.name().orElse(null),
                        b.address().orElse(null), b.taxId().orElse(null))).orElse(null),
                client.preferredLanguage().map(java.util.Locale::toLanguageTag).orElse(null));
    }

    /** A restriction of processing in force, as administrators see it: since when, which request, why. */
    private static RestrictionAnswer restriction(ClientView.Restriction r) {
        return new RestrictionAnswer(instant(r.since()), r.requestId().map(UUID::toString).orElse(null),
                r.reason().orElse(null));
    }

    /** A client as JSON. */
    record ClientAnswer(String id, String fullName, String phone, String email, String birthDate,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Notes notes, String createdAt, String updatedAt,
                        long version, RestrictionAnswer restriction,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> possibleDuplicateOf,
                        BillingIdentityAnswer billingIdentity, String preferredLanguage) {
    }

    /** Whom the client's invoices are made out to; null members are not recorded. */
    record BillingIdentityAnswer(String name, String address, String taxId) {
    }

    /** An open possible-duplicate flag as JSON. */
    record DuplicateAnswer(String id, String clientId, String otherClientId, String matchedOn, String source,
                           String appointmentId, String flaggedAt) {
    }

    record DuplicatePage(List<DuplicateAnswer> items, String next) {
    }

    /** The notes a role may read, null when there are none; absent altogether for a role that may not. */
    record Notes(@JsonValue String text) {
    }

    record RestrictionAnswer(String since, String requestId, String reason) {
    }

    record ClientPage(List<ClientAnswer> items, String next) {
    }

    /** In UTC with Z, to the millisecond, as every instant of the API. */
    private static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}

package com.qleven.host.http.privacy;

import com.qleven.domain.tenancy.Permission;
import com.qleven.application.Qleven;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.privacy.PrivacyRequestId;
import com.qleven.domain.privacy.PrivacyRequestStatus;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.host.http.privacy.PrivacyRequestBodies.CompletePrivacyRequestBody;
import com.qleven.host.http.privacy.PrivacyRequestBodies.CreatePrivacyRequestBody;
import com.qleven.host.http.privacy.PrivacyRequestBodies.ExtendPrivacyRequestBody;
import com.qleven.ports.privacy.in.CreatePrivacyRequestCommand;
import com.qleven.ports.privacy.in.PrivacyRequestView;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Clients' data-subject requests (P11), for the center's administrators: record one, list them by
 * status now ({@code open}, {@code due_soon}, {@code overdue}), read one, extend it or answer it;
 * and a client's export for access and portability, one versioned JSON document.
 */
public final class PrivacyRequestEndpoints {
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Map<String, PrivacyRequestStatus> FILTERS = Map.of(
            "open", PrivacyRequestStatus.OPEN,
            "due_soon", PrivacyRequestStatus.DUE_SOON,
            "overdue", PrivacyRequestStatus.OVERDUE);

    private final Qleven qleven;

    public PrivacyRequestEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    public List<Route> routes() {
        return List.of(
                Route.action("/v1/privacy/requests", Route.Body.JSON, Permission.HANDLE_PRIVACY_REQUESTS, Route.Replay.REREAD,
                        this::create),
                Route.get("/v1/privacy/requests", this::list),
                Route.get("/v1/privacy/requests/{id}", this::get),
                Route.action("/v1/privacy/requests/{id}/complete", Route.Body.JSON, Permission.HANDLE_PRIVACY_REQUESTS,
                        Route.Replay.REREAD, this::complete),
                Route.action("/v1/privacy/requests/{id}/extend", Route.Body.JSON, Permission.HANDLE_PRIVACY_REQUESTS,
                        Route.Replay.REREAD, this::extend),
                Route.get("/v1/clients/{id}/export", this::export));
    }

    private Response create(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        CreatePrivacyRequestBody body = request.body(CreatePrivacyRequestBody.class);
        PrivacyRequestView created = qleven.privacy().createRequest(principal,
                CreatePrivacyRequestCommand.parse(body.clientId(), body.type(), body.note()));
        return Response.created("/v1/privacy/requests/" + created.id(), answer(created));
    }

    private Response list(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        Optional<PrivacyRequestStatus> status = request.query("status").map(s -> Optional.ofNullable(FILTERS.get(s))
                .orElseThrow(() -> new ValidationException("status", "must be open, due_soon or overdue")));
        Page<PrivacyRequestView> page = qleven.privacy().listRequests(principal, status, request.page());
        return Response.ok(new PrivacyRequestPage(page.items().stream().map(PrivacyRequestEndpoints::answer).toList(),
                page.next().orElse(null)));
    }

    private Response get(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        return Response.ok(answer(qleven.privacy().getRequest(principal, id(request))));
    }

    private Response complete(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        PrivacyRequestId id = id(request);
        CompletePrivacyRequestBody body = request.body(CompletePrivacyRequestBody.class);
        return Response.ok(answer(qleven.privacy().completeRequest(principal, id, body.outcome())));
    }

    private Response extend(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        PrivacyRequestId id = id(request);
        ExtendPrivacyRequestBody body = request.body(ExtendPrivacyRequestBody.class);
        return Response.ok(answer(qleven.privacy().extendRequest(principal, id, body.months(), body.reason())));
    }

    private Response export(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        ClientId client = request.pathParam("id").filter(t -> UUID_TEXT.matcher(t).matches())
                .map(t -> new ClientId(UUID.fromString(t)))
                .orElseThrow(() -> new NotFoundException("client"));
        return Response.document(qleven.privacy().export(principal, client));
    }

    /** A malformed id names no request: the same 404 as another center's id or none. */
    private static PrivacyRequestId id(Request request) {
        return request.pathParam("id").filter(t -> UUID_TEXT.matcher(t).matches())
                .map(t -> new PrivacyRequestId(UUID.fromString(t)))
                .orElseThrow(() -> new NotFoundException("privacy request"));
    }

    private static PrivacyRequestAnswer answer(PrivacyRequestView r) {
        return new PrivacyRequestAnswer(r.id().toString(), r.clientId().toString(), r.type().wireName(),
                r.status().wireName(), instant(r.receivedAt()), instant(r.dueAt()), r.receivedBy().toString(),
                r.note().orElse(null), r.extensionMonths(), r.extensionReason().orElse(null),
                r.handler().map(Object::toString).orElse(null),
                r.completedAt().map(PrivacyRequestEndpoints::instant).orElse(null), r.outcome().orElse(null));
    }

    /** A privacy request as JSON. */
    record PrivacyRequestAnswer(String id, String clientId, String type, String status, String receivedAt,
                                String dueAt, String receivedBy, String note, int extensionMonths,
                                String extensionReason, String handler, String completedAt, String outcome) {
    }

    /** A page of privacy requests. */
    record PrivacyRequestPage(List<PrivacyRequestAnswer> items, String next) {
    }

    /** In UTC with Z, to the millisecond, as every instant of the API. */
    private static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}

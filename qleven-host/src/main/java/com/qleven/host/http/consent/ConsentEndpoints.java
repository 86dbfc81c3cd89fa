package com.qleven.host.http.consent;

import com.qleven.domain.tenancy.Permission;
import com.qleven.application.Qleven;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentEntry;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.host.http.consent.ConsentBodies.AddPurposeBody;
import com.qleven.host.http.consent.ConsentBodies.PublishNoticeBody;
import com.qleven.domain.consent.NoticeText;
import com.qleven.domain.shared.Page;
import com.qleven.host.http.consent.ConsentBodies.RecordConsentBody;
import com.qleven.ports.consent.in.ManageConsentPurposes.AddPurposeCommand;
import com.qleven.ports.consent.in.ManageConsentPurposes.PurposeView;
import com.qleven.ports.consent.in.ConsentsView;
import com.qleven.ports.consent.in.RecordConsentCommand;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A client's consent ledger: record a decision (append-only) and read the current state with the
 * history; the center's consent purposes, built in or added by its administrators; and the notice
 * texts its administrators publish for them, a version at a time. The state is a computed object,
 * not a page: a client has a handful of entries.
 */
public final class ConsentEndpoints {
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final Qleven qleven;

    public ConsentEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    public List<Route> routes() {
        return List.of(
                Route.action("/v1/clients/{id}/consents", Route.Body.JSON, Permission.MANAGE_CONSENTS, Route.Replay.REREAD,
                        this::record),
                Route.get("/v1/clients/{id}/consents", this::get),
                Route.action("/v1/consent-purposes", Route.Body.JSON, Permission.MANAGE_CONSENT_PURPOSES,
                        Route.Replay.ANSWER, this::addPurpose),
                Route.get("/v1/consent-purposes", this::purposes),
                new Route("PUT", "/v1/consent-purposes/{code}/notice", Route.Body.JSON, this::publishNotice),
                Route.get("/v1/consent-purposes/{code}/notices", this::notices));
    }

    private Response publishNotice(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        String code = request.pathParam("code").orElseThrow(() -> new NotFoundException("consent purpose"));
        PublishNoticeBody body = request.body(PublishNoticeBody.class);
        return Response.ok(notice(qleven.consent().publishNotice(principal, code, body.text())));
    }

    private Response notices(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        String code = request.pathParam("code").orElseThrow(() -> new NotFoundException("consent purpose"));
        Page<NoticeText> page = qleven.consent().notices(principal, code, request.page());
        return Response.ok(new NoticeList(page.items().stream().map(ConsentEndpoints::notice).toList(),
                page.next().orElse(null)));
    }

    private static NoticeAnswer notice(NoticeText n) {
        return new NoticeAnswer(n.purpose().code(), n.version(), n.text(), instant(n.publishedAt()));
    }

    record NoticeAnswer(String purpose, int version, String text, String publishedAt) {
    }

    record NoticeList(List<NoticeAnswer> items, String next) {
    }

    private Response addPurpose(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        AddPurposeBody body = request.body(AddPurposeBody.class);
        PurposeView view = qleven.consent().addPurpose(principal,
                new AddPurposeCommand(body.code(), body.description(), body.marketing()));
        return Response.created("/v1/consent-purposes", purpose(view));
    }

    private Response purposes(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        return Response.ok(new PurposeList(
                qleven.consent().purposes(principal).stream().map(ConsentEndpoints::purpose).toList()));
    }

    private static PurposeAnswer purpose(PurposeView view) {
        return new PurposeAnswer(view.code(), view.description(), view.marketing(), view.builtIn());
    }

    record PurposeAnswer(String code, String description, boolean marketing, boolean builtIn) {
    }

    record PurposeList(List<PurposeAnswer> items) {
    }

    /** The current decision per purpose code, and the ledger's entries. */
    record ConsentsAnswer(Map<String, Boolean> current, List<EntryAnswer> history) {
    }

    record EntryAnswer(String id, String purpose, String decision, String channel, String textVersion,
                       String textSha256, String proof, String recordedBy, String recordedAt, boolean ageVerified) {
    }

    private Response record(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        ClientId client = id(request);
        RecordConsentBody body = request.body(RecordConsentBody.class);
        ConsentEntry entry = qleven.consent().record(principal, client, RecordConsentCommand.builder()
                .purpose(body.purpose()).decision(body.decision()).channel(body.channel())
                .textVersion(body.textVersion()).text(body.text()).proof(body.proof())
                .build());
        return Response.created("/v1/clients/" + client + "/consents", entry(entry));
    }

    private Response get(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        ConsentsView view = qleven.consent().get(principal, id(request));
        // The purposes are the center's own codes: their decisions are data, keyed by code.
        Map<String, Boolean> current = new LinkedHashMap<>();
        view.current().forEach((purpose, granted) -> current.put(purpose.code(), granted));
        return Response.ok(new ConsentsAnswer(current, view.history().stream().map(ConsentEndpoints::entry).toList()));
    }

    /** A malformed id names no client: the same 404 as another center's id or none. */
    private static ClientId id(Request request) {
        return request.pathParam("id").filter(t -> UUID_TEXT.matcher(t).matches())
                .map(t -> new ClientId(UUID.fromString(t)))
                .orElseThrow(() -> new NotFoundException("client"));
    }

    private static EntryAnswer entry(ConsentEntry e) {
        return new EntryAnswer(e.id().toString(), e.purpose().code(), e.decision().wireName(), e.channel().wireName(),
                e.notice().version(), e.notice().textSha256(), e.proof().orElse(null),
                e.recordedBy().map(Object::toString).orElse(null), instant(e.recordedAt()), e.ageVerified());
    }

    /** In UTC with Z, to the millisecond, as every instant of the API. */
    private static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}

package com.qleven.host.http.privacy;

import com.qleven.domain.tenancy.Permission;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.qleven.application.Qleven;
import com.qleven.domain.privacy.Subprocessor;
import com.qleven.domain.privacy.SubprocessorId;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.http.JsonMembers;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.ports.privacy.in.ManageSubprocessors.SubprocessorChange;
import com.qleven.ports.privacy.in.ManageSubprocessors.SubprocessorFields;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** The sub-processor register: operators add and change entries, everyone signed in reads it. */
public final class SubprocessorEndpoints {
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    public record SubprocessorBody(String name, String purpose, String region, String transferSafeguard) {
    }

    public record SubprocessorAnswer(String id, String name, String purpose, String region, String transferSafeguard,
                                     String updatedAt) {
    }

    public record SubprocessorList(List<SubprocessorAnswer> items) {
    }

    private final Qleven qleven;

    public SubprocessorEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    public List<Route> routes() {
        // An operator's Idempotency-Key is scoped to the operator (the platform has no center). The
        // operators' routes refuse anyone else before they read the request, its key included.
        return List.of(
                Route.get("/v1/privacy/subprocessors", this::list),
                Route.action("/v1/operator/subprocessors", Route.Body.JSON, Permission.MANAGE_SUBPROCESSORS,
                        Route.Replay.ANSWER, this::add).refusingFirst(Permission.MANAGE_SUBPROCESSORS),
                new Route("PATCH", "/v1/operator/subprocessors/{id}", Route.Body.JSON, this::update)
                        .refusingFirst(Permission.MANAGE_SUBPROCESSORS));
    }

    private Response list(Request request) {
        // A short register by nature (a handful of companies): answered whole, not paged.
        return Response.ok(new SubprocessorList(qleven.privacy().subprocessors(request.principal(qleven.tenancy(
                ).authenticator())).stream()
                .map(SubprocessorEndpoints::answer).toList()));
    }

    private Response add(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        SubprocessorBody body = request.body(SubprocessorBody.class);
        Subprocessor added = qleven.privacy().addSubprocessor(principal, new SubprocessorFields(body.name(),
                body.purpose(),
                body.region(), body.transferSafeguard()));
        return Response.created("/v1/privacy/subprocessors", answer(added));
    }

    private Response update(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        SubprocessorId id = request.pathParam("id").filter(t -> UUID_TEXT.matcher(t).matches())
                .map(t -> new SubprocessorId(UUID.fromString(t)))
                .orElseThrow(() -> new NotFoundException("sub-processor"));
        ObjectNode patch = request.body(ObjectNode.class);
        Subprocessor changed = qleven.privacy().updateSubprocessor(principal, id,
                SubprocessorChange.mergePatch(JsonMembers.of(patch)));
        return Response.ok(answer(changed));
    }

    private static SubprocessorAnswer answer(Subprocessor s) {
        return new SubprocessorAnswer(s.id().toString(), s.name(), s.purpose(), s.region(), s.transferSafeguard(),
                DateTimeFormatter.ISO_INSTANT.format(s.updatedAt().truncatedTo(ChronoUnit.MILLIS)));
    }
}

package com.qleven.host.http.privacy;

import com.qleven.domain.tenancy.Permission;
import com.qleven.application.Qleven;
import com.qleven.domain.privacy.PolicyNotice;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.ports.privacy.in.PolicyAcceptance.CurrentPolicy;
import com.qleven.ports.privacy.in.PublishPolicyVersion.PolicyVersionView;
import com.qleven.ports.privacy.in.PublishPolicyVersion.PublishPolicyCommand;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Privacy-policy versions (policy P19): operators publish one; every signed-in account, operators
 * included, reads its notices of new versions, accepts a version and reads the version in effect.
 */
public final class PolicyVersionEndpoints {
    private final Qleven qleven;

    public PolicyVersionEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    public List<Route> routes() {
        // Publishing tells every account in units of work of a page each, which one idempotent unit of
        // work cannot hold; publishing twice is a 409, so a retry is harmless anyway. Accepting is an
        // action like any other: the caller's key, a center member's or an operator's, is honoured.
        return List.of(
                Route.post("/v1/operator/policy-versions", Route.Body.JSON, this::publish)
                        .refusingFirst(Permission.PUBLISH_POLICY),
                Route.get("/v1/me/notifications", this::notifications),
                Route.action("/v1/policy-versions/{version}/accept", Route.Body.NONE, Permission.MANAGE_OWN_ACCOUNT,
                        Route.Replay.ANSWER, this::accept),
                Route.get("/v1/policy-versions/current", this::current));
    }

    /** The operator's request; members are strings so that a missing one arrives as null. */
    public record PublishBody(String version, String text, String effectiveAt) {
    }

    public record PublishedAnswer(String version, String sha256, String publishedAt, String effectiveAt) {
    }

    public record NoticeAnswer(String kind, String version, String effectiveAt, String createdAt) {
    }

    public record NoticeList(List<NoticeAnswer> items) {
    }

    public record CurrentAnswer(String version, String sha256, String effectiveAt, String acceptedAt) {
    }

    private Response publish(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        PublishBody body = request.body(PublishBody.class);
        PolicyVersionView view = qleven.privacy().publishPolicy(principal,
                PublishPolicyCommand.parse(body.version(), body.text(), body.effectiveAt()));
        return Response.created("/v1/policy-versions/current", new PublishedAnswer(view.version(), view.sha256(),
                instant(view.publishedAt()), instant(view.effectiveAt())));
    }

    private Response notifications(Request request) {
        List<PolicyNotice> notices = qleven.privacy().policyNotices(request.principal(qleven.tenancy(
                ).authenticator()));
        return Response.ok(new NoticeList(notices.stream().map(n -> new NoticeAnswer("policy_version", n.version(),
                instant(n.effectiveAt()), instant(n.createdAt()))).toList()));
    }

    private Response accept(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        String version = request.pathParam("version").orElseThrow(() -> new NotFoundException("policy version"));
        qleven.privacy().acceptPolicy(principal, version);
        return Response.noContent();
    }

    private Response current(Request request) {
        CurrentPolicy current = qleven.privacy().currentPolicy(request.principal(qleven.tenancy().authenticator()))
                .orElseThrow(() -> new NotFoundException("policy version in effect"));
        return Response.ok(new CurrentAnswer(current.version(), current.sha256(), instant(current.effectiveAt()),
                current.acceptedAt().map(PolicyVersionEndpoints::instant).orElse(null)));
    }

    private static String instant(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
    }
}

package com.qleven.host.http.tenancy;

import com.qleven.domain.tenancy.Permission;
import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.application.Qleven;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.InvitationId;
import com.qleven.domain.tenancy.Principal;
import com.qleven.domain.tenancy.SessionId;
import com.qleven.host.http.JsonMembers;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.host.http.tenancy.LifecycleBodies.AcceptBody;
import com.qleven.host.http.tenancy.LifecycleBodies.AcceptedAnswer;
import com.qleven.host.http.tenancy.LifecycleBodies.ChangePasswordBody;
import com.qleven.host.http.tenancy.LifecycleBodies.InvitationAnswer;
import com.qleven.host.http.tenancy.LifecycleBodies.InvitationPage;
import com.qleven.host.http.tenancy.LifecycleBodies.InviteBody;
import com.qleven.host.http.tenancy.LifecycleBodies.ResetConfirmBody;
import com.qleven.host.http.tenancy.LifecycleBodies.ResetRequestBody;
import com.qleven.host.http.tenancy.LifecycleBodies.ResetRequestedAnswer;
import com.qleven.host.http.tenancy.LifecycleBodies.SessionAnswer;
import com.qleven.host.http.tenancy.LifecycleBodies.SessionPage;
import com.qleven.ports.tenancy.in.AcceptInvitation;
import com.qleven.ports.tenancy.in.AcceptInvitationCommand;
import com.qleven.ports.tenancy.in.ChangePassword.ChangePasswordCommand;
import com.qleven.ports.tenancy.in.InvitationView;
import com.qleven.ports.tenancy.in.InviteUserCommand;
import com.qleven.ports.tenancy.in.MembershipRequests;
import com.qleven.ports.tenancy.in.RequestPasswordReset.RequestPasswordResetCommand;
import com.qleven.ports.tenancy.in.ResetPassword.ResetPasswordCommand;
import com.qleven.ports.tenancy.in.SessionView;
import com.qleven.ports.tenancy.in.UpdateUserCommand;
import com.qleven.ports.tenancy.in.UserView;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The account lifecycle: invitations, password reset and change, an administrator's changes of a
 * member's role and active state, and one's own sessions. Tokens of single-use links travel in JSON
 * bodies only, never in a URL.
 */
public final class LifecycleEndpoints {
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private final Qleven qleven;

    public LifecycleEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    public List<Route> routes() {
        return List.of(
                Route.action("/v1/invitations", Route.Body.JSON, Permission.MANAGE_USERS, Route.Replay.REREAD, this::invite),
                Route.get("/v1/invitations", this::listInvitations),
                Route.get("/v1/invitations/{id}", this::getInvitation),
                Route.post("/v1/invitations/accept", Route.Body.JSON, this::accept),
                Route.post("/v1/auth/password-reset", Route.Body.JSON, this::requestReset),
                Route.post("/v1/auth/password-reset/confirm", Route.Body.JSON, this::confirmReset),
                Route.action("/v1/auth/password", Route.Body.JSON, Permission.MANAGE_OWN_ACCOUNT, Route.Replay.ANSWER,
                        this::changePassword),
                new Route("PATCH", "/v1/users/{id}", Route.Body.JSON, this::updateUser),
                Route.get("/v1/sessions", this::listSessions),
                Route.get("/v1/sessions/{id}", this::getSession),
                new Route("DELETE", "/v1/sessions/{id}", Route.Body.NONE, this::revokeSession),
                Route.get("/v1/me/memberships", this::myMemberships),
                Route.get("/v1/me/memberships/{id}", this::myMembership),
                // Acted on in the center the path names: the key is kept there. A declined request is
                // gone, so its replay answers the first answer (no personal data: the caller's own
                // center, role and status); an accepted one is read again.
                Route.actionInCenter("/v1/me/memberships/{id}/accept", "id", Route.Body.NONE,
                        Permission.MANAGE_OWN_ACCOUNT, Route.Replay.REREAD, this::acceptMembership),
                Route.actionInCenter("/v1/me/memberships/{id}/decline", "id", Route.Body.NONE,
                        Permission.MANAGE_OWN_ACCOUNT, Route.Replay.ANSWER, this::declineMembership),
                Route.post("/v1/memberships/accept", Route.Body.JSON, this::acceptMembershipByLink));
    }

    private Response invite(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        InviteBody body = request.body(InviteBody.class);
        InvitationView view = qleven.tenancy().invite(principal, InviteUserCommand.parse(body.email(), body.role()));
        return Response.created("/v1/invitations/" + view.id(), invitation(view));
    }

    private Response listInvitations(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        var page = qleven.tenancy().pendingInvitations(principal, request.page());
        return Response.ok(new InvitationPage(page.items().stream().map(LifecycleEndpoints::invitation).toList(),
                page.next().orElse(null)));
    }

    private Response getInvitation(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        InvitationId id = new InvitationId(uuid(request, "invitation"));
        return Response.ok(invitation(qleven.tenancy().getInvitation(principal, id)));
    }

    private Response accept(Request request) {
        AcceptBody body = request.body(AcceptBody.class);
        AcceptInvitation.Accepted accepted = qleven.tenancy().acceptInvitation(AcceptInvitationCommand.builder()
                .token(body.token()).fullName(body.fullName()).phone(body.phone()).password(body.password())
                .ageConfirmed(body.ageConfirmed()).client(request.client())
                .build());
        return Response.created("/v1/users/" + accepted.userId(),
                new AcceptedAnswer(accepted.userId().toString(), accepted.tenantId().toString()));
    }

    private Response requestReset(Request request) {
        ResetRequestBody body = request.body(ResetRequestBody.class);
        qleven.tenancy().requestPasswordReset(RequestPasswordResetCommand.parse(body.email(), request.client()));
        return Response.json(202, new ResetRequestedAnswer("if this email has an account, a reset link is on its way"));
    }

    private Response confirmReset(Request request) {
        ResetConfirmBody body = request.body(ResetConfirmBody.class);
        qleven.tenancy().resetPassword(new ResetPasswordCommand(body.token(), body.password()));
        return Response.noContent();
    }

    private Response changePassword(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        ChangePasswordBody body = request.body(ChangePasswordBody.class);
        qleven.tenancy().changePassword(principal, new ChangePasswordCommand(body.currentPassword(),
                body.newPassword()));
        return Response.noContent();
    }

    private Response updateUser(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        UserId user = new UserId(uuid(request, "user"));
        JsonNode patch = request.body(JsonNode.class);
        if (!patch.isObject()) {
            throw new ValidationException("body", "must be a JSON object");
        }
        UserView view = qleven.tenancy().updateUser(principal, user,
                UpdateUserCommand.mergePatch(JsonMembers.of(patch)));
        return Response.ok(TenancyEndpoints.user(view));
    }

    private Response listSessions(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        var page = qleven.tenancy().listSessions(principal, request.page());
        return Response.ok(new SessionPage(page.items().stream().map(LifecycleEndpoints::session).toList(),
                page.next().orElse(null)));
    }

    private Response getSession(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        return Response.ok(session(qleven.tenancy().getSession(principal, new SessionId(uuid(request, "session")))));
    }

    private Response revokeSession(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        qleven.tenancy().revokeSession(principal, new SessionId(uuid(request, "session")));
        return Response.noContent();
    }

    /** A malformed id names no resource: the same 404 as another center's id or none. */
    private Response myMemberships(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        return Response.ok(new LifecycleBodies.MembershipList(qleven.tenancy().myMemberships(principal).stream()
                .map(LifecycleEndpoints::membership).toList(), null));
    }

    private Response myMembership(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        TenantId tenant = new TenantId(uuid(request, "membership"));
        return Response.ok(membership(qleven.tenancy().myMembership(principal, tenant)));
    }

    private Response acceptMembership(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        TenantId tenant = new TenantId(uuid(request, "membership"));
        return Response.ok(membership(qleven.tenancy().acceptMembership(principal, tenant)));
    }

    private Response declineMembership(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        TenantId tenant = new TenantId(uuid(request, "membership"));
        return Response.ok(membership(qleven.tenancy().declineMembership(principal, tenant)));
    }

    private Response acceptMembershipByLink(Request request) {
        LifecycleBodies.MembershipAcceptBody body = request.body(LifecycleBodies.MembershipAcceptBody.class);
        MembershipRequests.AcceptedByLink accepted =
                qleven.tenancy().acceptMembershipByLink(body.token(), body.password());
        return Response.ok(new LifecycleBodies.MembershipAcceptedAnswer(accepted.userId().toString(),
                accepted.tenantId().toString(), "active"));
    }

    private static LifecycleBodies.MembershipAnswer membership(MembershipRequests.MyMembership m) {
        return new LifecycleBodies.MembershipAnswer(m.tenantId().toString(), m.centerName(), m.role().wireName(),
                m.status().wireName(), TenancyEndpoints.instant(m.since()));
    }

    private static UUID uuid(Request request, String what) {
        return request.pathParam("id").filter(t -> UUID_TEXT.matcher(t).matches()).map(UUID::fromString)
                .orElseThrow(() -> new NotFoundException(what));
    }

    private static InvitationAnswer invitation(InvitationView v) {
        return new InvitationAnswer(v.id().toString(), v.email(), v.role().wireName(), v.status().wireName(),
                v.invitedBy().toString(), TenancyEndpoints.instant(v.createdAt()), TenancyEndpoints.instant(v.expiresAt()));
    }

    private static SessionAnswer session(SessionView s) {
        return new SessionAnswer(s.id().toString(), TenancyEndpoints.instant(s.createdAt()),
                TenancyEndpoints.instant(s.lastSeenAt()), TenancyEndpoints.instant(s.expiresAt()),
                s.endedAt().map(TenancyEndpoints::instant).orElse(null), s.endReason().orElse(null),
                s.country().orElse(null), s.userAgent(), s.ip(), s.current());
    }
}

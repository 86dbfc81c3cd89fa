package com.qleven.host.http.tenancy;

import com.qleven.domain.tenancy.Permission;
import com.qleven.application.Qleven;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.RateLimitedException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnauthenticatedException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.http.HttpMetrics;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.host.http.SessionCookie;
import com.qleven.host.http.tenancy.TenancyBodies.AddUserBody;
import com.qleven.host.http.tenancy.TenancyBodies.AdminBody;
import com.qleven.host.http.tenancy.TenancyBodies.CenterBody;
import com.qleven.host.http.tenancy.TenancyBodies.LoginAnswer;
import com.qleven.host.http.tenancy.TenancyBodies.LoginBody;
import com.qleven.host.http.tenancy.TenancyBodies.MeAnswer;
import com.qleven.host.http.tenancy.TenancyBodies.SignUpAnswer;
import com.qleven.host.http.tenancy.TenancyBodies.SignUpBody;
import com.qleven.host.http.tenancy.TenancyBodies.UserAnswer;
import com.qleven.host.http.tenancy.TenancyBodies.UserPage;
import com.qleven.ports.tenancy.in.AddUserCommand;
import com.qleven.ports.tenancy.in.SignIn;
import com.qleven.ports.tenancy.in.SignInCommand;
import com.qleven.ports.tenancy.in.SignUp;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.tenancy.in.UserView;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/** Signup, sign-in and sign-out, the caller's profile, and the center's users. */
public final class TenancyEndpoints {
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final Qleven qleven;
    private final HttpMetrics metrics;
    private final Duration cookieLifetime;

    /** @param cookieLifetime how long a browser keeps the session cookie: the session's absolute lifetime */
    public TenancyEndpoints(Qleven qleven, HttpMetrics metrics, Duration cookieLifetime) {
        this.qleven = qleven;
        this.metrics = metrics;
        this.cookieLifetime = cookieLifetime;
    }

    public List<Route> routes() {
        return List.of(
                Route.post("/v1/signup", Route.Body.JSON, this::signUp),
                Route.post("/v1/auth/login", Route.Body.JSON, this::login),
                Route.post("/v1/auth/logout", Route.Body.NONE, this::logout),
                Route.get("/v1/me", this::me),
                Route.action("/v1/users", Route.Body.JSON, Permission.MANAGE_USERS, Route.Replay.REREAD, this::addUser),
                Route.get("/v1/users", this::listUsers),
                Route.get("/v1/users/{id}", this::getUser));
    }

    private Response signUp(Request request) {
        SignUpBody body = request.body(SignUpBody.class);
        CenterBody c = body.center() != null ? body.center() : new CenterBody(null, null, null, null, null, null);
        AdminBody a = body.admin() != null ? body.admin() : new AdminBody(null, null, null, null, null);
        SignUpCommand command = SignUpCommand.builder()
                .centerName(c.name()).address(c.address()).taxId(c.taxId()).country(c.country())
                .timeZone(c.timeZone()).currency(c.currency())
                .fullName(a.fullName()).email(a.email()).phone(a.phone()).password(a.password())
                .ageConfirmed(a.ageConfirmed())
                .client(request.client())
                .build();
        SignUp.SignUpResult result = qleven.tenancy().signUp(command);
        return Response.created("/v1/users/" + result.userId(),
                new SignUpAnswer(result.tenantId().toString(), result.userId().toString()));
    }

    private Response login(Request request) {
        LoginBody body = request.body(LoginBody.class);
        SignInCommand command = SignInCommand.parse(body.email(), body.password(), body.tenantId(), request.client());
        SignIn.SignInResult result;
        try {
            result = qleven.tenancy().signIn(command);
        } catch (UnauthenticatedException e) {
            metrics.signInRefused();
            throw e;
        } catch (RateLimitedException e) {
            metrics.signInRateLimited();
            throw e;
        }
        return Response.ok(new LoginAnswer(result.token(), instant(result.expiresAt()),
                        result.tenantId().map(TenantId::toString).orElse(null)))
                .withHeader("Set-Cookie", SessionCookie.set(result.token(), cookieLifetime));
    }

    private Response logout(Request request) {
        qleven.tenancy().signOut(request.principal(qleven.tenancy().authenticator()));
        return Response.noContent().withHeader("Set-Cookie", SessionCookie.clear());
    }

    private Response me(Request request) {
        UserView me = qleven.tenancy().me(request.principal(qleven.tenancy().authenticator()));
        return Response.ok(new MeAnswer(me.id().toString(), me.tenantId().map(TenantId::toString).orElse(null),
                me.role().wireName(), me.fullName(), me.email(), me.phone().orElse(null)));
    }

    private Response addUser(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        AddUserBody body = request.body(AddUserBody.class);
        AddUserCommand command = AddUserCommand.builder()
                .fullName(body.fullName()).email(body.email()).phone(body.phone()).role(body.role())
                .password(body.password()).ageConfirmed(body.ageConfirmed())
                .build();
        UserView added = qleven.tenancy().addUser(principal, command);
        return Response.created("/v1/users/" + added.id(), user(added));
    }

    private Response listUsers(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        PageRequest page = request.page();
        var users = qleven.tenancy().listUsers(principal, page);
        return Response.ok(new UserPage(users.items().stream().map(TenancyEndpoints::user).toList(),
                users.next().orElse(null)));
    }

    private Response getUser(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        // A malformed id names no resource: the same 404 as an id of another center or none.
        UserId id = request.pathParam("id").filter(t -> UUID_TEXT.matcher(t).matches())
                .map(t -> new UserId(java.util.UUID.fromString(t)))
                .orElseThrow(() -> new NotFoundException("user"));
        return Response.ok(user(qleven.tenancy().getUser(principal, id)));
    }

    static UserAnswer user(UserView view) {
        return new UserAnswer(view.id().toString(), view.tenantId().map(TenantId::toString).orElse(null),
                view.role().wireName(), view.fullName(), view.email(), view.phone().orElse(null),
                instant(view.memberSince()), view.active(), view.status().wireName());
    }

    /**
     * In UTC with Z, to the millisecond: the clock may tell nanoseconds and the database keeps
     * microseconds, and the same instant must read the same in every answer.
     */
    static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}

package com.qleven.host.http.messaging;

import com.qleven.application.Qleven;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.ports.messaging.in.AccountView;
import com.qleven.ports.messaging.in.ConnectAccountCommand;
import com.qleven.ports.messaging.in.EmbeddedSignupCommand;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The center's connected WhatsApp number: {@code PUT /v1/whatsapp/account} connects it by hand (or
 * replaces it), {@code POST /v1/whatsapp/account/embedded-signup} through Embedded Signup, {@code GET}
 * reads it. No answer ever holds the token. Embedded Signup calls Meta, so it runs outside the
 * request's unit of work (HttpModule's separate units) and takes no {@code Idempotency-Key}: its
 * code is good for one exchange, so a retry can never connect twice.
 */
public final class WhatsAppAccountEndpoints {
    public static final String SIGNUP = "/v1/whatsapp/account/embedded-signup";
    private final Qleven qleven;

    public WhatsAppAccountEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    public List<Route> routes() {
        return List.of(
                new Route("PUT", "/v1/whatsapp/account", Route.Body.JSON, this::connect),
                Route.get("/v1/whatsapp/account", request -> Response.ok(answer(qleven.messaging()
                        .account(principal(request))))),
                Route.post(SIGNUP, Route.Body.JSON, this::signup));
    }

    /** The token is write-only: never echoed, never logged ({@link #toString()}). */
    record ConnectBody(String phoneNumberId, String wabaId, String accessToken, String displayPhoneNumber) {
        @Override
        public String toString() {
            return "ConnectBody[redacted]";
        }
    }

    record SignupBody(String code, String wabaId, String phoneNumberId, String pin, String displayPhoneNumber) {
        @Override
        public String toString() {
            return "SignupBody[redacted]";
        }
    }

    record AccountAnswer(String phoneNumberId, String wabaId, String displayPhoneNumber, String status,
                         String connectedAt) {
    }

    private Principal principal(Request request) {
        return request.principal(qleven.tenancy().authenticator());
    }

    private Response connect(Request request) {
        Principal principal = principal(request);
        ConnectBody body = request.body(ConnectBody.class);
        return Response.ok(answer(qleven.messaging().connectAccount(principal, new ConnectAccountCommand(
                body.phoneNumberId(), body.wabaId(), body.accessToken(), body.displayPhoneNumber()))));
    }

    private Response signup(Request request) {
        Principal principal = principal(request);
        SignupBody body = request.body(SignupBody.class);
        return Response.ok(answer(qleven.messaging().embeddedSignup(principal, new EmbeddedSignupCommand(
                body.code(), body.wabaId(), body.phoneNumberId(), body.pin(), body.displayPhoneNumber()))));
    }

    private static AccountAnswer answer(AccountView a) {
        return new AccountAnswer(a.phoneNumberId(), a.wabaId(), a.displayPhoneNumber(), a.status(),
                instant(a.connectedAt()));
    }

    static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}

package com.qleven.host;

import static com.qleven.host.TestHost.newEmail;
import static com.qleven.host.TestHost.userBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.http.privacy.IncidentFixtures;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, fix 12: the host's housekeeping job purges each operational table at its documented age,
 * and not before: with the test host's clock moved to just before the age (the row stays) and just
 * after it (the row is gone). Fix 2's 24-hour life of idempotency records is checked the same way.
 * Each test checks only its own rows, so the clock moving forward for one does not disturb another.
 */
class HousekeepingTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static void runJob() {
        host.host().component().housekeepingJob().runOnce();
    }

    private static long count(String sql, Object... args) {
        try (Connection c = host.superuser(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reply post(String path, Object body, String token, String key) {
        return host.send(host.request(path)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(TestHost.write(body)))
                .build());
    }

    private static Instant inTwelveMonths(Instant at) {
        return at.atOffset(ZoneOffset.UTC).plusMonths(12).toInstant();
    }

    @Test
    void idempotency_records_go_24_hours_after_they_were_made_and_not_before() {
        Center center = host.newCenter("Centro Limpieza");
        UUID tenant = UUID.fromString(center.tenantId());
        Instant t0 = host.clock.instant();
        assertThat(post("/v1/users", userBody(newEmail("r1"), "professional"), center.token(), "r1").status())
                .isEqualTo(201);
        host.clock.advance(Duration.ofSeconds(2));
        assertThat(post("/v1/users", userBody(newEmail("r2"), "professional"), center.token(), "r2").status())
                .isEqualTo(201);
        String records = "SELECT count(*) FROM public.idempotency_records WHERE tenant_id = ? AND key = ?";

        host.clock.set(t0.plus(Duration.ofHours(24)).plus(SECOND));
        runJob();
        assertThat(count(records, tenant, "r1")).isZero();
        assertThat(count(records, tenant, "r2")).as("a second short of its 24 hours").isEqualTo(1);

        host.clock.advance(Duration.ofSeconds(2));
        runJob();
        assertThat(count(records, tenant, "r2")).isZero();
    }

    @Test
    void an_expired_idempotency_record_is_never_replayed_even_before_the_job_runs() {
        Center center = host.newCenter("Centro Caducado");
        Map<String, Object> client = Map.of("fullName", "Lola Expira");
        Reply first = post("/v1/clients", client, center.token(), "expiring");
        host.clock.advance(Duration.ofHours(11));
        // Sessions idle out after 30 minutes: the same account signs in again; its keys are its own.
        Reply replay = post("/v1/clients", client, host.login(center.adminEmail(), TestHost.PASSWORD, null), "expiring");
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));

        host.clock.advance(Duration.ofHours(13));
        String token = host.login(center.adminEmail(), TestHost.PASSWORD, null);
        Reply late = post("/v1/clients", client, token, "expiring");

        assertThat(late.status()).isEqualTo(201);
        assertThat(late.header("Idempotent-Replayed")).isNull();
        assertThat(late.header("Location")).isNotEqualTo(first.header("Location"));
    }

    @Test
    void an_operators_idempotency_records_go_after_24_hours_too() {
        String operator = IncidentFixtures.operator(host);
        Instant t0 = host.clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Housekeeping Ltd " + UUID.randomUUID());
        body.put("purpose", "Hosting");
        body.put("region", "European Union");
        body.put("transferSafeguard", "Processed in the European Union");
        String key = "op-" + UUID.randomUUID();
        assertThat(post("/v1/operator/subprocessors", body, operator, key).status()).isEqualTo(201);
        String records = "SELECT count(*) FROM public.platform_idempotency_records WHERE key = ?";

        host.clock.set(t0.plus(Duration.ofHours(24)).minus(SECOND));
        runJob();
        assertThat(count(records, key)).isEqualTo(1);
        host.clock.set(t0.plus(Duration.ofHours(24)).plus(SECOND));
        runJob();
        assertThat(count(records, key)).isZero();
    }

    @Test
    void sign_in_tokens_go_at_their_absolute_expiry() {
        Center center = host.newCenter("Centro Fichas");
        UUID admin = UUID.fromString(center.adminId());
        String tokens = "SELECT count(*) FROM directory.session_tokens WHERE user_id = ?";
        Instant expiry = host.clock.instant().plus(Duration.ofHours(12));
        assertThat(count(tokens, admin)).isEqualTo(1);

        host.clock.set(expiry.minus(SECOND));
        runJob();
        assertThat(count(tokens, admin)).isEqualTo(1);
        host.clock.set(expiry.plus(SECOND));
        runJob();
        assertThat(count(tokens, admin)).isZero();
    }

    @Test
    void a_centers_session_log_with_its_sealed_ip_and_user_agent_goes_12_months_after_the_session_ended() {
        Center center = host.newCenter("Centro Registro");
        UUID admin = UUID.fromString(center.adminId());
        Instant ended = host.clock.instant();
        Reply out = host.send(host.request("/v1/auth/logout").header("Authorization", "Bearer " + center.token())
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(out.status()).isEqualTo(204);
        String sessions = "SELECT count(*) FROM public.sessions WHERE user_id = ? AND ip IS NOT NULL AND user_agent IS NOT NULL";
        assertThat(count(sessions, admin)).isEqualTo(1);

        host.clock.set(inTwelveMonths(ended).minus(Duration.ofDays(1)));
        runJob();
        assertThat(count(sessions, admin)).as("a day before its 12 months").isEqualTo(1);
        host.clock.set(inTwelveMonths(ended).plus(SECOND));
        runJob();
        assertThat(count("SELECT count(*) FROM public.sessions WHERE user_id = ?", admin)).isZero();
    }

    @Test
    void an_operators_session_log_goes_12_months_after_the_session_was_over() {
        String email = newEmail("op-log");
        host.host().component().qleven().tenancy().createOperator(
                new com.qleven.ports.tenancy.in.CreateOperator.CreateOperatorCommand(
                        com.qleven.domain.tenancy.PersonDetails.parse("Otto Operator", email, null), TestHost.PASSWORD));
        String token = host.login(email, TestHost.PASSWORD, null);
        UUID operator = UUID.fromString(host.get("/v1/me", token).json().get("userId").asText());
        Instant over = host.clock.instant().plus(Duration.ofHours(12));
        String sessions = "SELECT count(*) FROM public.platform_sessions WHERE user_id = ?";
        assertThat(count(sessions, operator)).isEqualTo(1);

        host.clock.set(inTwelveMonths(over).minus(Duration.ofDays(1)));
        runJob();
        assertThat(count(sessions, operator)).isEqualTo(1);
        host.clock.set(inTwelveMonths(over).plus(SECOND));
        runJob();
        assertThat(count(sessions, operator)).isZero();
    }

    @Test
    void invitation_links_go_at_their_expiry() {
        Center center = host.newCenter("Centro Invita");
        UUID tenant = UUID.fromString(center.tenantId());
        Instant expiry = host.clock.instant().plus(Duration.ofHours(72));
        Reply invited = host.post("/v1/invitations", Map.of("email", newEmail("invitee"), "role", "professional"),
                center.token());
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        String links = "SELECT count(*) FROM directory.invitation_tokens WHERE tenant_id = ?";

        host.clock.set(expiry.minus(SECOND));
        runJob();
        assertThat(count(links, tenant)).isEqualTo(1);
        host.clock.set(expiry.plus(SECOND));
        runJob();
        assertThat(count(links, tenant)).isZero();
    }

    @Test
    void links_to_accept_a_membership_go_at_their_expiry() {
        Center home = host.newCenter("Centro Propio");
        Center asking = host.newCenter("Centro Que Pide");
        Instant expiry = host.clock.instant().plus(Duration.ofHours(72));
        Reply added = host.post("/v1/users", TestHost.userBody(home.adminEmail(), "professional"), asking.token());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("status").asText()).isEqualTo("pending");
        String links = "SELECT count(*) FROM directory.membership_tokens WHERE tenant_id = ?";
        UUID tenant = UUID.fromString(asking.tenantId());
        assertThat(count(links, tenant)).isEqualTo(1);

        host.clock.set(expiry.minus(SECOND));
        runJob();
        assertThat(count(links, tenant)).isEqualTo(1);
        host.clock.set(expiry.plus(SECOND));
        runJob();
        assertThat(count(links, tenant)).isZero();
    }

    @Test
    void password_reset_links_go_at_their_expiry() {
        Center center = host.newCenter("Centro Clave Nueva");
        UUID admin = UUID.fromString(center.adminId());
        Instant expiry = host.clock.instant().plus(Duration.ofMinutes(30));
        Reply asked = host.post("/v1/auth/password-reset", Map.of("email", center.adminEmail()));
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        String links = "SELECT count(*) FROM directory.password_reset_tokens WHERE user_id = ?";
        assertThat(count(links, admin)).isEqualTo(1);

        host.clock.set(expiry.minus(SECOND));
        runJob();
        assertThat(count(links, admin)).isEqualTo(1);
        host.clock.set(expiry.plus(SECOND));
        runJob();
        assertThat(count(links, admin)).isZero();
    }

    @Test
    void rate_limit_events_go_after_24_hours() {
        Instant at = host.clock.instant();
        Map<String, Object> wrong = new LinkedHashMap<>();
        wrong.put("email", newEmail("nobody"));
        wrong.put("password", "not the password at all");
        assertThat(host.post("/v1/auth/login", wrong).status()).isEqualTo(401);
        String events = "SELECT count(*) FROM directory.rate_events WHERE bucket = 'signin_failure_account'";
        assertThat(count(events)).isEqualTo(1);

        host.clock.set(at.plus(Duration.ofHours(24)).minus(SECOND));
        runJob();
        assertThat(count(events)).isEqualTo(1);
        host.clock.set(at.plus(Duration.ofHours(24)).plus(SECOND));
        runJob();
        assertThat(count(events)).isZero();
    }
}

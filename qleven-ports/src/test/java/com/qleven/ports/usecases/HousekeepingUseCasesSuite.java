package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.PersonDetails;
import com.qleven.domain.tenancy.Principal;
import com.qleven.domain.tenancy.Role;
import com.qleven.ports.contract.SchedulingFixtures;
import com.qleven.ports.scheduling.out.ManageLinks;
import com.qleven.ports.shared.in.PurgeOperationalRecords.PurgeReport;
import com.qleven.ports.shared.out.IdempotencyRecords;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.CreateOperator;
import com.qleven.ports.tenancy.in.SignInCommand;
import com.qleven.ports.tenancy.in.SignUp.SignUpResult;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Idempotency (issue 7, fix 2) and the housekeeping of operational tables (fix 12) through the SDK
 * facade, against every store, with a clock the tests move.
 */
public abstract class HousekeepingUseCasesSuite extends UseCasesSuiteBase {
    private static final String PASSWORD = "correct horse battery";
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private static final Duration SECOND = Duration.ofSeconds(1);

    private MutableClock clock;
    private QlevenStore store;
    private Qleven qleven;
    private final ClientInfo client = new ClientInfo("10.9.8.7", "Mozilla/5.0 housekeeping", Optional.of("ES"));
    private final AtomicInteger runs = new AtomicInteger();

    @BeforeEach
    void buildCore() {
        clock = new MutableClock(NOW);
        store = newStore();
        qleven = core(store).clock(clock).signupsPerAddressPerHour(1000).build();
    }

    private static String email() {
        return "person-" + UUID.randomUUID() + "@example.com";
    }

    private Principal administrator() {
        String email = email();
        SignUpResult result = qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica Sol").address("Calle Mayor 1").taxId("B12345678").country("ES")
                .timeZone("Europe/Madrid").currency("EUR").fullName("Ana López").email(email).phone("+34600111222")
                .password(PASSWORD).ageConfirmed(true).client(client).build());
        assertThat(result.tenantId()).isNotNull();
        return signIn(email);
    }

    private Principal signIn(String email) {
        return qleven.tenancy().authenticate(qleven.tenancy().signIn(new SignInCommand(email, PASSWORD,
                Optional.empty(), client)).token());
    }

    private Principal operator() {
        String email = email();
        qleven.tenancy().createOperator(new CreateOperator.CreateOperatorCommand(
                PersonDetails.parse("Olga Operator", email, null), PASSWORD));
        return signIn(email);
    }

    /** Runs a counted piece of work idempotently; answers the run number it did. */
    private String run(Principal principal, String key, String body) {
        return run(principal, Permission.MANAGE_USERS, key, body);
    }

    private String run(Principal principal, Permission permission, String key, String body) {
        return qleven.platform().idempotency().run(principal, permission, key,
                ("POST /v1/things\n" + body).getBytes(StandardCharsets.UTF_8),
                () -> "run " + runs.incrementAndGet(),
                answer -> answer.getBytes(StandardCharsets.UTF_8),
                bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    private long records(Principal principal) {
        TenantId tenant = principal.requireTenant();
        return store.shared().transactions().inTenant(tenant,
                () -> store.shared().idempotencyRecords().oldest(tenant)).isPresent() ? 1 : 0;
    }

    @Test
    void a_key_answers_its_first_answer_to_its_caller_only_and_another_body_is_refused() {
        Principal admin = administrator();
        Principal colleague = new Principal(new com.qleven.domain.shared.UserId(UUID.randomUUID()), admin.tenantId(),
                Role.ADMINISTRATOR, admin.sessionId());

        assertThat(run(admin, "k", "{}")).isEqualTo("run 1");
        assertThat(run(admin, "k", "{}")).isEqualTo("run 1");
        assertThat(run(colleague, "k", "{}")).isEqualTo("run 2");
        assertThatThrownBy(() -> run(admin, "k", "{\"other\":1}")).isInstanceOf(UnprocessableException.class);
        assertThat(runs).hasValue(2);
    }

    @Test
    void a_replay_checks_the_callers_permission_again() {
        Principal admin = administrator();
        assertThat(run(admin, "k", "{}")).isEqualTo("run 1");
        Principal demoted = new Principal(admin.userId(), admin.tenantId(), Role.PROFESSIONAL, admin.sessionId());

        assertThatThrownBy(() -> run(demoted, "k", "{}")).isInstanceOf(ForbiddenException.class);
        assertThat(runs).hasValue(1);
    }

    @Test
    void an_operator_gets_idempotency_in_the_platform_scope() {
        Principal operator = operator();

        assertThat(run(operator, Permission.MANAGE_SUBPROCESSORS, "op", "{}")).isEqualTo("run 1");
        assertThat(run(operator, Permission.MANAGE_SUBPROCESSORS, "op", "{}")).isEqualTo("run 1");
        assertThat(store.shared().transactions().global(() -> store.shared().idempotencyRecords()
                .claim(new IdempotencyRecords.Scope(Optional.empty(), operator.userId().value()), "op")))
                .isInstanceOf(IdempotencyRecords.Done.class);
    }

    @Test
    void a_record_answers_for_24_hours_and_the_purge_removes_it_then_and_not_before() {
        Principal admin = administrator();
        assertThat(run(admin, "k", "{}")).isEqualTo("run 1");

        clock.set(NOW.plus(Duration.ofHours(24)).minus(SECOND));
        qleven.platform().purgeOperationalRecords(100);
        assertThat(records(admin)).isEqualTo(1);
        assertThat(run(admin, "k", "{}")).isEqualTo("run 1");

        clock.set(NOW.plus(Duration.ofHours(24)).plus(SECOND));
        PurgeReport report = qleven.platform().purgeOperationalRecords(100);
        assertThat(report.removed().get("public.idempotency_records")).isPositive();
        assertThat(records(admin)).isZero();
        assertThat(run(admin, "k", "{}")).isEqualTo("run 2");
    }

    @Test
    void a_centers_session_log_goes_12_months_after_the_session_was_over_and_its_token_at_expiry() {
        Principal admin = administrator();
        TenantId tenant = admin.requireTenant();
        Instant over = NOW.plus(Duration.ofHours(12));
        java.util.function.Supplier<Boolean> logged = () -> store.shared().transactions().inTenant(tenant,
                () -> store.tenancy().sessions().byId(admin.tenantId(), admin.sessionId()).isPresent());

        clock.set(over.minus(SECOND));
        assertThat(qleven.platform().purgeOperationalRecords(100).removed()).containsEntry("directory.session_tokens", 0);
        clock.set(over.plus(SECOND));
        assertThat(qleven.platform().purgeOperationalRecords(100).removed().get("directory.session_tokens")).isPositive();

        clock.set(over.atOffset(ZoneOffset.UTC).plusMonths(12).minusDays(1).toInstant());
        qleven.platform().purgeOperationalRecords(100);
        assertThat(logged.get()).isTrue();
        clock.set(over.atOffset(ZoneOffset.UTC).plusMonths(12).plusSeconds(1).toInstant());
        PurgeReport report = qleven.platform().purgeOperationalRecords(100);
        assertThat(report.removed().get("public.sessions")).isPositive();
        assertThat(logged.get()).isFalse();
    }

    @Test
    void a_manage_link_goes_at_its_expiry_and_not_before() {
        Principal admin = administrator();
        TenantId tenant = admin.requireTenant();
        ManageLinks links = store.scheduling().manageLinks();
        Instant expiry = NOW.plus(Duration.ofHours(1));
        ManageLinks.ManageLink link = new ManageLinks.ManageLink(SchedulingFixtures.tokenHash(), tenant, new AppointmentId(UUID.randomUUID()), expiry, NOW);
        store.shared().transactions().inTenant(tenant, () -> links.add(link));
        // Read as of its creation, so the row's presence is seen whatever the clock of the purge.
        java.util.function.Supplier<Boolean> kept = () -> store.shared().transactions()
                .global(() -> links.byTokenHash(link.tokenHash(), NOW)).isPresent();

        clock.set(expiry.minus(SECOND));
        qleven.platform().purgeOperationalRecords(100);
        assertThat(kept.get()).isTrue();
        clock.set(expiry);
        PurgeReport report = qleven.platform().purgeOperationalRecords(100);
        assertThat(report.removed().get("directory.manage_link_tokens")).isPositive();
        assertThat(kept.get()).isFalse();
    }
}

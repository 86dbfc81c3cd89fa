package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.privacy.PolicyNotice;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.PersonDetails;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.privacy.in.PolicyAcceptance.CurrentPolicy;
import com.qleven.ports.privacy.in.PublishPolicyVersion.PolicyVersionView;
import com.qleven.ports.privacy.in.PublishPolicyVersion.PublishPolicyCommand;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.tenancy.in.AddUserCommand;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.CreateOperator;
import com.qleven.ports.tenancy.in.SignInCommand;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.tenancy.out.StoredAccount;
import com.qleven.ports.testing.MutableClock;
import com.qleven.ports.testing.RecordingMailer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Privacy-policy versions (policy P19) through the SDK facade, against every store, with a clock the
 * tests move: every account is told once in the platform and by mail, acceptance is recorded once,
 * the version in effect switches at its effective time, and refused publications write nothing.
 */
public abstract class PolicyVersionUseCasesSuite extends UseCasesSuiteBase {
    private static final String PASSWORD = "correct horse battery";
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private static final String TEXT = "Qleven's privacy policy, version of November 2026.\nWe keep your data in the EU.\n";

    private MutableClock clock;
    private QlevenStore store;
    private FieldCipher cipher;
    private Qleven qleven;
    private RecordingMailer mailer;
    /** A store may live for a whole test class: each test names its versions apart. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final ClientInfo client = new ClientInfo("10.9.8.6", "Mozilla/5.0 policy", Optional.of("ES"));

    @BeforeEach
    void buildCore() {
        clock = new MutableClock(NOW);
        store = newStore();
        cipher = cipher(store);
        mailer = new RecordingMailer();
        qleven = core(store, cipher).clock(clock).signupsPerAddressPerHour(1000).mailer(mailer).build();
    }

    private String v(String name) {
        return name + "-" + run;
    }

    private static String email() {
        return "person-" + UUID.randomUUID() + "@example.com";
    }

    private record Center(Principal admin, String adminEmail, Principal professional, String professionalEmail) {
    }

    private Center center() {
        String adminEmail = email();
        qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica Luna").address("Calle Mayor 2").taxId("B12345678").country("ES")
                .timeZone("Europe/Madrid").currency("EUR").fullName("Ana López").email(adminEmail)
                .phone("+34600111222").password(PASSWORD).ageConfirmed(true).client(client).build());
        Principal admin = signIn(adminEmail);
        String professionalEmail = email();
        qleven.tenancy().addUser(admin, AddUserCommand.builder()
                .fullName("Eva").email(professionalEmail).role("professional").password(PASSWORD).ageConfirmed(true)
                .build());
        return new Center(admin, adminEmail, signIn(professionalEmail), professionalEmail);
    }

    private Principal signIn(String email) {
        return qleven.tenancy().authenticate(qleven.tenancy().signIn(new SignInCommand(email, PASSWORD,
                Optional.empty(), client)).token());
    }

    private record Operator(Principal principal, String email) {
    }

    private Operator operator() {
        String email = email();
        qleven.tenancy().createOperator(new CreateOperator.CreateOperatorCommand(
                PersonDetails.parse("Olga Operator", email, null), PASSWORD));
        return new Operator(signIn(email), email);
    }

    /** Sends everything queued; the store may hold mail of earlier tests of the class too. */
    private void dispatchAll() {
        while (qleven.platform().dispatchMail(500).handled() > 0) {
            // Keep going until the outbox has nothing due.
        }
    }

    private List<AuditEvent> platformChain() {
        return store.shared().transactions().global(() -> store.audit().auditLog()
                .readNewestFirst(Optional.empty(), Long.MAX_VALUE, 500)).stream().map(com.qleven.domain.audit.AuditRecord::event).toList();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Test
    void publishing_tells_every_account_of_every_center_and_the_operators_once_in_the_platform_and_by_mail() {
        Center a = center();
        Center b = center();
        Operator operator = operator();
        Operator otherOperator = operator();
        Instant effective = NOW.plus(Duration.ofDays(30));

        PolicyVersionView published = qleven.privacy().publishPolicy(operator.principal(),
                new PublishPolicyCommand(v("2026-11"), TEXT, effective));
        dispatchAll();

        assertThat(published).isEqualTo(new PolicyVersionView(v("2026-11"), sha256(TEXT), NOW, effective));
        List<Principal> everyone = List.of(a.admin(), a.professional(), b.admin(), b.professional(),
                operator.principal(), otherOperator.principal());
        for (Principal p : everyone) {
            assertThat(qleven.privacy().policyNotices(p)).singleElement()
                    .isEqualTo(new PolicyNotice(p.userId(), v("2026-11"), effective, NOW));
        }
        for (String address : List.of(a.adminEmail(), a.professionalEmail(), b.adminEmail(), b.professionalEmail(),
                operator.email(), otherOperator.email())) {
            assertThat(mailer.to(address)).singleElement().satisfies(m -> {
                assertThat(m.subject()).contains("2026-12-02T10:00:00Z");
                assertThat(m.text()).contains("version " + v("2026-11"), "2026-12-02T10:00:00Z");
            });
        }
        assertThat(platformChain()).filteredOn(e -> e.action().equals("policy.publish")
                        && e.actor().equals(Optional.of(operator.principal().userId()))).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).contains(operator.principal().userId());
                    assertThat(e.tenant()).isEmpty();
                });
    }

    @Test
    void the_walk_over_accounts_crosses_pages_and_tells_each_account_once() {
        Operator operator = operator();
        // More accounts than one page of the walk, added sealed as sign-up seals them, without Argon2 per account.
        List<String> addresses = new ArrayList<>();
        store.shared().transactions().global(() -> {
            for (int i = 0; i < 230; i++) {
                UserId id = new UserId(UUID.randomUUID());
                String address = email();
                addresses.add(address);
                KeyScope scope = KeyScope.account(id.value());
                store.tenancy().accounts().add(new StoredAccount(id,
                        cipher.encrypt(scope, "account|fullName|" + id, "Person " + i),
                        cipher.encrypt(scope, "account|email|" + id, address), null,
                        "$argon2id$v=19$m=19456,t=2,p=1$b3A$aGFzaA", NOW, false, NOW));
            }
        });

        qleven.privacy().publishPolicy(operator.principal(), new PublishPolicyCommand(v("paged"), TEXT, NOW));
        dispatchAll();

        for (String address : addresses) {
            assertThat(mailer.to(address)).as(address).hasSize(1);
        }
        assertThat(mailer.to(operator.email())).hasSize(1);
    }

    @Test
    void acceptance_is_recorded_once_and_the_current_version_switches_at_its_effective_time() {
        Center a = center();
        Operator operator = operator();
        // Later than any other test's versions, which a store shared by the class may hold.
        Instant now = NOW.plus(Duration.ofDays(1000));
        clock.set(now);
        Instant firstEffective = now.minus(Duration.ofDays(1));
        Instant secondEffective = now.plus(Duration.ofDays(10));

        qleven.privacy().publishPolicy(operator.principal(), new PublishPolicyCommand(v("v1"), TEXT, firstEffective));
        qleven.privacy().publishPolicy(operator.principal(),
                new PublishPolicyCommand(v("v2"), TEXT + "Changed.\n", secondEffective));
        assertThat(qleven.privacy().currentPolicy(a.admin()))
                .contains(new CurrentPolicy(v("v1"), sha256(TEXT), firstEffective, Optional.empty()));
        clock.set(firstEffective.minusSeconds(1));
        assertThat(qleven.privacy().currentPolicy(a.admin()).map(CurrentPolicy::version))
                .isNotEqualTo(Optional.of(v("v1")));
        clock.set(now);

        clock.advance(Duration.ofMinutes(5));
        qleven.privacy().acceptPolicy(a.admin(), v("v1"));
        clock.advance(Duration.ofMinutes(5));
        qleven.privacy().acceptPolicy(a.admin(), v("v1"));

        Instant acceptedAt = now.plus(Duration.ofMinutes(5));
        assertThat(qleven.privacy().currentPolicy(a.admin())).get()
                .extracting(CurrentPolicy::acceptedAt).isEqualTo(Optional.of(acceptedAt));
        assertThat(qleven.privacy().currentPolicy(a.professional())).get()
                .extracting(CurrentPolicy::acceptedAt).isEqualTo(Optional.empty());
        assertThat(qleven.privacy().policyNotices(a.admin())).extracting(PolicyNotice::version)
                .containsExactly(v("v2"));
        assertThat(qleven.privacy().policyNotices(a.professional())).extracting(PolicyNotice::version)
                .containsExactly(v("v2"), v("v1"));

        clock.set(secondEffective.minusSeconds(1));
        assertThat(qleven.privacy().currentPolicy(a.admin())).get().extracting(CurrentPolicy::version)
                .isEqualTo(v("v1"));
        clock.set(secondEffective);
        assertThat(qleven.privacy().currentPolicy(a.admin())).contains(new CurrentPolicy(v("v2"),
                sha256(TEXT + "Changed.\n"), secondEffective, Optional.empty()));
        assertThatThrownBy(() -> qleven.privacy().acceptPolicy(a.admin(), v("v3")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qleven.privacy().acceptPolicy(a.admin(), "not a version"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_center_member_is_refused_before_the_command_is_looked_at() {
        Center a = center();
        Operator operator = operator();

        // Before the fix a missing command was a ValidationException, even for a center's member.
        assertThatThrownBy(() -> qleven.privacy().publishPolicy(a.admin(), null))
                .isInstanceOf(ForbiddenException.class);
        // Control: an operator's missing command is still a ValidationException naming it.
        assertThatThrownBy(() -> qleven.privacy().publishPolicy(operator.principal(), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("command");
    }

    @Test
    void a_publication_by_a_center_member_or_of_an_existing_version_is_refused_and_writes_nothing() {
        Center a = center();
        Operator operator = operator();
        qleven.privacy().publishPolicy(operator.principal(), new PublishPolicyCommand(v("v1"), TEXT, NOW));
        dispatchAll();
        long published = platformChain().stream().filter(e -> e.action().equals("policy.publish")).count();

        assertThatThrownBy(() -> qleven.privacy().publishPolicy(a.admin(),
                new PublishPolicyCommand(v("v2"), TEXT, NOW))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.privacy().publishPolicy(operator.principal(),
                new PublishPolicyCommand(v("v1"), "another text", NOW.plusSeconds(60))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> qleven.privacy().publishPolicy(operator.principal(),
                new PublishPolicyCommand("with spaces", TEXT, NOW)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> qleven.privacy().publishPolicy(operator.principal(),
                new PublishPolicyCommand(v("v3"), " ", NOW)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("text");
        dispatchAll();

        assertThat(store.shared().transactions().global(() -> store.privacy().policyVersions().byVersion(v("v2"))))
                .isEmpty();
        assertThat(store.shared().transactions().global(() -> store.privacy().policyVersions().byVersion(v("v1"))))
                .get()
                .satisfies(v -> assertThat(v.text()).isEqualTo(TEXT));
        assertThat(qleven.privacy().policyNotices(a.admin())).extracting(PolicyNotice::version)
                .containsExactly(v("v1"));
        assertThat(mailer.to(a.adminEmail())).hasSize(1);
        assertThat(platformChain().stream().filter(e -> e.action().equals("policy.publish")).count())
                .isEqualTo(published);
    }

    @Test
    void a_version_as_typed_is_read_by_the_command_as_the_api_reads_it() {
        Operator operator = operator();

        PolicyVersionView published = qleven.privacy().publishPolicy(operator.principal(),
                PublishPolicyCommand.parse(v("v1"), TEXT, "2026-11-03T00:00:00+01:00"));

        assertThat(published.effectiveAt()).isEqualTo(Instant.parse("2026-11-02T23:00:00Z"));
        assertThatThrownBy(() -> PublishPolicyCommand.parse(null, null, "2026-11-03"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::message).containsExactly(
                                tuple("version", "is required"), tuple("text", "is required"),
                                tuple("effectiveAt", "must be an RFC 3339 instant with an offset")));
        assertThatThrownBy(() -> PublishPolicyCommand.parse(v("v2"), TEXT, null))
                .isInstanceOf(ValidationException.class).hasMessage("effectiveAt: is required");
    }
}

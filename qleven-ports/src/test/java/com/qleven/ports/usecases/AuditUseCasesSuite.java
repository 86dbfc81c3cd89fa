package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.domain.audit.AlertKind;
import com.qleven.domain.audit.AuditCanonical;
import com.qleven.domain.audit.AuditEntry;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.audit.AuditRecord;
import com.qleven.domain.audit.BurstPolicy;
import com.qleven.domain.audit.ChainHead;
import com.qleven.domain.audit.ChainReport;
import com.qleven.domain.audit.SecurityAlert;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnauthenticatedException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.PersonDetails;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.tenancy.in.AddUserCommand;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.CreateOperator;
import com.qleven.ports.tenancy.in.SignIn.SignInResult;
import com.qleven.ports.tenancy.in.SignInCommand;
import com.qleven.ports.tenancy.in.SignUp.SignUpResult;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.tenancy.in.UserView;
import com.qleven.ports.testing.MemoryHeadWitness;
import com.qleven.ports.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit trail through the SDK facade, on every store: what the tenancy use cases record, who
 * may verify and read the trail, the head witness, and the burst alerts.
 */
public abstract class AuditUseCasesSuite extends UseCasesSuiteBase {
    protected static final String PASSWORD = "correct horse battery";

    protected MutableClock clock;
    protected QlevenStore store;
    protected Qleven qleven;
    protected MemoryHeadWitness witness;
    protected final List<SecurityAlert> alerts = new CopyOnWriteArrayList<>();
    private ClientInfo client;

    @BeforeEach
    void buildCore() {
        clock = new MutableClock(Instant.parse("2026-03-29T08:00:00Z"));
        client = clientAtAnAddressOfItsOwn("Mozilla/5.0 test", Optional.of("ES"));
        store = newStore();
        witness = new MemoryHeadWitness();
        qleven = core(store).clock(clock).signupsPerAddressPerHour(1000).auditHeadWitness(witness)
                .securityAlerts(alerts::add)
                .clientReadBurst(new BurstPolicy(5, Duration.ofMinutes(10)))
                .failedSignInBurst(new BurstPolicy(3, Duration.ofMinutes(10)))
                .build();
    }

    private static String email() {
        return "person-" + UUID.randomUUID() + "@example.com";
    }

    private SignUpResult signUp(String email) {
        return qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica Sol").address("Calle Mayor 1").taxId("B12345678").country("ES")
                .timeZone("Europe/Madrid").currency("EUR").fullName("Ana López").email(email).phone("+34600111222")
                .password(PASSWORD).ageConfirmed(true).client(client).build());
    }

    private SignInResult signIn(String email, Optional<TenantId> tenant) {
        return qleven.tenancy().signIn(new SignInCommand(email, PASSWORD, tenant, client));
    }

    private Principal principal(String email) {
        return qleven.tenancy().authenticate(signIn(email, Optional.empty()).token());
    }

    private UserView addUser(Principal admin, String email, String role) {
        return qleven.tenancy().addUser(admin, AddUserCommand.builder()
                .fullName("Luis Pérez").email(email).role(role).password(PASSWORD).ageConfirmed(true).build());
    }

    private List<AuditEvent> events(Optional<TenantId> chain, long after) {
        qleven.audit().seal(chain);
        List<AuditEntry> entries = chain.isPresent()
                ? store.shared().transactions().inTenant(chain.get(), () -> store.audit().auditLog().read(chain, after,
                        1000))
                : store.shared().transactions().global(() -> store.audit().auditLog().read(chain, after, 1000));
        return entries.stream().map(AuditEntry::event).toList();
    }

    private long platformSeq() {
        qleven.audit().seal(Optional.empty());
        return store.shared().transactions().global(() -> store.audit().auditLog().head(Optional.empty()))
                .map(ChainHead::seq).orElse(0L);
    }

    private static List<String> actions(List<AuditEvent> events) {
        return events.stream().map(AuditEvent::action).toList();
    }

    private ChainReport verifyAsOperator(Optional<TenantId> chain) {
        String email = email();
        qleven.tenancy().createOperator(new CreateOperator.CreateOperatorCommand(
                PersonDetails.parse("Olga Operator", email, null), PASSWORD));
        Principal operator = principal(email);
        return qleven.audit().verify(operator).stream().filter(r -> r.chain().equals(chain))
                .findFirst().orElseThrow();
    }

    @Test
    void everyReadAndChangeOfAnAccountIsRecordedInTheCentersChain() {
        String adminEmail = email();
        SignUpResult center = signUp(adminEmail);
        Optional<TenantId> chain = Optional.of(center.tenantId());
        SignInResult signedIn = signIn(adminEmail, Optional.empty());
        Principal admin = qleven.tenancy().authenticate(signedIn.token());
        qleven.tenancy().me(admin);
        UserView colleague = addUser(admin, email(), "professional");
        qleven.tenancy().listUsers(admin, PageRequest.first());
        qleven.tenancy().getUser(admin, colleague.id());
        assertThatThrownBy(() -> qleven.tenancy().getUser(admin, new UserId(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
        qleven.tenancy().signOut(admin);

        List<AuditEvent> events = events(chain, 0);
        assertThat(actions(events)).containsExactly("account.create", "session.sign_in", "account.read",
                "membership.create", "account.list", "account.read", "session.sign_out");
        assertThat(events.get(0).actor()).contains(center.userId());
        assertThat(events.get(0).subjectId()).contains(center.userId().value());
        assertThat(events.get(1).session()).contains(signedIn.sessionId().value());
        assertThat(events.get(1).subjectId()).contains(signedIn.sessionId().value());
        for (AuditEvent e : events.subList(2, events.size())) {
            assertThat(e.actor()).contains(admin.userId());
            assertThat(e.session()).contains(admin.sessionId().value());
            assertThat(e.tenant()).isEqualTo(chain);
            assertThat(e.purpose()).isNotBlank();
        }
        assertThat(events.get(2).subjectId()).contains(admin.userId().value());
        assertThat(events.get(3).subjectId()).contains(colleague.id().value());
        assertThat(events.get(4).rowCount()).isEqualTo(2);
        assertThat(events.get(4).subjectId()).isEmpty();
        assertThat(events.get(5).subjectId()).contains(colleague.id().value());
        assertThat(events).allSatisfy(e -> assertThat(e.at()).isEqualTo(clock.instant()));
    }

    /**
     * The center's chain must not tell its administrator that the person already had an account
     * elsewhere: both additions read the same there; only the platform's chain knows the difference.
     */
    @Test
    void addingAnExistingAccountReadsInTheCentersChainAsAddingANewOne() {
        String existingEmail = email();
        signUp(existingEmail);
        String adminEmail = email();
        SignUpResult center = signUp(adminEmail);
        Principal admin = principal(adminEmail);
        Optional<TenantId> chain = Optional.of(center.tenantId());
        long before = events(chain, 0).size();
        long platformBefore = platformSeq();

        UserView existing = addUser(admin, existingEmail, "receptionist");
        UserView fresh = addUser(admin, email(), "receptionist");

        List<AuditEvent> added = events(chain, before);
        assertThat(added).extracting(AuditEvent::action).containsExactly("membership.create", "membership.create");
        assertThat(added).extracting(AuditEvent::subjectId)
                .containsExactly(Optional.of(existing.id().value()), Optional.of(fresh.id().value()));
        assertThat(added.get(0).purpose()).isEqualTo(added.get(1).purpose());
        assertThat(added.get(0).rowCount()).isEqualTo(added.get(1).rowCount());

        List<AuditEvent> platform = events(Optional.empty(), platformBefore);
        assertThat(platform).filteredOn(e -> e.action().equals("account.create"))
                .extracting(AuditEvent::subjectId).containsExactly(Optional.of(fresh.id().value()));
    }

    @Test
    void operatorsAreRecordedInThePlatformsChain() {
        long before = platformSeq();
        String email = email();
        UserId id = qleven.tenancy().createOperator(new CreateOperator.CreateOperatorCommand(
                PersonDetails.parse("Olga Operator", email, null), PASSWORD));
        Principal operator = principal(email);
        qleven.tenancy().me(operator);

        List<AuditEvent> events = events(Optional.empty(), before);
        assertThat(actions(events)).containsSubsequence("account.create", "session.sign_in", "account.read");
        AuditEvent created = events.stream().filter(e -> e.action().equals("account.create")
                && e.subjectId().equals(Optional.of(id.value()))).findFirst().orElseThrow();
        assertThat(created.actor()).as("made from the command line").isEmpty();
        assertThat(events).allSatisfy(e -> assertThat(e.tenant()).isEmpty());
    }

    @Test
    void administratorsVerifyTheirCenterAndOtherRolesMayNot() {
        String adminEmail = email();
        SignUpResult center = signUp(adminEmail);
        Principal admin = principal(adminEmail);
        String receptionistEmail = email();
        addUser(admin, receptionistEmail, "receptionist");
        String professionalEmail = email();
        addUser(admin, professionalEmail, "professional");

        List<ChainReport> reports = qleven.audit().verify(admin);
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.chain()).contains(center.tenantId());
            assertThat(r.intact()).isTrue();
            assertThat(r.verified()).isEqualTo(events(Optional.of(center.tenantId()), 0).size());
        });
        assertThatThrownBy(() -> qleven.audit().verify(principal(receptionistEmail)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.audit().verify(principal(professionalEmail)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void operatorsVerifyEveryChain() {
        SignUpResult first = signUp(email());
        SignUpResult second = signUp(email());
        ChainReport platform = verifyAsOperator(Optional.empty());
        assertThat(platform.intact()).isTrue();
        assertThat(platform.verified()).isPositive();
        assertThat(verifyAsOperator(Optional.of(first.tenantId())).intact()).isTrue();
        assertThat(verifyAsOperator(Optional.of(second.tenantId())).verified()).isEqualTo(1);
    }

    @Test
    void administratorsReadTheirCentersEventsNewestFirstAPageAtATime() {
        String adminEmail = email();
        SignUpResult center = signUp(adminEmail);
        Principal admin = principal(adminEmail);
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(1));
            qleven.tenancy().me(admin);
        }
        signUp(email());
        List<AuditRecord> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            var page = qleven.audit().list(admin, new PageRequest(2, cursor));
            seen.addAll(page.items());
            cursor = page.next();
        } while (cursor.isPresent());
        assertThat(seen).extracting(AuditRecord::seq).containsExactly(Optional.of(5L), Optional.of(4L),
                Optional.of(3L), Optional.of(2L), Optional.of(1L));
        assertThat(seen).allSatisfy(e -> assertThat(e.event().tenant()).contains(center.tenantId()));
        assertThat(seen.get(0).event().action()).isEqualTo("account.read");

        assertThatThrownBy(() -> qleven.audit().list(admin, new PageRequest(2, Optional.of("bm90LWEtY3Vyc29y"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("cursor"));
        String receptionistEmail = email();
        addUser(admin, receptionistEmail, "receptionist");
        assertThatThrownBy(() -> qleven.audit().list(principal(receptionistEmail), PageRequest.first()))
                .isInstanceOf(ForbiddenException.class);
    }

    /**
     * The sealer finds the centers with events to seal in the global queue and seals each in its
     * own unit of work; events of a center wait unsealed (but listed) until it runs.
     */
    @Test
    void theSealerLinksEveryCentersAppendedEventsAndOnlyOnce() {
        SignUpResult first = signUp(email());
        SignUpResult second = signUp(email());
        for (SignUpResult center : List.of(first, second)) {
            Optional<TenantId> chain = Optional.of(center.tenantId());
            assertThat(store.shared().transactions().inTenant(center.tenantId(),
                    () -> store.audit().auditLog().readNewestFirst(chain, Long.MAX_VALUE, 10)))
                    .isNotEmpty().allSatisfy(e -> assertThat(e.sealed()).isFalse());
        }
        assertThat(qleven.audit().sealAll()).isGreaterThanOrEqualTo(2);
        assertThat(qleven.audit().sealAll()).isZero();
        for (SignUpResult center : List.of(first, second)) {
            Optional<TenantId> chain = Optional.of(center.tenantId());
            assertThat(store.shared().transactions().inTenant(center.tenantId(),
                    () -> store.audit().auditLog().readNewestFirst(chain, Long.MAX_VALUE, 10)))
                    .isNotEmpty().allSatisfy(e -> assertThat(e.sealed()).isTrue());
            assertThat(store.shared().transactions().global(() -> store.audit().auditLog().centersDue(10_000)))
                    .doesNotContain(center.tenantId());
        }
        assertThatThrownBy(() -> qleven.audit().trail().record(new AuditEvent(Optional.of(first.tenantId()),
                Optional.empty(), Optional.empty(), AuditCanonical.LOST_ACTION, "audit_event", Optional.empty(), "x", 0,
                clock.instant()))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWitnessKeepsEveryChainsHeadAndVerificationComparesAgainstIt() {
        SignUpResult center = signUp(email());
        Optional<TenantId> chain = Optional.of(center.tenantId());
        qleven.audit().sealAll();
        assertThat(qleven.audit().witness()).isPositive();
        ChainHead head = store.shared().transactions().inTenant(center.tenantId(),
                () -> store.audit().auditLog().head(chain))
                .orElseThrow();
        assertThat(witness.witnessed()).contains(head);
        assertThat(qleven.audit().verifyAll()).allSatisfy(r -> assertThat(r.intact()).as("%s", r).isTrue());
    }

    @Test
    void aBurstOfClientReadsByOneAccountRaisesOneAlertAndNormalReadingNone() {
        SignUpResult center = signUp(email());
        Optional<TenantId> chain = Optional.of(center.tenantId());
        UserId reader = new UserId(UUID.randomUUID());
        UserId colleague = new UserId(UUID.randomUUID());
        UUID regular = UUID.randomUUID();
        for (int i = 0; i < 50; i++) {
            qleven.audit().trail().record(new AuditEvent(chain, Optional.of(colleague), Optional.empty(), "client.read",
                    "client", Optional.of(regular), "front desk", 1, clock.instant()));
        }
        assertThat(alerts).as("the same client read again and again").isEmpty();
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofSeconds(5));
            qleven.audit().trail().record(new AuditEvent(chain, Optional.of(reader), Optional.empty(), "client.read",
                    "client", Optional.of(UUID.randomUUID()), "export", 1, clock.instant()));
        }
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.CLIENT_READ_BURST);
            assertThat(a.tenant()).isEqualTo(chain);
            assertThat(a.key()).isEqualTo(reader.toString());
            assertThat(a.observed()).isEqualTo(6);
        });
    }

    @Test
    void exportsOfManyClientsAreABurstOfReadsToo() {
        SignUpResult center = signUp(email());
        Optional<TenantId> chain = Optional.of(center.tenantId());
        UserId exporter = new UserId(UUID.randomUUID());
        for (int i = 0; i < 6; i++) {
            qleven.audit().trail().record(new AuditEvent(chain, Optional.of(exporter), Optional.empty(), "client.export",
                    "client", Optional.of(UUID.randomUUID()), "data_subject_rights", 1, clock.instant()));
        }
        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.CLIENT_READ_BURST);
            assertThat(a.key()).isEqualTo(exporter.toString());
        });
    }

    @Test
    void aListOrSearchCountsEachOfItsRows() {
        SignUpResult center = signUp(email());
        Optional<TenantId> chain = Optional.of(center.tenantId());
        UserId reader = new UserId(UUID.randomUUID());
        qleven.audit().trail().record(new AuditEvent(chain, Optional.of(reader), Optional.empty(), "client.list",
                "client", Optional.empty(), "front desk", 4, clock.instant()));
        assertThat(alerts).isEmpty();
        qleven.audit().trail().record(new AuditEvent(chain, Optional.of(reader), Optional.empty(), "client.search",
                "client", Optional.empty(), "front desk", 100_000, clock.instant()));
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a.kind()).isEqualTo(AlertKind.CLIENT_READ_BURST));
        qleven.audit().trail().record(new AuditEvent(chain, Optional.of(reader), Optional.empty(), "account.list",
                "account", Optional.empty(), "member list", 100, clock.instant()));
        assertThat(alerts).as("only client reads count").hasSize(1);
    }

    @Test
    void aBurstOfFailedSignInsRaisesOneAlertPerAccountAndAddress() {
        String email = email();
        signUp(email);
        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> qleven.tenancy().signIn(new SignInCommand(email, "wrong password!!", Optional.empty(),
                    client))).isInstanceOf(UnauthenticatedException.class);
        }
        assertThat(alerts).extracting(SecurityAlert::kind).containsOnly(AlertKind.FAILED_SIGN_IN_BURST);
        assertThat(alerts).extracting(SecurityAlert::scope).containsExactlyInAnyOrder("account_email", "address");
        assertThat(alerts).allSatisfy(a -> {
            assertThat(a.observed()).isEqualTo(4);
            assertThat(a.key()).matches("[0-9a-f]{12}").doesNotContain(email);
        });
        alerts.clear();
        assertThat(signIn(email, Optional.empty()).token()).isNotBlank();
        assertThat(alerts).isEmpty();
    }
}

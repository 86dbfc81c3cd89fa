package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.privacy.CenterNotification;
import com.qleven.domain.privacy.Incident;
import com.qleven.domain.privacy.IncidentCategory;
import com.qleven.domain.privacy.IncidentId;
import com.qleven.domain.privacy.Subprocessor;
import com.qleven.domain.privacy.SubprocessorId;
import com.qleven.ports.privacy.in.ManageSubprocessors;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.PersonDetails;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.privacy.in.IncidentView;
import com.qleven.ports.privacy.in.ReportIncidentCommand;
import com.qleven.ports.privacy.out.StoredIncident;
import com.qleven.ports.privacy.out.StoredNotification;
import com.qleven.ports.tenancy.in.AddUserCommand;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.CreateOperator;
import com.qleven.ports.tenancy.in.SignInCommand;
import com.qleven.ports.tenancy.in.SignUp.SignUpResult;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import com.qleven.ports.testing.RecordingMailer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The incident register (policy P16) and the sub-processor register through the SDK facade, against every store, with a clock the
 * tests move: the 72-hour deadline, the notices to the affected centers only, and who may do what.
 */
public abstract class IncidentUseCasesSuite extends UseCasesSuiteBase {
    private static final String PASSWORD = "correct horse battery";
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

    private MutableClock clock;
    private QlevenStore store;
    private Qleven qleven;
    private RecordingMailer mailer;
    private final ClientInfo client = new ClientInfo("10.9.8.7", "Mozilla/5.0 incidents", Optional.of("ES"));

    @BeforeEach
    void buildCore() {
        clock = new MutableClock(NOW);
        store = newStore();
        mailer = new RecordingMailer();
        qleven = core(store).clock(clock).signupsPerAddressPerHour(1000).mailer(mailer).build();
    }

    private static String email() {
        return "person-" + UUID.randomUUID() + "@example.com";
    }

    private record Center(TenantId tenant, Principal admin, String adminEmail) {
    }

    private Center center() {
        String email = email();
        SignUpResult result = qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica Sol").address("Calle Mayor 1").taxId("B12345678").country("ES")
                .timeZone("Europe/Madrid").currency("EUR").fullName("Ana López").email(email).phone("+34600111222")
                .password(PASSWORD).ageConfirmed(true).client(client).build());
        return new Center(result.tenantId(), signIn(email), email);
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

    private static ReportIncidentCommand command(Instant detectedAt, TenantId... centers) {
        return new ReportIncidentCommand(detectedAt, "An unencrypted backup was readable for two hours",
                List.of(centers), Set.of(IncidentCategory.CONTACT, IncidentCategory.IDENTITY));
    }

    @Test
    void the_deadline_is_exactly_72_hours_after_detection_and_shows_overdue_once_it_passes() {
        Center a = center();
        Principal operator = operator();
        Instant detected = NOW.minus(Duration.ofHours(30));

        IncidentView reported = qleven.privacy().reportIncident(operator, command(detected, a.tenant()));

        assertThat(reported.authorityDeadline()).isEqualTo(Instant.parse("2026-11-04T04:00:00Z"));
        assertThat(reported.status()).isEqualTo(Incident.DeadlineStatus.OPEN);
        clock.set(detected.plus(Duration.ofHours(72)));
        assertThat(qleven.privacy().listIncidents(a.admin(), PageRequest.first()).items())
                .singleElement().extracting(IncidentView::status).isEqualTo(Incident.DeadlineStatus.OPEN);
        clock.advance(Duration.ofSeconds(1));
        assertThat(qleven.privacy().listIncidents(a.admin(), PageRequest.first()).items())
                .singleElement().satisfies(i -> {
                    assertThat(i.status()).isEqualTo(Incident.DeadlineStatus.OVERDUE);
                    assertThat(i.authorityDeadline()).isEqualTo(detected.plus(Duration.ofHours(72)));
                });
    }

    @Test
    void each_affected_center_is_notified_at_once_in_the_platform_and_by_mail_to_its_administrators() {
        Center a = center();
        Center b = center();
        Center untouched = center();
        Principal operator = operator();
        Principal professional = qleven.tenancy().authenticate(qleven.tenancy().signIn(new SignInCommand(
                addProfessional(a), PASSWORD, Optional.empty(), client)).token());

        IncidentView reported = qleven.privacy().reportIncident(operator,
                command(NOW.minus(Duration.ofHours(2)), a.tenant(), b.tenant()));
        qleven.platform().dispatchMail(50);

        assertThat(reported.centers()).extracting(IncidentView.AffectedCenter::tenantId)
                .containsExactly(a.tenant(), b.tenant());
        assertThat(reported.centers()).allSatisfy(c -> assertThat(c.notifiedAt()).contains(NOW));
        for (Center center : List.of(a, b)) {
            assertThat(mailer.to(center.adminEmail())).singleElement().satisfies(m -> {
                assertThat(m.text()).contains("2026-11-05T08:00:00Z", "identity, contact",
                        "An unencrypted backup was readable");
            });
        }
        assertThat(mailer.to(untouched.adminEmail())).isEmpty();
        List<CenterNotification> seen = qleven.privacy().notifications(professional, PageRequest.first()).items();
        assertThat(seen).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("incident");
            assertThat(n.subjectId()).isEqualTo(reported.id().value());
            assertThat(n.text()).contains("2026-11-05T08:00:00Z", "identity, contact");
        });
        assertThat(qleven.privacy().notifications(untouched.admin(), PageRequest.first()).items()).isEmpty();
        assertThat(qleven.privacy().listIncidents(untouched.admin(), PageRequest.first()).items()).isEmpty();
    }

    private String addProfessional(Center center) {
        String email = email();
        qleven.tenancy().addUser(center.admin(), AddUserCommand.builder()
                .fullName("Eva").email(email).role("professional").password(PASSWORD).ageConfirmed(true).build());
        return email;
    }

    @Test
    void an_operator_sees_every_affected_center_and_a_center_only_itself() {
        Center a = center();
        Center b = center();
        Principal operator = operator();
        IncidentView reported = qleven.privacy().reportIncident(operator, command(NOW, a.tenant(), b.tenant()));

        IncidentView asOperator = qleven.privacy().listIncidents(operator, PageRequest.first()).items().stream()
                .filter(i -> i.id().equals(reported.id())).findFirst().orElseThrow();
        IncidentView asCenter = qleven.privacy().listIncidents(b.admin(), PageRequest.first()).items().get(0);

        assertThat(asOperator.centers()).extracting(IncidentView.AffectedCenter::tenantId)
                .containsExactly(a.tenant(), b.tenant());
        assertThat(asOperator.centers()).allSatisfy(c -> assertThat(c.notifiedAt()).contains(NOW));
        assertThat(asCenter.centers()).extracting(IncidentView.AffectedCenter::tenantId).containsExactly(b.tenant());
        assertThat(asCenter.id()).isEqualTo(reported.id());
        // A center's page reads its notices in one query (issue 8): each incident still carries its own.
        IncidentView second = qleven.privacy().reportIncident(operator, command(NOW, b.tenant()));
        assertThat(qleven.privacy().listIncidents(b.admin(), PageRequest.first()).items())
                .extracting(IncidentView::id).containsExactlyInAnyOrder(reported.id(), second.id());
        assertThat(qleven.privacy().listIncidents(b.admin(), PageRequest.first()).items()).allSatisfy(i ->
                assertThat(i.centers()).singleElement().satisfies(c -> assertThat(c.notifiedAt()).contains(NOW)));
        assertThat(qleven.privacy().listIncidents(a.admin(), PageRequest.first()).items())
                .extracting(IncidentView::id).containsExactly(reported.id());
        List<AuditEvent> platform = store.shared().transactions().global(() -> store.audit().auditLog()
                .readNewestFirst(Optional.empty(), Long.MAX_VALUE, 200)).stream().map(com.qleven.domain.audit.AuditRecord::event).toList();
        assertThat(platform).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("incident.report");
            assertThat(e.subjectId()).contains(reported.id().value());
            assertThat(e.actor()).contains(operator.userId());
            assertThat(e.rowCount()).isEqualTo(2);
        });
    }

    @Test
    void one_incident_answers_as_none_to_a_center_it_did_not_affect() {
        Center a = center();
        Center b = center();
        Principal operator = operator();
        IncidentView reported = qleven.privacy().reportIncident(operator, command(NOW, a.tenant()));

        assertThat(qleven.privacy().getIncident(a.admin(), reported.id()).centers())
                .extracting(IncidentView.AffectedCenter::tenantId).containsExactly(a.tenant());
        assertThat(qleven.privacy().getIncident(operator, reported.id()).description())
                .isEqualTo(reported.description());
        assertThatThrownBy(() -> qleven.privacy().getIncident(b.admin(), reported.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qleven.privacy().getIncident(a.admin(), new IncidentId(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
    }

    private static boolean holds(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1)
                .contains(new String(needle.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }

    @Test
    void the_description_and_each_notice_are_stored_sealed_and_open_only_in_their_own_place() {
        Center a = center();
        Center b = center();
        Principal operator = operator();
        IncidentView reported = qleven.privacy().reportIncident(operator, new ReportIncidentCommand(NOW,
                "The file of Teodora Villalobos was readable", List.of(a.tenant(), b.tenant()),
                Set.of(IncidentCategory.HEALTH)));

        StoredIncident stored = store.shared().transactions().global(() -> store.privacy().incidents()
                .byId(reported.id()))
                .orElseThrow();
        assertThat(holds(stored.description(), "Teodora Villalobos")).isFalse();
        List<StoredNotification> ofA = store.shared().transactions().inTenant(a.tenant(),
                () -> store.privacy().centerNotifications().list(a.tenant(), PageRequest.first()).items());
        assertThat(ofA).singleElement().satisfies(n -> {
            assertThat(holds(n.text(), "Teodora Villalobos")).isFalse();
            assertThat(holds(n.title(), "incident")).isFalse();
        });
        // Opened through the use cases, both read as written.
        assertThat(qleven.privacy().getIncident(operator, reported.id()).description())
                .isEqualTo("The file of Teodora Villalobos was readable");
        assertThat(qleven.privacy().notifications(a.admin(), PageRequest.first()).items()).singleElement()
                .satisfies(n -> assertThat(n.text()).contains("Teodora Villalobos"));

        // A's sealed notice copied into B's rows does not open there: the text is bound to its center.
        StoredNotification copied = ofA.get(0);
        store.shared().transactions().inTenant(b.tenant(),
                () -> store.privacy().centerNotifications().add(new StoredNotification(
                b.tenant(), copied.id(), copied.kind(), copied.subjectId(), copied.title(), copied.text(),
                copied.createdAt().plusSeconds(1))));
        assertThatThrownBy(() -> qleven.privacy().notifications(b.admin(), PageRequest.first()))
                .isInstanceOf(RuntimeException.class).isNotInstanceOf(ForbiddenException.class);
        // An incident's sealed description copied to another incident's row does not open there either.
        IncidentId otherId = qleven.privacy().reportIncident(operator, command(NOW, a.tenant())).id();
        StoredIncident other = store.shared().transactions().global(() -> store.privacy().incidents().byId(otherId))
                .orElseThrow();
        store.shared().transactions().global(() -> store.privacy().incidents()
                .add(new StoredIncident(new IncidentId(UUID.randomUUID()),
                other.detectedAt(), other.description(), other.categories(), other.centers(), other.reportedBy(),
                other.reportedAt())));
        assertThatThrownBy(() -> qleven.privacy().listIncidents(operator, PageRequest.first()))
                .isInstanceOf(RuntimeException.class).isNotInstanceOf(ForbiddenException.class);
    }

    @Test
    void a_caller_who_is_no_operator_is_refused_before_the_command_is_looked_at() {
        Center a = center();
        Principal operator = operator();

        // Before the fix a missing command was a ValidationException, even for a center's caller.
        assertThatThrownBy(() -> qleven.privacy().reportIncident(a.admin(), null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.privacy().addSubprocessor(a.admin(),
                null)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.privacy().updateSubprocessor(a.admin(), null, null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.privacy().listIncidents(signIn(addProfessional(a)), null))
                .isInstanceOf(ForbiddenException.class);
        // Control: an operator's missing command is still a ValidationException naming it.
        assertThatThrownBy(() -> qleven.privacy().reportIncident(operator, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("command");
        assertThatThrownBy(() -> qleven.privacy().addSubprocessor(operator, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("fields");
        assertThatThrownBy(() -> qleven.privacy().updateSubprocessor(operator, null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("id");
    }

    @Test
    void only_operators_report_and_only_administrators_of_a_center_read_its_register() {
        Center a = center();
        Principal professional = signIn(addProfessional(a));

        assertThatThrownBy(() -> qleven.privacy().reportIncident(a.admin(), command(NOW, a.tenant())))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.privacy().listIncidents(professional, PageRequest.first()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.privacy().notifications(operator(), PageRequest.first()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(qleven.privacy().notifications(a.admin(), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void operators_edit_the_sub_processor_register_and_every_signed_in_person_reads_it() {
        Center a = center();
        Principal operator = operator();

        Subprocessor added = qleven.privacy().addSubprocessor(operator, new ManageSubprocessors.SubprocessorFields(
                "Brevo", "Transactional email", "European Union", "Processed in the European Union"));
        clock.advance(Duration.ofMinutes(1));
        Subprocessor moved = qleven.privacy().updateSubprocessor(operator, added.id(), new ManageSubprocessors
                .SubprocessorChange(Optional.empty(), Optional.empty(), Optional.of("United States"),
                Optional.of("Standard Contractual Clauses")));

        assertThat(moved.name()).isEqualTo("Brevo");
        assertThat(moved.region()).isEqualTo("United States");
        assertThat(moved.updatedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
        assertThat(qleven.privacy().subprocessors(a.admin())).contains(moved)
                .extracting(Subprocessor::name).contains("Meta Platforms, Inc.", "Vercel Inc.", "Supabase Inc.");
        assertThatThrownBy(() -> qleven.privacy().addSubprocessor(a.admin(), new ManageSubprocessors.SubprocessorFields(
                "X", "Y", "Z", "W"))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.privacy().updateSubprocessor(operator, new SubprocessorId(UUID.randomUUID()),
                new ManageSubprocessors.SubprocessorChange(Optional.of("X"), null, null, null)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qleven.privacy().updateSubprocessor(operator, added.id(),
                new ManageSubprocessors.SubprocessorChange(Optional.of(" "), null, null, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("name");
        assertThat(qleven.privacy().subprocessors(operator)).contains(moved);
    }

    @Test
    void a_future_detection_or_an_unknown_center_is_refused_and_nothing_is_written_or_sent() {
        Center a = center();
        Principal operator = operator();
        TenantId unknown = new TenantId(UUID.randomUUID());

        assertThatThrownBy(() -> qleven.privacy().reportIncident(operator, command(NOW.plusSeconds(1), a.tenant())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("detectedAt");
        assertThatThrownBy(() -> qleven.privacy().reportIncident(operator, command(NOW, a.tenant(), unknown)))
                .isInstanceOf(UnprocessableException.class).hasMessageContaining(unknown.toString())
                .extracting(e -> ((UnprocessableException) e).field()).isEqualTo("tenantIds");
        qleven.platform().dispatchMail(50);

        assertThat(qleven.privacy().listIncidents(a.admin(), PageRequest.first()).items()).isEmpty();
        assertThat(qleven.privacy().notifications(a.admin(), PageRequest.first()).items()).isEmpty();
        assertThat(mailer.to(a.adminEmail())).isEmpty();
    }

    @Test
    void a_report_as_typed_is_read_by_the_command_as_the_api_reads_it() {
        Center a = center();
        Principal operator = operator();

        IncidentView reported = qleven.privacy().reportIncident(operator, ReportIncidentCommand.parse(
                "2026-11-02T09:00:00+01:00", "A laptop was stolen", List.of(a.tenant().toString()),
                List.of("contact", "health")));

        assertThat(reported.detectedAt()).isEqualTo(Instant.parse("2026-11-02T08:00:00Z"));
        assertThat(reported.categories()).containsExactlyInAnyOrder(IncidentCategory.CONTACT, IncidentCategory.HEALTH);
        assertThat(reported.centers()).extracting(c -> c.tenantId()).containsExactly(a.tenant());
        assertThatThrownBy(() -> ReportIncidentCommand.parse("2026-11-02T09:00:00", "Leak",
                List.of(a.tenant().toString(), "not-a-center"), List.of("contact", "gossip")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::message).containsExactly(
                                tuple("detectedAt", "must be an RFC 3339 instant with an offset"),
                                tuple("tenantIds", "must be center ids"),
                                tuple("categories", "must be one of identity, contact, health, messages, billing,"
                                        + " credentials, usage")));
        assertThatThrownBy(() -> ReportIncidentCommand.parse(null, null, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field)
                        .containsExactly("detectedAt", "description", "tenantIds", "categories"));
        assertThatThrownBy(() -> ReportIncidentCommand.parse(NOW.toString(), "Leak", java.util.Arrays.asList(
                (String) null), List.of("contact")))
                .isInstanceOf(ValidationException.class).hasMessage("tenantIds: must be center ids");
    }

    @Test
    void a_sub_processor_entry_names_every_missing_member_and_a_patch_every_bad_one() {
        Principal operator = operator();

        assertThatThrownBy(() -> new ManageSubprocessors.SubprocessorFields(null, "Email", null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::message).containsExactly(
                                tuple("name", "is required"), tuple("region", "is required"),
                                tuple("transferSafeguard", "is required")));
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("name", null);
        bad.put("region", 42);
        bad.put("country", "ES");
        assertThatThrownBy(() -> ManageSubprocessors.SubprocessorChange.mergePatch(bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::message).containsExactly(
                                tuple("name", "must be a string"), tuple("region", "must be a string"),
                                tuple("country", "is not a member of a sub-processor")));

        Subprocessor added = qleven.privacy().addSubprocessor(operator, new ManageSubprocessors.SubprocessorFields(
                "Brevo", "Transactional email", "European Union", "Processed in the European Union"));
        Subprocessor moved = qleven.privacy().updateSubprocessor(operator, added.id(),
                ManageSubprocessors.SubprocessorChange.mergePatch(Map.of("region", "United States")));
        assertThat(moved.region()).isEqualTo("United States");
        assertThat(moved.name()).isEqualTo("Brevo");
        assertThat(qleven.privacy().updateSubprocessor(operator, added.id(),
                ManageSubprocessors.SubprocessorChange.mergePatch(Map.of()))).usingRecursiveComparison()
                .ignoringFields("updatedAt").isEqualTo(moved);
    }
}

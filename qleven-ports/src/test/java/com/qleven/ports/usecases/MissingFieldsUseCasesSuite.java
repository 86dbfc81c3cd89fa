package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentChannel;
import com.qleven.domain.consent.ConsentDecision;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.privacy.IncidentCategory;
import com.qleven.domain.privacy.IncidentId;
import com.qleven.domain.privacy.PrivacyRequestId;
import com.qleven.domain.privacy.PrivacyRequestType;
import com.qleven.domain.privacy.SubprocessorId;
import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.InvitationId;
import com.qleven.domain.tenancy.PersonDetails;
import com.qleven.domain.tenancy.Principal;
import com.qleven.domain.tenancy.Role;
import com.qleven.domain.tenancy.SessionId;
import com.qleven.ports.clients.in.ClientSearch;
import com.qleven.ports.clients.in.ClientView;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.clients.in.UpdateClientCommand;
import com.qleven.ports.consent.in.ChannelConsent;
import com.qleven.ports.consent.in.ManageConsentPurposes.AddPurposeCommand;
import com.qleven.ports.consent.in.RecordConsentCommand;
import com.qleven.ports.privacy.in.CreatePrivacyRequestCommand;
import com.qleven.ports.privacy.in.ManageSubprocessors.SubprocessorChange;
import com.qleven.ports.privacy.in.ManageSubprocessors.SubprocessorFields;
import com.qleven.ports.privacy.in.PublishPolicyVersion.PublishPolicyCommand;
import com.qleven.ports.privacy.in.ReportIncidentCommand;
import com.qleven.ports.tenancy.in.AcceptInvitationCommand;
import com.qleven.ports.tenancy.in.AddUserCommand;
import com.qleven.ports.tenancy.in.ChangePassword.ChangePasswordCommand;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.CreateOperator.CreateOperatorCommand;
import com.qleven.ports.tenancy.in.InviteUserCommand;
import com.qleven.ports.tenancy.in.RequestPasswordReset.RequestPasswordResetCommand;
import com.qleven.ports.tenancy.in.ResetPassword.ResetPasswordCommand;
import com.qleven.ports.tenancy.in.SignInCommand;
import com.qleven.ports.tenancy.in.SignUp.SignUpResult;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.tenancy.in.UpdateUserCommand;
import com.qleven.ports.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every use case, called by an embedder with each member it needs missing (a command member, a
 * command, an id argument), answers a {@link ValidationException} naming that member, never a
 * {@code NullPointerException} from deep in a service. The calls are made as the SDK makes them,
 * with a principal allowed to do the work, so the refusal is the missing member's and not a
 * permission's. Before these checks, 82 of the 106 calls failed (most with a NullPointerException).
 */
public abstract class MissingFieldsUseCasesSuite extends UseCasesSuiteBase {
    private static final String PASSWORD = "correct horse battery";
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private final ClientInfo info = new ClientInfo("10.1.2.3", "Mozilla/5.0 fields", Optional.of("ES"));

    private Qleven qleven;
    private Principal admin;
    private Principal operator;
    private ClientId client;
    private PrivacyRequestId request;

    @BeforeEach
    void buildCore() {
        QlevenStore store = newStore();
        qleven = core(store).clock(new MutableClock(NOW)).signupsPerAddressPerHour(1000).build();
        String email = "admin-" + UUID.randomUUID() + "@example.com";
        SignUpResult result = qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica Campos").address("Calle Mayor 1").taxId("B12345678").country("ES")
                .timeZone("Europe/Madrid").currency("EUR").fullName("Ana López").email(email).phone("+34600111222")
                .password(PASSWORD).ageConfirmed(true).client(info).build());
        admin = signIn(email);
        String operatorEmail = "operator-" + UUID.randomUUID() + "@example.com";
        qleven.tenancy().createOperator(new CreateOperatorCommand(
                PersonDetails.parse("Olga Operator", operatorEmail, null), PASSWORD));
        operator = signIn(operatorEmail);
        ClientView created = qleven.clients().create(admin,
                CreateClientCommand.builder().fullName("Lucía Fernández").phone("+34600111333").build());
        client = created.id();
        request = qleven.privacy().createRequest(admin,
                CreatePrivacyRequestCommand.parse(client.toString(), "access", null)).id();
        assertThat(result.tenantId()).isNotNull();
    }

    private Principal signIn(String email) {
        return qleven.tenancy().authenticate(qleven.tenancy().signIn(new SignInCommand(email, PASSWORD,
                Optional.empty(), info)).token());
    }

    /** A call that leaves one member out, and the member it must name. */
    private record Missing(String call, String field, Runnable run) {
    }

    private static Missing missing(String call, String field, Runnable run) {
        return new Missing(call, field, run);
    }

    private List<Missing> calls() {
        TenantId tenant = admin.tenantId().orElseThrow();
        Instant at = NOW.minusSeconds(60);
        PersonDetails person = PersonDetails.parse("Pedro Ruiz", "pedro-" + UUID.randomUUID() + "@example.com", null);
        return List.of(
                // Tenancy
                missing("signUp", "command", () -> qleven.tenancy().signUp(null)),
                missing("SignUpCommand", "center", () -> new SignUpCommand(null, person, PASSWORD, true, info)),
                missing("SignUpCommand", "admin", () -> new SignUpCommand(
                        SignUpCommand.builder()
                                .centerName("C").address("A").taxId("B12345678").country("ES")
                                .timeZone("Europe/Madrid").currency("EUR").fullName("Ana").email("a@b.co")
                                .password(PASSWORD).ageConfirmed(true).client(info).build().center(),
                        null, PASSWORD, true, info)),
                missing("SignUpCommand.builder", "center.name", () -> SignUpCommand.builder()
                        .address("Calle").taxId("B12345678").country("ES").timeZone("Europe/Madrid").currency("EUR")
                        .fullName("Ana").email("a@b.co").password(PASSWORD).ageConfirmed(true).client(info).build()),
                missing("SignUpCommand.builder", "admin.ageConfirmed", () -> SignUpCommand.builder()
                        .centerName("C").address("Calle").taxId("B12345678").country("ES").timeZone("Europe/Madrid")
                        .currency("EUR").fullName("Ana").email("a@b.co").password(PASSWORD).client(info).build()),
                missing("SignUpCommand.builder", "client", () -> SignUpCommand.builder()
                        .centerName("C").address("Calle").taxId("B12345678").country("ES").timeZone("Europe/Madrid")
                        .currency("EUR").fullName("Ana").email("a@b.co").password(PASSWORD).ageConfirmed(true)
                        .build()),
                missing("signIn", "command", () -> qleven.tenancy().signIn(null)),
                missing("SignInCommand", "email", () -> new SignInCommand(null, PASSWORD, Optional.empty(), info)),
                missing("SignInCommand", "password", () -> new SignInCommand("a@b.co", null, Optional.empty(), info)),
                missing("SignInCommand", "client", () -> new SignInCommand("a@b.co", PASSWORD, Optional.empty(), null)),
                missing("SignInCommand.parse", "email", () -> SignInCommand.parse(null, PASSWORD, null, info)),
                missing("addUser", "command", () -> qleven.tenancy().addUser(admin, null)),
                missing("AddUserCommand", "person", () -> new AddUserCommand(null, Role.PROFESSIONAL, PASSWORD, true)),
                missing("AddUserCommand", "role", () -> new AddUserCommand(person, null, PASSWORD, true)),
                missing("AddUserCommand", "password", () -> new AddUserCommand(person, Role.PROFESSIONAL, null, true)),
                missing("AddUserCommand.builder", "role", () -> AddUserCommand.builder()
                        .fullName("Pedro").email("p@example.com").password(PASSWORD).ageConfirmed(true).build()),
                missing("getUser", "user", () -> qleven.tenancy().getUser(admin, null)),
                missing("updateUser", "user", () -> qleven.tenancy().updateUser(admin, null,
                        new UpdateUserCommand(Optional.empty(), Optional.of(true)))),
                missing("updateUser", "command", () -> qleven.tenancy().updateUser(admin, admin.userId(), null)),
                missing("UpdateUserCommand", "role", () -> new UpdateUserCommand(null, Optional.empty())),
                missing("UpdateUserCommand", "active", () -> new UpdateUserCommand(Optional.empty(), null)),
                missing("UpdateUserCommand.mergePatch", "mergePatch", () -> UpdateUserCommand.mergePatch(null)),
                missing("listUsers", "request", () -> qleven.tenancy().listUsers(admin, null)),
                missing("inviteUser", "command", () -> qleven.tenancy().invite(admin, null)),
                missing("InviteUserCommand", "email", () -> new InviteUserCommand(null, Role.RECEPTIONIST)),
                missing("InviteUserCommand", "role", () -> new InviteUserCommand(
                        new EmailAddress("x@example.com"), null)),
                missing("InviteUserCommand.parse", "email", () -> InviteUserCommand.parse(null, "receptionist")),
                missing("listInvitations", "request", () -> qleven.tenancy().pendingInvitations(admin, null)),
                missing("getInvitation", "id", () -> qleven.tenancy().getInvitation(admin, (InvitationId) null)),
                missing("acceptInvitation", "command", () -> qleven.tenancy().acceptInvitation(null)),
                missing("AcceptInvitationCommand", "token", () -> new AcceptInvitationCommand(null, "Ana",
                        Optional.empty(), PASSWORD, true, info)),
                missing("AcceptInvitationCommand", "fullName", () -> new AcceptInvitationCommand("qi_x", null,
                        Optional.empty(), PASSWORD, true, info)),
                missing("AcceptInvitationCommand", "client", () -> new AcceptInvitationCommand("qi_x", "Ana",
                        Optional.empty(), PASSWORD, true, null)),
                missing("AcceptInvitationCommand.builder", "token", () -> AcceptInvitationCommand.builder()
                        .fullName("Ana").password(PASSWORD).ageConfirmed(true).client(info).build()),
                missing("AcceptInvitationCommand.builder", "client", () -> AcceptInvitationCommand.builder()
                        .token("qi_x").fullName("Ana").password(PASSWORD).ageConfirmed(true).build()),
                missing("requestPasswordReset", "command", () -> qleven.tenancy().requestPasswordReset(null)),
                missing("RequestPasswordResetCommand", "email", () -> new RequestPasswordResetCommand(null, info)),
                missing("RequestPasswordResetCommand.parse", "email", () -> RequestPasswordResetCommand.parse(null,
                        info)),
                missing("RequestPasswordResetCommand", "client", () -> new RequestPasswordResetCommand(
                        new EmailAddress("x@example.com"), null)),
                missing("resetPassword", "command", () -> qleven.tenancy().resetPassword(null)),
                missing("ResetPasswordCommand", "token", () -> new ResetPasswordCommand(null, PASSWORD)),
                missing("ResetPasswordCommand", "password", () -> new ResetPasswordCommand("qr_x", null)),
                missing("changePassword", "command", () -> qleven.tenancy().changePassword(admin, null)),
                missing("ChangePasswordCommand", "currentPassword", () -> new ChangePasswordCommand(null, PASSWORD)),
                missing("ChangePasswordCommand", "newPassword", () -> new ChangePasswordCommand(PASSWORD, null)),
                missing("listSessions", "request", () -> qleven.tenancy().listSessions(admin, null)),
                missing("getSession", "session", () -> qleven.tenancy().getSession(admin, (SessionId) null)),
                missing("revokeSession", "session", () -> qleven.tenancy().revokeSession(admin, null)),
                missing("createOperator", "command", () -> qleven.tenancy().createOperator(null)),
                missing("CreateOperatorCommand", "person", () -> new CreateOperatorCommand(null, PASSWORD)),
                // Clients
                missing("createClient", "command", () -> qleven.clients().create(admin, null)),
                missing("CreateClientCommand", "fullName", () -> qleven.clients().create(admin,
                        CreateClientCommand.builder().phone("+34600111444").build())),
                missing("getClient", "id", () -> qleven.clients().get(admin, null)),
                missing("updateClient", "command", () -> qleven.clients().update(admin, null)),
                missing("UpdateClientCommand", "id", () -> new UpdateClientCommand(null, Map.of(), Optional.empty())),
                missing("UpdateClientCommand", "mergePatch", () -> new UpdateClientCommand(client, null,
                        Optional.empty())),
                missing("UpdateClientCommand", "expectedVersion", () -> new UpdateClientCommand(client, Map.of(),
                        null)),
                missing("UpdateClientCommand.parse", "mergePatch", () -> UpdateClientCommand.parse(client, null,
                        Optional.empty())),
                missing("listClients", "request", () -> qleven.clients().list(admin, null)),
                missing("searchClients", "search", () -> qleven.clients().search(admin, null,
                        PageRequest.first())),
                missing("searchClients", "request", () -> qleven.clients().search(admin,
                        new ClientSearch.ByName("Lucía"), null)),
                missing("ClientSearch.ByName", "typed", () -> new ClientSearch.ByName(null)),
                missing("ClientSearch.ByPhone", "typed", () -> new ClientSearch.ByPhone(null)),
                missing("ClientSearch.ByEmail", "email", () -> new ClientSearch.ByEmail(null)),
                // Consent
                missing("recordConsent", "client", () -> qleven.consent().record(admin, null,
                        RecordConsentCommand.builder()
                                .purpose("marketing").decision("grant").channel("paper").textVersion("v1")
                                .text("I agree.").build())),
                missing("recordConsent", "command", () -> qleven.consent().record(admin, client, null)),
                missing("RecordConsentCommand", "purpose", () -> qleven.consent().record(admin, client,
                        RecordConsentCommand.builder()
                                .decision("grant").channel("paper").textVersion("v1").text("I agree.").build())),
                missing("RecordConsentCommand", "decision", () -> qleven.consent().record(admin, client,
                        RecordConsentCommand.builder()
                                .purpose("marketing").channel("paper").textVersion("v1").text("I agree.").build())),
                missing("RecordConsentCommand", "channel", () -> qleven.consent().record(admin, client,
                        RecordConsentCommand.builder()
                                .purpose("marketing").decision("grant").textVersion("v1").text("I agree.").build())),
                missing("RecordConsentCommand", "textVersion", () -> qleven.consent().record(admin, client,
                        RecordConsentCommand.builder()
                                .purpose("marketing").decision("grant").channel("paper").text("I agree.").build())),
                missing("RecordConsentCommand", "text", () -> qleven.consent().record(admin, client,
                        RecordConsentCommand.builder()
                                .purpose("marketing").decision("grant").channel("paper").textVersion("v1").build())),
                missing("getConsents", "client", () -> qleven.consent().get(admin, null)),
                missing("consentCheck", "client", () -> qleven.consent().allows(tenant, null,
                        ConsentPurpose.MARKETING, NOW)),
                missing("consentCheck", "at", () -> qleven.consent().allows(tenant, client,
                        ConsentPurpose.MARKETING, null)),
                missing("recordConsentFromChannel", "consent", () -> qleven.consent().recordFromChannel(null)),
                missing("ChannelConsent", "client", () -> new ChannelConsent(tenant, null, ConsentPurpose.MARKETING,
                        ConsentDecision.WITHDRAWN, ConsentChannel.values()[0], "v1", "STOP", Optional.empty())),
                missing("ChannelConsent", "text", () -> new ChannelConsent(tenant, client, ConsentPurpose.MARKETING,
                        ConsentDecision.WITHDRAWN, ConsentChannel.values()[0], "v1", null, Optional.empty())),
                missing("ChannelConsent.builder", "client", () -> ChannelConsent.builder().tenant(tenant)
                        .purpose(ConsentPurpose.MARKETING).decision(ConsentDecision.WITHDRAWN)
                        .channel(ConsentChannel.WHATSAPP_REPLY).textVersion("v1").text("STOP").build()),
                missing("ChannelConsent.builder", "textVersion", () -> ChannelConsent.builder().tenant(tenant)
                        .client(client).purpose(ConsentPurpose.MARKETING).decision(ConsentDecision.WITHDRAWN)
                        .channel(ConsentChannel.WHATSAPP_REPLY).text("STOP").build()),
                missing("addConsentPurpose", "command", () -> qleven.consent().addPurpose(admin, null)),
                missing("AddPurposeCommand", "code", () -> qleven.consent().addPurpose(admin,
                        new AddPurposeCommand(null, "Newsletter", false))),
                missing("AddPurposeCommand", "marketing", () -> qleven.consent().addPurpose(admin,
                        new AddPurposeCommand("newsletter", "Newsletter", null))),
                // Data-subject rights
                missing("createPrivacyRequest", "command", () -> qleven.privacy().createRequest(admin, null)),
                missing("CreatePrivacyRequestCommand", "clientId", () -> new CreatePrivacyRequestCommand(null,
                        PrivacyRequestType.ACCESS, Optional.empty())),
                missing("CreatePrivacyRequestCommand", "type", () -> new CreatePrivacyRequestCommand(client, null,
                        Optional.empty())),
                missing("CreatePrivacyRequestCommand", "note", () -> new CreatePrivacyRequestCommand(client,
                        PrivacyRequestType.ACCESS, null)),
                missing("CreatePrivacyRequestCommand.parse", "clientId", () -> CreatePrivacyRequestCommand.parse(null,
                        "access", null)),
                missing("getPrivacyRequest", "id", () -> qleven.privacy().getRequest(admin, null)),
                missing("listPrivacyRequests", "status", () -> qleven.privacy().listRequests(admin, null,
                        PageRequest.first())),
                missing("completePrivacyRequest", "id", () -> qleven.privacy().completeRequest(admin, null,
                        "Done.")),
                missing("completePrivacyRequest", "outcome", () -> qleven.privacy().completeRequest(admin,
                        request, null)),
                missing("extendPrivacyRequest", "id", () -> qleven.privacy().extendRequest(admin, null, 1,
                        "Busy.")),
                missing("extendPrivacyRequest", "months", () -> qleven.privacy().extendRequest(admin, request,
                        null, "Busy.")),
                missing("exportClientData", "client", () -> qleven.privacy().export(admin, null)),
                missing("suppressionCheck", "phone", () -> qleven.privacy().isSuppressed(tenant,
                        (PhoneNumber) null)),
                missing("suppressionCheck", "email", () -> qleven.privacy().isSuppressed(tenant,
                        (EmailAddress) null)),
                // Incidents, sub-processors, policy versions, audit
                missing("reportIncident", "command", () -> qleven.privacy().reportIncident(operator, null)),
                missing("ReportIncidentCommand", "description", () -> qleven.privacy().reportIncident(operator,
                        new ReportIncidentCommand(at, null, List.of(tenant), Set.of(IncidentCategory.CONTACT)))),
                missing("ReportIncidentCommand", "detectedAt", () -> new ReportIncidentCommand(null, "Leak",
                        List.of(tenant), Set.of(IncidentCategory.CONTACT))),
                missing("ReportIncidentCommand", "tenantIds", () -> new ReportIncidentCommand(at, "Leak", null,
                        Set.of(IncidentCategory.CONTACT))),
                missing("ReportIncidentCommand", "categories", () -> new ReportIncidentCommand(at, "Leak",
                        List.of(tenant), null)),
                missing("ReportIncidentCommand.parse", "detectedAt", () -> ReportIncidentCommand.parse(null, "Leak",
                        List.of(tenant.toString()), List.of("contact"))),
                missing("ReportIncidentCommand.parse", "description", () -> ReportIncidentCommand.parse(
                        at.toString(), null, List.of(tenant.toString()), List.of("contact"))),
                missing("ReportIncidentCommand.parse", "tenantIds", () -> ReportIncidentCommand.parse(
                        at.toString(), "Leak", null, List.of("contact"))),
                missing("ReportIncidentCommand.parse", "categories", () -> ReportIncidentCommand.parse(
                        at.toString(), "Leak", List.of(tenant.toString()), null)),
                missing("getIncident", "id", () -> qleven.privacy().getIncident(admin, (IncidentId) null)),
                missing("listIncidents", "page", () -> qleven.privacy().listIncidents(admin, null)),
                missing("listNotifications", "page", () -> qleven.privacy().notifications(admin, null)),
                missing("addSubprocessor", "fields", () -> qleven.privacy().addSubprocessor(operator, null)),
                missing("SubprocessorFields", "name", () -> qleven.privacy().addSubprocessor(operator,
                        new SubprocessorFields(null, "Email", "European Union", "In the EU"))),
                missing("SubprocessorFields", "purpose", () -> new SubprocessorFields("Brevo", null,
                        "European Union", "In the EU")),
                missing("SubprocessorFields", "region", () -> new SubprocessorFields("Brevo", "Email", null,
                        "In the EU")),
                missing("SubprocessorFields", "transferSafeguard", () -> new SubprocessorFields("Brevo", "Email",
                        "European Union", null)),
                missing("SubprocessorChange.mergePatch", "change", () -> SubprocessorChange.mergePatch(null)),
                missing("updateSubprocessor", "id", () -> qleven.privacy().updateSubprocessor(operator, null,
                        new SubprocessorChange(Optional.of("Brevo"), null, null, null))),
                missing("updateSubprocessor", "change", () -> qleven.privacy().updateSubprocessor(operator,
                        new SubprocessorId(UUID.randomUUID()), null)),
                missing("publishPolicyVersion", "command", () -> qleven.privacy().publishPolicy(operator,
                        null)),
                missing("PublishPolicyCommand", "version", () -> new PublishPolicyCommand(null, "Text", NOW)),
                missing("PublishPolicyCommand", "text", () -> new PublishPolicyCommand("v1", null, NOW)),
                missing("PublishPolicyCommand", "effectiveAt", () -> new PublishPolicyCommand("v1", "Text", null)),
                missing("PublishPolicyCommand.parse", "version", () -> PublishPolicyCommand.parse(null, "Text",
                        NOW.toString())),
                missing("PublishPolicyCommand.parse", "text", () -> PublishPolicyCommand.parse("v1", null,
                        NOW.toString())),
                missing("PublishPolicyCommand.parse", "effectiveAt", () -> PublishPolicyCommand.parse("v1", "Text",
                        null)),
                missing("acceptPolicy", "version", () -> qleven.privacy().acceptPolicy(admin, null)),
                missing("listAuditEvents", "page", () -> qleven.audit().list(admin, null)));
    }

    @TestFactory
    Stream<DynamicTest> everyUseCaseNamesTheMissingMember() {
        return calls().stream().map(call -> DynamicTest.dynamicTest(call.call() + " without " + call.field(), () -> {
            Throwable thrown = catchThrowable(call.run()::run);
            assertThat(thrown).as(call.call() + " without " + call.field()).isInstanceOf(ValidationException.class);
            assertThat(((ValidationException) thrown).errors()).extracting(FieldError::field).contains(call.field());
        }));
    }
}

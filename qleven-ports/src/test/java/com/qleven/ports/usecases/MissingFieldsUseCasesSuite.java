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
        SignUpResult result = qleven.signUp().signUp(SignUpCommand.builder()
                .centerName("Clínica Campos").address("Calle Mayor 1").taxId("B12345678").country("ES")
                .timeZone("Europe/Madrid").currency("EUR").fullName("Ana López").email(email).phone("+34600111222")
                .password(PASSWORD).ageConfirmed(true).client(info).build());
        admin = signIn(email);
        String operatorEmail = "operator-" + UUID.randomUUID() + "@example.com";
        qleven.createOperator().create(new CreateOperatorCommand(
                PersonDetails.parse("Olga Operator", operatorEmail, null), PASSWORD));
        operator = signIn(operatorEmail);
        ClientView created = qleven.createClient().create(admin,
                CreateClientCommand.builder().fullName("Lucía Fernández").phone("+34600111333").build());
        client = created.id();
        request = qleven.createPrivacyRequest().create(admin,
                CreatePrivacyRequestCommand.parse(client.toString(), "access", null)).id();
        assertThat(result.tenantId()).isNotNull();
    }

    private Principal signIn(String email) {
        return qleven.authenticate().authenticate(qleven.signIn()
                .signIn(new SignInCommand(email, PASSWORD, Optional.empty(), info)).token());
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
                missing("signUp", "command", () -> qleven.signUp().signUp(null)),
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
                missing("signIn", "command", () -> qleven.signIn().signIn(null)),
                missing("SignInCommand", "email", () -> new SignInCommand(null, PASSWORD, Optional.empty(), info)),
                missing("SignInCommand", "password", () -> new SignInCommand("a@b.co", null, Optional.empty(), info)),
                missing("SignInCommand", "client", () -> new SignInCommand("a@b.co", PASSWORD, Optional.empty(), null)),
                missing("SignInCommand.parse", "email", () -> SignInCommand.parse(null, PASSWORD, null, info)),
                missing("addUser", "command", () -> qleven.addUser().add(admin, null)),
                missing("AddUserCommand", "person", () -> new AddUserCommand(null, Role.PROFESSIONAL, PASSWORD, true)),
                missing("AddUserCommand", "role", () -> new AddUserCommand(person, null, PASSWORD, true)),
                missing("AddUserCommand", "password", () -> new AddUserCommand(person, Role.PROFESSIONAL, null, true)),
                missing("AddUserCommand.builder", "role", () -> AddUserCommand.builder()
                        .fullName("Pedro").email("p@example.com").password(PASSWORD).ageConfirmed(true).build()),
                missing("getUser", "user", () -> qleven.getUser().get(admin, null)),
                missing("updateUser", "user", () -> qleven.updateUser().update(admin, null,
                        new UpdateUserCommand(Optional.empty(), Optional.of(true)))),
                missing("updateUser", "command", () -> qleven.updateUser().update(admin, admin.userId(), null)),
                missing("UpdateUserCommand", "role", () -> new UpdateUserCommand(null, Optional.empty())),
                missing("UpdateUserCommand", "active", () -> new UpdateUserCommand(Optional.empty(), null)),
                missing("UpdateUserCommand.mergePatch", "mergePatch", () -> UpdateUserCommand.mergePatch(null)),
                missing("listUsers", "request", () -> qleven.listUsers().list(admin, null)),
                missing("inviteUser", "command", () -> qleven.inviteUser().invite(admin, null)),
                missing("InviteUserCommand", "email", () -> new InviteUserCommand(null, Role.RECEPTIONIST)),
                missing("InviteUserCommand", "role", () -> new InviteUserCommand(
                        new EmailAddress("x@example.com"), null)),
                missing("InviteUserCommand.parse", "email", () -> InviteUserCommand.parse(null, "receptionist")),
                missing("listInvitations", "request", () -> qleven.listInvitations().pending(admin, null)),
                missing("getInvitation", "id", () -> qleven.listInvitations().get(admin, (InvitationId) null)),
                missing("acceptInvitation", "command", () -> qleven.acceptInvitation().accept(null)),
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
                missing("requestPasswordReset", "command", () -> qleven.requestPasswordReset().request(null)),
                missing("RequestPasswordResetCommand", "email", () -> new RequestPasswordResetCommand(null, info)),
                missing("RequestPasswordResetCommand.parse", "email", () -> RequestPasswordResetCommand.parse(null,
                        info)),
                missing("RequestPasswordResetCommand", "client", () -> new RequestPasswordResetCommand(
                        new EmailAddress("x@example.com"), null)),
                missing("resetPassword", "command", () -> qleven.resetPassword().reset(null)),
                missing("ResetPasswordCommand", "token", () -> new ResetPasswordCommand(null, PASSWORD)),
                missing("ResetPasswordCommand", "password", () -> new ResetPasswordCommand("qr_x", null)),
                missing("changePassword", "command", () -> qleven.changePassword().change(admin, null)),
                missing("ChangePasswordCommand", "currentPassword", () -> new ChangePasswordCommand(null, PASSWORD)),
                missing("ChangePasswordCommand", "newPassword", () -> new ChangePasswordCommand(PASSWORD, null)),
                missing("listSessions", "request", () -> qleven.listSessions().list(admin, null)),
                missing("getSession", "session", () -> qleven.listSessions().get(admin, (SessionId) null)),
                missing("revokeSession", "session", () -> qleven.revokeSession().revoke(admin, null)),
                missing("createOperator", "command", () -> qleven.createOperator().create(null)),
                missing("CreateOperatorCommand", "person", () -> new CreateOperatorCommand(null, PASSWORD)),
                // Clients
                missing("createClient", "command", () -> qleven.createClient().create(admin, null)),
                missing("CreateClientCommand", "fullName", () -> qleven.createClient().create(admin,
                        CreateClientCommand.builder().phone("+34600111444").build())),
                missing("getClient", "id", () -> qleven.getClient().get(admin, null)),
                missing("updateClient", "command", () -> qleven.updateClient().update(admin, null)),
                missing("UpdateClientCommand", "id", () -> new UpdateClientCommand(null, Map.of(), Optional.empty())),
                missing("UpdateClientCommand", "mergePatch", () -> new UpdateClientCommand(client, null,
                        Optional.empty())),
                missing("UpdateClientCommand", "expectedVersion", () -> new UpdateClientCommand(client, Map.of(),
                        null)),
                missing("UpdateClientCommand.parse", "mergePatch", () -> UpdateClientCommand.parse(client, null,
                        Optional.empty())),
                missing("listClients", "request", () -> qleven.listClients().list(admin, null)),
                missing("searchClients", "search", () -> qleven.searchClients().search(admin, null,
                        PageRequest.first())),
                missing("searchClients", "request", () -> qleven.searchClients().search(admin,
                        new ClientSearch.ByName("Lucía"), null)),
                missing("ClientSearch.ByName", "typed", () -> new ClientSearch.ByName(null)),
                missing("ClientSearch.ByPhone", "typed", () -> new ClientSearch.ByPhone(null)),
                missing("ClientSearch.ByEmail", "email", () -> new ClientSearch.ByEmail(null)),
                // Consent
                missing("recordConsent", "client", () -> qleven.recordConsent().record(admin, null,
                        RecordConsentCommand.builder()
                                .purpose("marketing").decision("grant").channel("paper").textVersion("v1")
                                .text("I agree.").build())),
                missing("recordConsent", "command", () -> qleven.recordConsent().record(admin, client, null)),
                missing("RecordConsentCommand", "purpose", () -> qleven.recordConsent().record(admin, client,
                        RecordConsentCommand.builder()
                                .decision("grant").channel("paper").textVersion("v1").text("I agree.").build())),
                missing("RecordConsentCommand", "decision", () -> qleven.recordConsent().record(admin, client,
                        RecordConsentCommand.builder()
                                .purpose("marketing").channel("paper").textVersion("v1").text("I agree.").build())),
                missing("RecordConsentCommand", "channel", () -> qleven.recordConsent().record(admin, client,
                        RecordConsentCommand.builder()
                                .purpose("marketing").decision("grant").textVersion("v1").text("I agree.").build())),
                missing("RecordConsentCommand", "textVersion", () -> qleven.recordConsent().record(admin, client,
                        RecordConsentCommand.builder()
                                .purpose("marketing").decision("grant").channel("paper").text("I agree.").build())),
                missing("RecordConsentCommand", "text", () -> qleven.recordConsent().record(admin, client,
                        RecordConsentCommand.builder()
                                .purpose("marketing").decision("grant").channel("paper").textVersion("v1").build())),
                missing("getConsents", "client", () -> qleven.getConsents().get(admin, null)),
                missing("consentCheck", "client", () -> qleven.consentCheck().allows(tenant, null,
                        ConsentPurpose.MARKETING, NOW)),
                missing("consentCheck", "at", () -> qleven.consentCheck().allows(tenant, client,
                        ConsentPurpose.MARKETING, null)),
                missing("recordConsentFromChannel", "consent", () -> qleven.recordConsentFromChannel().record(null)),
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
                missing("addConsentPurpose", "command", () -> qleven.manageConsentPurposes().add(admin, null)),
                missing("AddPurposeCommand", "code", () -> qleven.manageConsentPurposes().add(admin,
                        new AddPurposeCommand(null, "Newsletter", false))),
                missing("AddPurposeCommand", "marketing", () -> qleven.manageConsentPurposes().add(admin,
                        new AddPurposeCommand("newsletter", "Newsletter", null))),
                // Data-subject rights
                missing("createPrivacyRequest", "command", () -> qleven.createPrivacyRequest().create(admin, null)),
                missing("CreatePrivacyRequestCommand", "clientId", () -> new CreatePrivacyRequestCommand(null,
                        PrivacyRequestType.ACCESS, Optional.empty())),
                missing("CreatePrivacyRequestCommand", "type", () -> new CreatePrivacyRequestCommand(client, null,
                        Optional.empty())),
                missing("CreatePrivacyRequestCommand", "note", () -> new CreatePrivacyRequestCommand(client,
                        PrivacyRequestType.ACCESS, null)),
                missing("CreatePrivacyRequestCommand.parse", "clientId", () -> CreatePrivacyRequestCommand.parse(null,
                        "access", null)),
                missing("getPrivacyRequest", "id", () -> qleven.getPrivacyRequest().get(admin, null)),
                missing("listPrivacyRequests", "status", () -> qleven.listPrivacyRequests().list(admin, null,
                        PageRequest.first())),
                missing("completePrivacyRequest", "id", () -> qleven.completePrivacyRequest().complete(admin, null,
                        "Done.")),
                missing("completePrivacyRequest", "outcome", () -> qleven.completePrivacyRequest().complete(admin,
                        request, null)),
                missing("extendPrivacyRequest", "id", () -> qleven.extendPrivacyRequest().extend(admin, null, 1,
                        "Busy.")),
                missing("extendPrivacyRequest", "months", () -> qleven.extendPrivacyRequest().extend(admin, request,
                        null, "Busy.")),
                missing("exportClientData", "client", () -> qleven.exportClientData().export(admin, null)),
                missing("suppressionCheck", "phone", () -> qleven.suppressionCheck().isSuppressed(tenant,
                        (PhoneNumber) null)),
                missing("suppressionCheck", "email", () -> qleven.suppressionCheck().isSuppressed(tenant,
                        (EmailAddress) null)),
                // Incidents, sub-processors, policy versions, audit
                missing("reportIncident", "command", () -> qleven.reportIncident().report(operator, null)),
                missing("ReportIncidentCommand", "description", () -> qleven.reportIncident().report(operator,
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
                missing("getIncident", "id", () -> qleven.getIncident().get(admin, (IncidentId) null)),
                missing("listIncidents", "page", () -> qleven.listIncidents().list(admin, null)),
                missing("listNotifications", "page", () -> qleven.listNotifications().list(admin, null)),
                missing("addSubprocessor", "fields", () -> qleven.subprocessors().add(operator, null)),
                missing("SubprocessorFields", "name", () -> qleven.subprocessors().add(operator,
                        new SubprocessorFields(null, "Email", "European Union", "In the EU"))),
                missing("SubprocessorFields", "purpose", () -> new SubprocessorFields("Brevo", null,
                        "European Union", "In the EU")),
                missing("SubprocessorFields", "region", () -> new SubprocessorFields("Brevo", "Email", null,
                        "In the EU")),
                missing("SubprocessorFields", "transferSafeguard", () -> new SubprocessorFields("Brevo", "Email",
                        "European Union", null)),
                missing("SubprocessorChange.mergePatch", "change", () -> SubprocessorChange.mergePatch(null)),
                missing("updateSubprocessor", "id", () -> qleven.subprocessors().update(operator, null,
                        new SubprocessorChange(Optional.of("Brevo"), null, null, null))),
                missing("updateSubprocessor", "change", () -> qleven.subprocessors().update(operator,
                        new SubprocessorId(UUID.randomUUID()), null)),
                missing("publishPolicyVersion", "command", () -> qleven.publishPolicyVersion().publish(operator,
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
                missing("acceptPolicy", "version", () -> qleven.policyAcceptance().accept(admin, null)),
                missing("listAuditEvents", "page", () -> qleven.listAuditEvents().list(admin, null)));
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

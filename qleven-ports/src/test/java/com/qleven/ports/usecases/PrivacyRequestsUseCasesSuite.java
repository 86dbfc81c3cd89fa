package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.application.privacy.CompletePrivacyRequestService;
import com.qleven.application.privacy.CreatePrivacyRequestService;
import com.qleven.application.privacy.ExtendPrivacyRequestService;
import com.qleven.application.privacy.ListPrivacyRequestsService;
import com.qleven.application.privacy.PrivacyRegistry;
import com.qleven.application.shared.UuidV7Ids;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.privacy.PrivacyRequestStatus;
import com.qleven.domain.privacy.PrivacyRequestType;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.clients.in.ClientSearch;
import com.qleven.ports.clients.in.ClientView;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.privacy.in.CompletePrivacyRequest;
import com.qleven.ports.privacy.in.CountPrivacyDeadlines.Deadlines;
import com.qleven.ports.privacy.in.CreatePrivacyRequest;
import com.qleven.ports.privacy.in.CreatePrivacyRequestCommand;
import com.qleven.ports.privacy.in.ExtendPrivacyRequest;
import com.qleven.ports.privacy.in.ListPrivacyRequests;
import com.qleven.ports.privacy.in.PrivacyRequestView;
import com.qleven.ports.privacy.out.StoredPrivacyRequest;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import com.qleven.ports.testing.RecordingAuditTrail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The data-subject request use cases against every store, with the real cipher and a fixed clock
 * that the tests move: receipt, the 30-day due time, due soon and overdue, extensions and answers.
 */
public abstract class PrivacyRequestsUseCasesSuite extends UseCasesSuiteBase {
    private static final String PASSWORD = "correct horse battery";
    private static final Instant START = Instant.parse("2026-03-02T09:15:00Z");

    protected MutableClock clock;
    protected QlevenStore store;
    protected Qleven qleven;
    protected RecordingAuditTrail audit;
    private CreatePrivacyRequest create;
    private ListPrivacyRequests list;
    private CompletePrivacyRequest complete;
    private ExtendPrivacyRequest extend;
    private ClientInfo from;

    @BeforeEach
    void buildCore() {
        clock = new MutableClock(START);
        from = clientAtAnAddressOfItsOwn("test", Optional.empty());
        store = newStore();
        FieldCipher cipher = cipher(store);
        qleven = core(store, cipher).clock(clock).signupsPerAddressPerHour(1000).build();
        audit = new RecordingAuditTrail();
        UuidV7Ids ids = new UuidV7Ids(clock);
        create = new CreatePrivacyRequestService(store.shared().transactions(), store.clients().clients(),
                store.privacy().privacyRequests(), cipher, audit, clock, ids);
        list = new ListPrivacyRequestsService(store.shared().transactions(), store.privacy().privacyRequests(), cipher,
                audit, clock);
        // No erasers here: the erasure itself is tested through the facade, which registers them all.
        complete = new CompletePrivacyRequestService(store.shared().transactions(), store.clients().clients(),
                store.clients().clientRestrictions(), store.privacy().privacyRequests(),
                store.privacy().suppressions(), cipher, new PrivacyRegistry(), audit, clock);
        extend = new ExtendPrivacyRequestService(store.shared().transactions(), store.privacy().privacyRequests(),
                cipher, audit, clock);
    }

    record Center(TenantId tenant, Principal admin, Principal professional, Principal receptionist, ClientId client) {
    }

    private Center center() {
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        TenantId tenant = qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica").address("Calle 1").taxId("B1").country("ES").timeZone("Europe/Madrid")
                .currency("EUR").fullName("Ana Admin").email(adminEmail).password(PASSWORD).ageConfirmed(true)
                .client(from).build()).tenantId();
        Principal admin = signIn(adminEmail);
        ClientId client = qleven.clients().create(admin, CreateClientCommand.builder()
                .fullName("Lucía Fernández").phone("600 111 222").build()).id();
        return new Center(tenant, admin, staff(admin, "professional"), staff(admin, "receptionist"), client);
    }

    private Principal staff(Principal admin, String role) {
        return staff(qleven, admin, role, from);
    }

    private Principal signIn(String email) {
        return signIn(qleven, email, from);
    }

    private PrivacyRequestView request(Center c, String type, String note) {
        return create.create(c.admin(), CreatePrivacyRequestCommand.parse(c.client().toString(), type, note));
    }

    private List<UUID> listed(Center c, PrivacyRequestStatus status) {
        return list.list(c.admin(), Optional.of(status), new PageRequest(200, Optional.empty())).items().stream()
                .map(v -> v.id().value()).toList();
    }

    private StoredPrivacyRequest stored(Center c, PrivacyRequestView v) {
        return store.shared().transactions().inTenant(c.tenant(),
                () -> store.privacy().privacyRequests().byId(c.tenant(), v.id()))
                .orElseThrow();
    }

    private List<String> actions() {
        return audit.events().stream().map(AuditEvent::action).toList();
    }

    @Test
    void aRequestIsReceivedNowDueThirtyDaysLaterOpenWithItsNoteSealed() {
        Center c = center();
        PrivacyRequestView v = request(c, "access", "Asked at the desk for a copy of her file.");

        assertThat(v.receivedAt()).isEqualTo(START);
        assertThat(v.dueAt()).isEqualTo(Instant.parse("2026-04-01T09:15:00Z"));
        assertThat(v.status()).isEqualTo(PrivacyRequestStatus.OPEN);
        assertThat(v.type()).isEqualTo(PrivacyRequestType.ACCESS);
        assertThat(v.note()).contains("Asked at the desk for a copy of her file.");
        assertThat(v.receivedBy()).isEqualTo(c.admin().userId());
        byte[] note = stored(c, v).note();
        assertThat(new String(note, StandardCharsets.ISO_8859_1)).doesNotContain("copy of her file");
        assertThat(list.list(c.admin(), Optional.empty(), PageRequest.first()).items().get(0).note())
                .contains("Asked at the desk for a copy of her file.");
        assertThat(audit.events()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("privacy_request.create");
            assertThat(e.subjectId()).contains(v.id().value());
        });
    }

    @Test
    void aRequestReceivedTwentyFiveDaysAgoIsDueSoonAndThirtyOneDaysAgoOverdue() {
        Center c = center();
        PrivacyRequestView old = request(c, "erasure", null);
        clock.advance(Duration.ofDays(6));
        PrivacyRequestView recent = request(c, "portability", null);
        PrivacyRequestView answered = request(c, "objection", null);
        complete.complete(c.admin(), answered.id(), "Suppressed from marketing.");
        clock.advance(Duration.ofDays(25));

        // old was received 31 days ago, recent and answered 25 days ago.
        assertThat(listed(c, PrivacyRequestStatus.OVERDUE)).containsExactly(old.id().value());
        assertThat(listed(c, PrivacyRequestStatus.DUE_SOON)).containsExactly(recent.id().value());
        assertThat(listed(c, PrivacyRequestStatus.OPEN)).containsExactly(old.id().value(), recent.id().value());
        assertThat(list.list(c.admin(), Optional.empty(), PageRequest.first()).items())
                .extracting(PrivacyRequestView::status)
                .containsExactly(PrivacyRequestStatus.OVERDUE, PrivacyRequestStatus.DUE_SOON,
                        PrivacyRequestStatus.COMPLETED);

        Deadlines counted = qleven.privacy().countDeadlines();
        assertThat(counted.overdue()).isGreaterThanOrEqualTo(1);
        assertThat(counted.dueSoon()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theDeadlineCountAddsUpEveryCenter() {
        // Years after every other test's requests fell due, so that theirs stay overdue throughout
        // and only this test's move in a shared database.
        clock.set(START.plus(Duration.ofDays(3650)));
        Deadlines before = qleven.privacy().countDeadlines();
        Center a = center();
        Center b = center();
        request(a, "access", null);
        PrivacyRequestView extended = request(b, "erasure", null);
        PrivacyRequestView answered = request(b, "access", null);
        clock.advance(Duration.ofDays(25));

        Deadlines soon = qleven.privacy().countDeadlines();
        assertThat(soon.dueSoon() - before.dueSoon()).isEqualTo(3);
        // What each center does moves the count across centers at once.
        extend.extend(b.admin(), extended.id(), 1, "Records archived off site.");
        complete.complete(b.admin(), answered.id(), "Copy sent.");
        assertThat(qleven.privacy().countDeadlines().dueSoon() - before.dueSoon())
                .as("one extended, one answered").isEqualTo(1);
        clock.advance(Duration.ofDays(6));
        Deadlines late = qleven.privacy().countDeadlines();
        assertThat(late.overdue() - before.overdue()).isEqualTo(1);
        assertThat(late.dueSoon()).isEqualTo(before.dueSoon());
    }

    @Test
    void anExtensionBeforeTheDueTimeMovesItByWholeMonthsWithItsReason() {
        Center c = center();
        PrivacyRequestView v = request(c, "access", null);
        clock.advance(Duration.ofDays(29));

        PrivacyRequestView once = extend.extend(c.admin(), v.id(), 1, "Records archived off site.");
        assertThat(once.dueAt()).isEqualTo(Instant.parse("2026-05-01T09:15:00Z"));
        assertThat(once.extensionMonths()).isEqualTo(1);
        assertThat(once.extensionReason()).contains("Records archived off site.");
        PrivacyRequestView twice = extend.extend(c.admin(), v.id(), 1, "Many requests this month.");
        assertThat(twice.dueAt()).isEqualTo(Instant.parse("2026-06-01T09:15:00Z"));
        assertThat(twice.status()).isEqualTo(PrivacyRequestStatus.OPEN);
        assertThat(actions()).containsSubsequence("privacy_request.extend", "privacy_request.extend");

        UnprocessableException third = catchThrowableOfType(
                () -> extend.extend(c.admin(), v.id(), 1, "Again."), UnprocessableException.class);
        assertThat(third.field()).isEqualTo("months");
    }

    @Test
    void anExtensionAfterTheFirstDueTimeIsRefusedAndWritesNothing() {
        Center c = center();
        PrivacyRequestView v = request(c, "erasure", null);
        clock.advance(Duration.ofDays(30).plusSeconds(1));
        audit.clear();

        UnprocessableException late = catchThrowableOfType(
                () -> extend.extend(c.admin(), v.id(), 1, "Too busy."), UnprocessableException.class);
        assertThat(late.field()).isEqualTo("dueAt");
        assertThat(stored(c, v).version()).isEqualTo(1);
        assertThat(stored(c, v).extensionReason()).isNull();
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void anExtensionNamesItsBadField() {
        Center c = center();
        PrivacyRequestView v = request(c, "erasure", null);

        assertThat(catchThrowableOfType(() -> extend.extend(c.admin(), v.id(), 3, "Reason."),
                UnprocessableException.class).field()).isEqualTo("months");
        assertThat(catchThrowableOfType(() -> extend.extend(c.admin(), v.id(), 0, "Reason."),
                UnprocessableException.class).field()).isEqualTo("months");
        assertThat(catchThrowableOfType(() -> extend.extend(c.admin(), v.id(), 1, "  "),
                UnprocessableException.class).field()).isEqualTo("reason");
        assertThat(stored(c, v).version()).isEqualTo(1);
    }

    @Test
    void completingRecordsHandlerAndOutcomeOnce() {
        Center c = center();
        PrivacyRequestView v = request(c, "rectification", null);
        clock.advance(Duration.ofDays(2));

        PrivacyRequestView done = complete.complete(c.admin(), v.id(), "Phone number corrected.");
        assertThat(done.status()).isEqualTo(PrivacyRequestStatus.COMPLETED);
        assertThat(done.handler()).contains(c.admin().userId());
        assertThat(done.completedAt()).contains(START.plus(Duration.ofDays(2)));
        assertThat(done.outcome()).contains("Phone number corrected.");
        assertThat(new String(stored(c, v).outcome(), StandardCharsets.ISO_8859_1)).doesNotContain("corrected");
        assertThat(actions()).contains("privacy_request.complete");

        assertThatThrownBy(() -> complete.complete(c.admin(), v.id(), "Again.")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> extend.extend(c.admin(), v.id(), 1, "Late."))
                .isInstanceOf(ConflictException.class);
        assertThat(catchThrowableOfType(() -> complete.complete(c.admin(),
                request(c, "access", null).id(), " "), ValidationException.class).errors())
                .extracting(FieldError::field).containsExactly("outcome");
    }

    @Test
    void anotherCentersClientOrRequestIsNotFound() {
        Center a = center();
        Center b = center();
        PrivacyRequestView ofB = request(b, "access", null);

        // The client is named in the command, not the path: another center's or none is a 422 naming clientId.
        for (String nothingHere : List.of(b.client().toString(), java.util.UUID.randomUUID().toString())) {
            assertThat(catchThrowableOfType(() -> create.create(a.admin(), CreatePrivacyRequestCommand.parse(
                    nothingHere, "access", null)), UnprocessableException.class).field()).isEqualTo("clientId");
        }
        assertThatThrownBy(() -> complete.complete(a.admin(), ofB.id(), "Done."))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> extend.extend(a.admin(), ofB.id(), 1, "Reason."))
                .isInstanceOf(NotFoundException.class);
        assertThat(list.list(a.admin(), Optional.empty(), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void onlyAdministratorsHandleRequests() {
        Center c = center();
        PrivacyRequestView v = request(c, "access", null);
        for (Principal staff : List.of(c.professional(), c.receptionist())) {
            assertThatThrownBy(() -> create.create(staff, CreatePrivacyRequestCommand.parse(
                    c.client().toString(), "access", null))).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> list.list(staff, Optional.empty(), PageRequest.first()))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> complete.complete(staff, v.id(), "Done."))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> extend.extend(staff, v.id(), 1, "Reason."))
                    .isInstanceOf(ForbiddenException.class);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theExportHoldsTheClientsRecordAndWhoAccessedIt() {
        Center c = center();
        Center other = center();
        qleven.clients().get(c.professional(), c.client());

        Map<String, Object> document = qleven.privacy().export(c.admin(), c.client());
        assertThat(document).containsEntry("schema", "qleven.client-export").containsEntry("version", 1)
                .containsEntry("clientId", c.client().toString()).containsEntry("centerId", c.tenant().toString());
        Map<String, Object> sections = (Map<String, Object>) document.get("sections");
        Map<String, Object> client = (Map<String, Object>) sections.get("client");
        assertThat(client).containsEntry("fullName", "Lucía Fernández").containsEntry("phone", "+34600111222");
        List<Map<String, Object>> accesses = (List<Map<String, Object>>)
                ((Map<String, Object>) sections.get("accessLog")).get("accesses");
        assertThat(accesses).extracting(a -> a.get("action"))
                .containsExactly("client.create", "client.read", "client.export");
        assertThat(accesses.get(1)).containsEntry("actorId", c.professional().userId().toString());

        assertThatThrownBy(() -> qleven.privacy().export(other.admin(), c.client()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qleven.privacy().export(c.receptionist(), c.client()))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void completingAnErasureErasesTheRecordItsLookupsAndItsKey() {
        Center c = center();
        ClientId id = qleven.clients().create(c.admin(), CreateClientCommand.builder()
                .fullName("Marta Soler Vidal").phone("600 333 444").email("marta@example.com").birthDate("1985-02-03")
                .notes("Pacemaker.").build()).id();
        StoredClient before = store.shared().transactions().inTenant(c.tenant(),
                () -> store.clients().clients().byId(c.tenant(), id))
                .orElseThrow();
        PrivacyRequestView erasure = qleven.privacy().createRequest(c.admin(),
                CreatePrivacyRequestCommand.parse(id.toString(), "erasure", null));

        qleven.privacy().completeRequest(c.admin(), erasure.id(), "Erased; no invoices to keep.");

        StoredClient after = store.shared().transactions().inTenant(c.tenant(),
                () -> store.clients().clients().byId(c.tenant(), id))
                .orElseThrow();
        assertThat(after.phone()).isNull();
        assertThat(after.email()).isNull();
        assertThat(after.notes()).isNull();
        assertThat(after.birthDate()).isNull();
        assertThat(after.phoneIndex()).isEmpty();
        assertThat(after.emailIndex()).isEmpty();
        assertThat(after.birthYear()).isEmpty();
        assertThat(store.shared().transactions().inTenant(c.tenant(),
                () -> store.clients().clients().byPhone(c.tenant(),
                before.phoneIndex().orElseThrow(), PageRequest.first()).items())).isEmpty();
        assertThat(store.shared().transactions().inTenant(c.tenant(),
                () -> store.clients().clients().byEmail(c.tenant(),
                before.emailIndex().orElseThrow(), PageRequest.first()).items())).isEmpty();
        assertThat(store.shared().transactions().global(() -> store.shared().dataKeys().current(new KeyScope("client",
                id.value()))))
                .isEmpty();
        assertThat(qleven.clients().get(c.admin(), id).fullName()).isEqualTo("[erased]");
        assertThat(qleven.privacy().export(c.admin(), id).toString())
                .doesNotContain("Marta", "Soler", "600333444", "marta@example.com", "Pacemaker");
    }

    @Test
    void anObjectionSuppressesThePhoneAndEmailEvenAfterErasureAndReimport() {
        Center c = center();
        Center other = center();
        ClientId id = qleven.clients().create(c.admin(), CreateClientCommand.builder()
                .fullName("Pau Roig").phone("622 444 555").email("pau@example.com").build()).id();
        PhoneNumber phone = new PhoneNumber("+34622444555");
        EmailAddress email = new EmailAddress("pau@example.com");
        assertThat(qleven.privacy().isSuppressed(c.tenant(), phone)).isFalse();

        PrivacyRequestView objection = qleven.privacy().createRequest(c.admin(),
                CreatePrivacyRequestCommand.parse(id.toString(), "objection", null));
        qleven.privacy().completeRequest(c.admin(), objection.id(), "No more marketing.");
        PrivacyRequestView erasure = qleven.privacy().createRequest(c.admin(),
                CreatePrivacyRequestCommand.parse(id.toString(), "erasure", null));
        qleven.privacy().completeRequest(c.admin(), erasure.id(), "Erased.");
        qleven.clients().create(c.admin(), CreateClientCommand.builder()
                .fullName("Pau Roig").phone("622 444 555").email("PAU@example.com").build());

        assertThat(qleven.privacy().isSuppressed(c.tenant(), phone)).isTrue();
        assertThat(qleven.privacy().isSuppressed(c.tenant(), email)).isTrue();
        assertThat(qleven.privacy().isSuppressed(other.tenant(), phone)).isFalse();
        assertThat(qleven.privacy().isSuppressed(c.tenant(), new PhoneNumber("+34622444556"))).isFalse();
    }

    @Test
    void aRestrictedClientIsLeftOutOfListsAndSearchesExceptForAdministrators() {
        Center c = center();
        PrivacyRequestView restriction = qleven.privacy().createRequest(c.admin(),
                CreatePrivacyRequestCommand.parse(c.client().toString(), "restriction", null));
        ClientId other = qleven.clients().create(c.admin(), CreateClientCommand.builder()
                .fullName("Lucía Fernández").phone("600 999 888").build()).id();
        qleven.privacy().completeRequest(c.admin(), restriction.id(), "Restricted while disputed.");

        ClientSearch byName = ClientSearch.parse(null, null, "Lucía");
        for (Principal staff : List.of(c.professional(), c.receptionist())) {
            assertThat(qleven.clients().list(staff, PageRequest.first()).items())
                    .extracting(ClientView::id).containsExactly(other);
            assertThat(qleven.clients().search(staff, byName, PageRequest.first()).items())
                    .extracting(ClientView::id).containsExactly(other);
            assertThat(qleven.clients().search(staff, ClientSearch.parse("600 111 222", null, null),
                    PageRequest.first()).items()).isEmpty();
        }
        assertThat(qleven.clients().list(c.admin(), PageRequest.first()).items())
                .extracting(ClientView::id).containsExactly(c.client(), other);
        assertThat(qleven.clients().search(c.admin(), byName, PageRequest.first()).items())
                .extracting(ClientView::id).containsExactly(c.client(), other);
    }

    @Test
    void anUnknownTypeIsAValidationErrorNamingType() {
        Center c = center();
        assertThat(catchThrowableOfType(() -> CreatePrivacyRequestCommand.parse(c.client().toString(), "forget_me",
                null), ValidationException.class).errors()).extracting(FieldError::field).containsExactly("type");
    }

    private PrivacyRequestView answered(Center c, ClientId client, String type, String outcome) {
        PrivacyRequestView r = qleven.privacy().createRequest(c.admin(),
                CreatePrivacyRequestCommand.parse(client.toString(), type, null));
        return qleven.privacy().completeRequest(c.admin(), r.id(), outcome);
    }

    @Test
    void anErasureWithAnOpenObjectionSuppressesAndTheObjectionCompletesAfterIt() {
        Center c = center();
        ClientId id = qleven.clients().create(c.admin(), CreateClientCommand.builder()
                .fullName("Pau Roig").phone("622 444 555").email("pau@example.com").build()).id();
        ClientId control = qleven.clients().create(c.admin(), CreateClientCommand.builder()
                .fullName("Eva Solo").phone("622 444 556").email("eva@example.com").build()).id();
        PrivacyRequestView objection = qleven.privacy().createRequest(c.admin(),
                CreatePrivacyRequestCommand.parse(id.toString(), "objection", null));

        answered(c, id, "erasure", "Erased.");
        answered(c, control, "erasure", "Erased.");

        assertThat(qleven.privacy().isSuppressed(c.tenant(), new PhoneNumber("+34622444555"))).isTrue();
        assertThat(qleven.privacy().isSuppressed(c.tenant(), new EmailAddress("pau@example.com"))).isTrue();
        assertThat(qleven.privacy().isSuppressed(c.tenant(), new PhoneNumber("+34622444556")))
                .as("control: an erasure alone suppresses nothing").isFalse();
        assertThat(qleven.privacy().completeRequest(c.admin(), objection.id(), "No more marketing.")
                .status()).isEqualTo(PrivacyRequestStatus.COMPLETED);
    }

    @Test
    void anObjectionReceivedAfterTheErasureIsRefusedAndStaysOpen() {
        Center c = center();
        ClientId id = qleven.clients().create(c.admin(), CreateClientCommand.builder()
                .fullName("Pau Roig").phone("622 444 555").email("pau@example.com").build()).id();
        answered(c, id, "erasure", "Erased.");
        PrivacyRequestView objection = qleven.privacy().createRequest(c.admin(),
                CreatePrivacyRequestCommand.parse(id.toString(), "objection", null));

        assertThatThrownBy(() -> qleven.privacy().completeRequest(c.admin(), objection.id(), "Done."))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.getMessage()).contains("erased");
                    assertThat(e.details()).containsEntry("clientErased", true);
                });
        assertThat(qleven.privacy().getRequest(c.admin(), objection.id()).status())
                .isNotEqualTo(PrivacyRequestStatus.COMPLETED);
        assertThat(qleven.privacy().isSuppressed(c.tenant(), new PhoneNumber("+34622444555"))).isFalse();
    }

    private static com.qleven.ports.consent.in.ChannelConsent channel(Center c,
            com.qleven.domain.consent.ConsentDecision decision, com.qleven.domain.consent.ConsentChannel via) {
        return new com.qleven.ports.consent.in.ChannelConsent(c.tenant(), c.client(),
                com.qleven.domain.consent.ConsentPurpose.WHATSAPP, decision, via, "2026-03", "WhatsApp messages",
                Optional.of("booking-118"));
    }

    @Test
    void aRestrictedClientIsNotProcessedUntilAnAdministratorLiftsIt() {
        Center c = center();
        com.qleven.ports.consent.in.RecordConsentCommand grant = com.qleven.ports.consent.in.RecordConsentCommand
                .builder().purpose("whatsapp").decision("granted").channel("in_person").textVersion("2026-03")
                .text("I agree.").build();
        qleven.consent().record(c.admin(), c.client(), grant);
        assertThat(qleven.consent().allows(c.tenant(), c.client(),
                com.qleven.domain.consent.ConsentPurpose.WHATSAPP, clock.instant())).isTrue();
        answered(c, c.client(), "restriction", "Accuracy disputed.");

        assertThat(qleven.clients().isRestricted(c.tenant(), c.client())).isTrue();
        assertThatThrownBy(() -> qleven.clients().get(c.receptionist(), c.client()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.details()).containsEntry("restricted", true));
        ClientView seen = qleven.clients().get(c.admin(), c.client());
        assertThat(seen.restriction()).get().satisfies(r -> {
            assertThat(r.since()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            assertThat(r.reason()).contains("Accuracy disputed.");
        });
        assertThatThrownBy(() -> qleven.clients().update(c.admin(),
                new com.qleven.ports.clients.in.UpdateClientCommand(c.client(), Map.of("fullName", "L. F."),
                        Optional.empty()))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> qleven.consent().record(c.professional(), c.client(), grant))
                .isInstanceOf(ConflictException.class);
        assertThat(qleven.consent().allows(c.tenant(), c.client(),
                com.qleven.domain.consent.ConsentPurpose.WHATSAPP, clock.instant())).isFalse();
        qleven.consent().record(c.receptionist(), c.client(), com.qleven.ports.consent.in.RecordConsentCommand
                .builder().purpose("marketing").decision("withdrawn").channel("in_person").textVersion("2026-03")
                .text("I withdraw.").build());
        // A decision captured by a channel: a grant (an online booking's opt-in) is refused, a STOP is kept.
        assertThatThrownBy(() -> qleven.consent().recordFromChannel(channel(c,
                com.qleven.domain.consent.ConsentDecision.GRANTED,
                com.qleven.domain.consent.ConsentChannel.ONLINE_BOOKING))).isInstanceOf(ConflictException.class);
        assertThat(qleven.consent().recordFromChannel(channel(c,
                com.qleven.domain.consent.ConsentDecision.WITHDRAWN,
                com.qleven.domain.consent.ConsentChannel.WHATSAPP_REPLY)).decision())
                .isEqualTo(com.qleven.domain.consent.ConsentDecision.WITHDRAWN);
        assertThatThrownBy(() -> qleven.clients().requireProcessable(c.tenant(), c.client()))
                .isInstanceOf(ConflictException.class);

        assertThatThrownBy(() -> qleven.clients().liftRestriction(c.professional(), c.client(), "Verified."))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.clients().liftRestriction(c.admin(), c.client(), " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("reason"));
        ClientView lifted = qleven.clients().liftRestriction(c.admin(), c.client(), "Accuracy verified.");

        assertThat(lifted.restriction()).isEmpty();
        assertThat(qleven.clients().isRestricted(c.tenant(), c.client())).isFalse();
        assertThat(qleven.clients().get(c.receptionist(), c.client()).id()).isEqualTo(c.client());
        assertThat(qleven.consent().allows(c.tenant(), c.client(),
                com.qleven.domain.consent.ConsentPurpose.WHATSAPP, clock.instant()))
                .as("the STOP received meanwhile still holds").isFalse();
        qleven.consent().recordFromChannel(channel(c, com.qleven.domain.consent.ConsentDecision.GRANTED,
                com.qleven.domain.consent.ConsentChannel.ONLINE_BOOKING));
        assertThat(qleven.consent().allows(c.tenant(), c.client(),
                com.qleven.domain.consent.ConsentPurpose.WHATSAPP, clock.instant())).isTrue();
        assertThatThrownBy(() -> qleven.clients().liftRestriction(c.admin(), c.client(), "Again."))
                .isInstanceOf(ConflictException.class);
        assertThat(qleven.audit().list(c.admin(), new PageRequest(50, Optional.empty())).items())
                .extracting(e -> e.event().action()).contains("client.lift_restriction");
    }
}

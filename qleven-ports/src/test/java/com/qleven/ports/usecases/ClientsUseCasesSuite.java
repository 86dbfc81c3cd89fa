package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.application.clients.CreateClientService;
import com.qleven.application.clients.GetClientService;
import com.qleven.application.clients.ListClientsService;
import com.qleven.application.clients.SearchClientsService;
import com.qleven.application.clients.UpdateClientService;
import com.qleven.application.shared.UuidV7Ids;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.PreconditionFailedException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.clients.in.ClientSearch;
import com.qleven.ports.clients.in.ClientView;
import com.qleven.ports.clients.in.CreateClient;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.clients.in.GetClient;
import com.qleven.ports.clients.in.ListClients;
import com.qleven.ports.clients.in.SearchClients;
import com.qleven.ports.clients.in.UpdateClient;
import com.qleven.ports.clients.in.UpdateClientCommand;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.PhoneNumbers;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignUp.SignUpResult;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import com.qleven.ports.testing.RecordingAuditTrail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client use cases against every store (in memory and PostgreSQL), with the real cipher and
 * phone numbers. Their audit events are asserted through a recording trail; one test goes through
 * the {@link Qleven} facade and reads the events back from the chained trail.
 */
public abstract class ClientsUseCasesSuite extends UseCasesSuiteBase {
    private static final String PASSWORD = "correct horse battery";

    protected MutableClock clock;
    protected QlevenStore store;
    protected Qleven qleven;
    protected RecordingAuditTrail audit;
    private CreateClient create;
    private GetClient get;
    private UpdateClient update;
    private ListClients list;
    private SearchClients search;
    private ClientInfo from;

    @BeforeEach
    void buildCore() {
        clock = new MutableClock(Instant.parse("2026-03-29T08:00:00Z"));
        from = clientAtAnAddressOfItsOwn("test", Optional.empty());
        store = newStore();
        FieldCipher cipher = cipher(store);
        PhoneNumbers phones = phoneNumbers();
        qleven = core(store, cipher).clock(clock).signupsPerAddressPerHour(1000).build();
        audit = new RecordingAuditTrail();
        UuidV7Ids ids = new UuidV7Ids(clock);
        create = new CreateClientService(store.shared().transactions(), store.tenancy().centers(),
                store.clients().clients(), cipher, phones, audit, clock, ids);
        get = new GetClientService(store.shared().transactions(), store.clients().clients(),
                store.clients().clientRestrictions(), store.clients().clientDuplicates(), cipher, audit, clock);
        update = new UpdateClientService(store.shared().transactions(), store.tenancy().centers(),
                store.clients().clients(), store.clients().clientRestrictions(), cipher, phones, audit, clock);
        list = new ListClientsService(store.shared().transactions(), store.clients().clients(),
                store.clients().clientRestrictions(), cipher, audit, clock);
        search = new SearchClientsService(store.shared().transactions(), store.tenancy().centers(),
                store.clients().clients(), store.clients().clientRestrictions(), cipher, phones, audit, clock);
    }

    /** A center and its staff, signed in. */
    record Center(TenantId tenant, Principal admin, Principal professional, Principal receptionist) {
    }

    private Center center(String country, String zone) {
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        SignUpResult signedUp = qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica").address("Calle 1").taxId("B1").country(country).timeZone(zone).currency("EUR")
                .fullName("Ana Admin").email(adminEmail).password(PASSWORD).ageConfirmed(true).client(from).build());
        Principal admin = signIn(adminEmail);
        return new Center(signedUp.tenantId(), admin, staff(admin, "professional"), staff(admin, "receptionist"));
    }

    private Center spain() {
        return center("ES", "Europe/Madrid");
    }

    private Principal staff(Principal admin, String role) {
        return staff(qleven, admin, role, from);
    }

    private Principal signIn(String email) {
        return signIn(qleven, email, from);
    }

    private ClientView lucia(Principal by) {
        return create.create(by, CreateClientCommand.builder()
                .fullName("Lucía Fernández-Ruiz").phone("600 111 222").email("Lucia.Fernandez@Example.com")
                .birthDate("1990-04-12").notes("Allergic to latex.").build());
    }

    private static Map<String, String> patch(String... memberThenValue) {
        Map<String, String> patch = new HashMap<>();
        for (int i = 0; i < memberThenValue.length; i += 2) {
            patch.put(memberThenValue[i], memberThenValue[i + 1]);
        }
        return patch;
    }

    private List<ClientView> searchAll(Principal by, ClientSearch query) {
        List<ClientView> found = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<ClientView> page = search.search(by, query, new PageRequest(2, cursor));
            found.addAll(page.items());
            cursor = page.next();
        } while (cursor.isPresent());
        return found;
    }

    private List<String> actions() {
        return audit.events().stream().map(AuditEvent::action).toList();
    }

    @Test
    void aClientIsCreatedAndReadBackWithEveryFieldNormalised() {
        Center center = spain();
        ClientView created = lucia(center.admin());

        assertThat(created.fullName()).isEqualTo("Lucía Fernández-Ruiz");
        assertThat(created.phone()).contains("+34600111222");
        assertThat(created.email()).contains("lucia.fernandez@example.com");
        assertThat(created.birthDate()).contains(LocalDate.of(1990, 4, 12));
        assertThat(created.notes()).contains("Allergic to latex.");
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.createdAt()).isEqualTo(clock.instant()).isEqualTo(created.updatedAt());

        ClientView read = get.get(center.professional(), created.id());
        assertThat(read).usingRecursiveComparison().isEqualTo(created);

        assertThat(audit.events()).hasSize(2);
        AuditEvent made = audit.events().get(0);
        assertThat(made.action()).isEqualTo("client.create");
        assertThat(made.subjectType()).isEqualTo("client");
        assertThat(made.subjectId()).contains(created.id().value());
        assertThat(made.tenant()).contains(center.tenant());
        assertThat(made.actor()).contains(center.admin().userId());
        assertThat(made.rowCount()).isEqualTo(1);
        assertThat(made.purpose()).isNotBlank();
        AuditEvent readEvent = audit.events().get(1);
        assertThat(readEvent.action()).isEqualTo("client.read");
        assertThat(readEvent.actor()).contains(center.professional().userId());
        assertThat(readEvent.subjectId()).contains(created.id().value());
    }

    @Test
    void theStoreHoldsOnlyCiphertextBoundToItsPlaceAndCoarseBirthParts() {
        Center center = spain();
        ClientView created = lucia(center.admin());
        StoredClient stored = store.shared().transactions().inTenant(center.tenant(),
                () -> store.clients().clients().byId(center.tenant(), created.id())).orElseThrow();

        for (byte[] field : List.of(stored.fullName(), stored.phone(), stored.email(), stored.birthDate(),
                stored.notes())) {
            String raw = new String(field, StandardCharsets.ISO_8859_1);
            assertThat(raw).doesNotContain("Luc").doesNotContain("600111222").doesNotContain("+34")
                    .doesNotContain("example").doesNotContain("1990").doesNotContain("latex");
        }
        assertThat(stored.birthYear()).contains(1990);
        assertThat(stored.birthMonth()).contains(4);
        FieldCipher cipher = cipher(store);
        String place = "|" + center.tenant() + "|" + created.id();
        assertThat(cipher.decrypt("client|fullName" + place, stored.fullName())).isEqualTo("Lucía Fernández-Ruiz");
        assertThat(cipher.decrypt("client|notes" + place, stored.notes())).isEqualTo("Allergic to latex.");
        assertThatThrownBy(() -> cipher.decrypt("client|notes" + place, stored.fullName()))
                .as("a ciphertext moved to another field does not decrypt").isInstanceOf(RuntimeException.class);
    }

    @Test
    void phonesAreReadWithTheCentersCountry() {
        Center spain = spain();
        Center morocco = center("MA", "Africa/Casablanca");
        assertThat(create.create(spain.admin(), CreateClientCommand.builder()
                .fullName("Ana").phone("+34 600-11-12-22").build())
                .phone()).contains("+34600111222");
        assertThat(create.create(morocco.admin(), CreateClientCommand.builder()
                .fullName("Amina").phone("06 12 34 56 78").build())
                .phone()).contains("+212612345678");
        assertThat(create.create(morocco.admin(), CreateClientCommand.builder()
                .fullName("Pablo").phone("0034 600 111 222").build()).phone()).contains("+34600111222");
    }

    @Test
    void badInputNamesEveryMemberAndWritesNothing() {
        Center center = spain();
        audit.clear();
        Throwable refused = catchThrowable(() -> create.create(center.admin(),
                CreateClientCommand.builder()
                        .fullName(" ").phone("600").email("not-an-email").birthDate("2026-03-30")
                        .notes("x".repeat(10_001)).build()));

        assertThat(refused).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                .containsExactly(new FieldError("fullName", "is required"),
                        new FieldError("phone", "not a valid number for ES"),
                        new FieldError("email", "is not a valid email address"),
                        new FieldError("notes", "must be at most 10000 characters"),
                        new FieldError("birthDate", "must not be in the future")));
        assertThat(list.list(center.admin(), PageRequest.first()).items()).isEmpty();
        assertThat(actions()).containsExactly("client.list");
    }

    @Test
    void aBirthDateIsInTheFutureByTheCentersOwnDate() {
        // 23:30 UTC on 28 March is already 29 March in Madrid (UTC+1 that night).
        clock.set(Instant.parse("2026-03-28T23:30:00Z"));
        Center center = spain();
        assertThat(create.create(center.admin(), CreateClientCommand.builder()
                .fullName("Recién Nacido").birthDate("2026-03-29").build()).birthDate())
                .contains(LocalDate.of(2026, 3, 29));
        assertThatThrownBy(() -> create.create(center.admin(), CreateClientCommand.builder()
                .fullName("Bebé").birthDate("2026-03-30").build())).hasMessage("birthDate: must not be in the future");
    }

    @Test
    void aReceptionistNeverSeesNotesAndMayNotWriteThem() {
        Center center = spain();
        ClientView created = lucia(center.admin());
        Principal receptionist = center.receptionist();

        ClientView seen = get.get(receptionist, created.id());
        assertThat(seen.notesVisible()).isFalse();
        assertThat(seen.notes()).isEmpty();
        assertThat(seen.fullName()).isEqualTo(created.fullName());
        assertThat(list.list(receptionist, PageRequest.first()).items())
                .allSatisfy(c -> assertThat(c.notesVisible()).isFalse());
        assertThat(search.search(receptionist, ClientSearch.parse(null, null, "lucia"), PageRequest.first()).items())
                .singleElement().satisfies(c -> assertThat(c.notes()).isEmpty());

        int before = audit.events().size();
        assertThatThrownBy(() -> create.create(receptionist, CreateClientCommand.builder()
                .fullName("Otro").notes("Diabetic").build()))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("notes");
        for (Map<String, String> touchingNotes : List.of(patch("notes", "Pregnant"), patch("notes", null))) {
            assertThatThrownBy(() -> update.update(receptionist, new UpdateClientCommand(created.id(), touchingNotes,
                    Optional.empty()))).isInstanceOf(ForbiddenException.class).hasMessageContaining("notes");
        }
        assertThat(audit.events()).hasSize(before);
        assertThat(list.list(center.admin(), PageRequest.first()).items()).hasSize(1);

        // A receptionist's change of other members keeps the notes.
        ClientView changed = update.update(receptionist, new UpdateClientCommand(created.id(),
                patch("phone", "611 222 333"), Optional.empty()));
        assertThat(changed.notesVisible()).isFalse();
        assertThat(changed.phone()).contains("+34611222333");
        assertThat(get.get(center.professional(), created.id()).notes()).contains("Allergic to latex.");
        assertThat(get.get(center.professional(), created.id()).notesVisible()).isTrue();
    }

    @Test
    void aStaleVersionIsRefusedAndWritesNothing() {
        Center center = spain();
        ClientView v1 = lucia(center.admin());
        clock.advance(Duration.ofMinutes(3));
        ClientView v2 = update.update(center.admin(), new UpdateClientCommand(v1.id(),
                patch("fullName", "Lucía Fernández"), Optional.of(1L)));
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.updatedAt()).isEqualTo(clock.instant());
        assertThat(v2.createdAt()).isEqualTo(v1.createdAt());
        int events = audit.events().size();

        assertThatThrownBy(() -> update.update(center.professional(), new UpdateClientCommand(v1.id(),
                patch("fullName", "Someone Else", "email", null), Optional.of(1L))))
                .isInstanceOf(PreconditionFailedException.class);
        // 412 comes before anything about the body.
        assertThatThrownBy(() -> update.update(center.professional(), new UpdateClientCommand(v1.id(),
                patch("phone", "not a phone"), Optional.of(1L)))).isInstanceOf(PreconditionFailedException.class);

        assertThat(audit.events()).hasSize(events);
        ClientView now = get.get(center.admin(), v1.id());
        assertThat(now.version()).isEqualTo(2);
        assertThat(now.fullName()).isEqualTo("Lucía Fernández");
        assertThat(now.email()).contains("lucia.fernandez@example.com");
        assertThat(searchAll(center.admin(), ClientSearch.parse(null, null, "someone"))).isEmpty();
    }

    @Test
    void aMergePatchReplacesClearsAndKeepsMembers() {
        Center center = spain();
        ClientView v1 = lucia(center.admin());
        ClientView v2 = update.update(center.professional(), new UpdateClientCommand(v1.id(),
                patch("phone", null, "birthDate", "1991-05-13", "notes", "Prefers mornings."), Optional.empty()));

        assertThat(v2.phone()).isEmpty();
        assertThat(v2.birthDate()).contains(LocalDate.of(1991, 5, 13));
        assertThat(v2.notes()).contains("Prefers mornings.");
        assertThat(v2.email()).isEqualTo(v1.email());
        assertThat(v2.fullName()).isEqualTo(v1.fullName());
        assertThat(v2.version()).isEqualTo(2);
        assertThat(searchAll(center.admin(), ClientSearch.parse("600111222", null, null))).isEmpty();

        assertThatThrownBy(() -> update.update(center.admin(), new UpdateClientCommand(v1.id(),
                patch("fullName", null), Optional.empty())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("fullName", "cannot be cleared")));
        assertThatThrownBy(() -> update.update(center.admin(), new UpdateClientCommand(v1.id(),
                patch("vip", "yes"), Optional.empty())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("vip"));

        ClientView unchanged = update.update(center.admin(), new UpdateClientCommand(v1.id(),
                patch("email", "LUCIA.FERNANDEZ@example.com"), Optional.of(2L)));
        assertThat(unchanged.version()).as("a patch that changes nothing keeps the version").isEqualTo(2);
        assertThat(get.get(center.admin(), v1.id()).version()).isEqualTo(2);
    }

    @Test
    void aMergePatchAsReadFromJsonNamesEveryMemberThatIsNeitherTextNorNull() {
        Center center = spain();
        ClientView v1 = lucia(center.admin());
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("phone", null);
        typed.put("notes", "Prefers mornings.");

        ClientView v2 = update.update(center.professional(), UpdateClientCommand.parse(v1.id(), typed,
                Optional.empty()));

        assertThat(v2.phone()).isEmpty();
        assertThat(v2.notes()).contains("Prefers mornings.");
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("fullName", 42);
        bad.put("email", "ana@example.com");
        bad.put("birthDate", List.of(1990, 4, 12));
        bad.put("vip", true);
        assertThatThrownBy(() -> UpdateClientCommand.parse(v1.id(), bad, Optional.empty()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("fullName", "must be a string, or null to clear it"),
                        new FieldError("birthDate", "must be a string, or null to clear it"),
                        new FieldError("vip", "must be a string, or null to clear it")));
        assertThat(get.get(center.admin(), v1.id()).version()).isEqualTo(v2.version());
    }

    @Test
    void aRenamedClientIsFoundByItsNewNameOnly() {
        Center center = spain();
        ClientView client = lucia(center.admin());
        update.update(center.admin(), new UpdateClientCommand(client.id(), patch("fullName", "Marta Núñez"),
                Optional.empty()));

        assertThat(searchAll(center.admin(), ClientSearch.parse(null, null, "lucia"))).isEmpty();
        assertThat(searchAll(center.admin(), ClientSearch.parse(null, null, "nunez ma")))
                .extracting(ClientView::id).containsExactly(client.id());
    }

    @Test
    void searchFindsByPhoneInAnyFormByEmailInAnyCaseAndByNamePrefixes() {
        Center center = spain();
        ClientView lucia = lucia(center.admin());
        clock.advance(Duration.ofSeconds(1));
        ClientView jose = create.create(center.admin(), CreateClientCommand.builder()
                .fullName("José García O'Brien").phone("+34 611 222 333").email("jose@example.com").build());
        clock.advance(Duration.ofSeconds(1));
        ClientView sibling = create.create(center.admin(), CreateClientCommand.builder()
                .fullName("Ana García").phone("611222333").build());

        for (String typed : List.of("600111222", "600 11 12 22", "+34600111222", "0034 600 111 222")) {
            assertThat(searchAll(center.receptionist(), ClientSearch.parse(typed, null, null))).as(typed)
                    .extracting(ClientView::id).containsExactly(lucia.id());
        }
        audit.clear();
        assertThat(searchAll(center.admin(), ClientSearch.parse("611 22 23 33", null, null)))
                .extracting(ClientView::id).containsExactly(jose.id(), sibling.id());
        assertThat(audit.events()).as("each client a search shows is recorded as read")
                .extracting(AuditEvent::action, e -> e.subjectId().orElseThrow())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("client.search", jose.id().value()),
                        org.assertj.core.groups.Tuple.tuple("client.search", sibling.id().value()));
        assertThat(searchAll(center.admin(), ClientSearch.parse(null, "  LUCIA.fernandez@EXAMPLE.com ", null)))
                .extracting(ClientView::id).containsExactly(lucia.id());
        assertThat(searchAll(center.admin(), ClientSearch.parse(null, null, "garc")))
                .extracting(ClientView::id).containsExactly(jose.id(), sibling.id());
        assertThat(searchAll(center.admin(), ClientSearch.parse(null, null, "JOSÉ gar")))
                .extracting(ClientView::id).containsExactly(jose.id());
        assertThat(searchAll(center.admin(), ClientSearch.parse(null, null, "jose garcia o brien")))
                .extracting(ClientView::id).containsExactly(jose.id());
        assertThat(searchAll(center.admin(), ClientSearch.parse(null, null, "fernandez-ru")))
                .extracting(ClientView::id).containsExactly(lucia.id());
        assertThat(searchAll(center.admin(), ClientSearch.parse(null, null, "arcia"))).isEmpty();
        assertThat(searchAll(center.admin(), ClientSearch.parse("699 999 999", null, null))).isEmpty();

        AuditEvent last = audit.events().get(audit.events().size() - 1);
        assertThat(last.action()).isEqualTo("client.search");
        assertThat(last.subjectId()).isEmpty();
        assertThat(last.rowCount()).isZero();
    }

    @Test
    void aNameSearchBeyondTwelveLettersIsConfirmedOnTheWholeName() {
        Center center = spain();
        ClientView long1 = create.create(center.admin(), CreateClientCommand.builder()
                .fullName("Hubert Wolfeschlegelsteinhausen").build());
        assertThat(searchAll(center.admin(), ClientSearch.parse(null, null, "wolfeschlegelstein")))
                .extracting(ClientView::id).containsExactly(long1.id());
        // The same first twelve letters, then others: the index finds it, the name does not match.
        assertThat(searchAll(center.admin(), ClientSearch.parse(null, null, "wolfeschlegelXYZ"))).isEmpty();
    }

    @Test
    void aSearchNamesWhatIsWrongWithIt() {
        Center center = spain();
        assertThatThrownBy(() -> ClientSearch.parse(null, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("phone", "email", "name"));
        assertThatThrownBy(() -> ClientSearch.parse("600111222", null, "ana"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("phone", "name"));
        assertThatThrownBy(() -> ClientSearch.parse(null, "x' OR '1'='1", null)).hasMessageStartingWith("email:");
        assertThatThrownBy(() -> search.search(center.admin(), ClientSearch.parse("600", null, null),
                PageRequest.first())).hasMessage("phone: not a valid number for ES");
        assertThatThrownBy(() -> search.search(center.admin(), ClientSearch.parse(null, null, "a"),
                PageRequest.first())).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                .extracting(FieldError::field).containsExactly("name"));
        assertThat(audit.events()).noneMatch(e -> e.action().equals("client.search"));
    }

    @Test
    void searchesAndReadsNeverCrossCenters() {
        Center a = spain();
        Center b = spain();
        ClientView inA = lucia(a.admin());
        ClientView inB = lucia(b.admin());

        for (ClientSearch query : List.of(ClientSearch.parse("600111222", null, null),
                ClientSearch.parse(null, "lucia.fernandez@example.com", null),
                ClientSearch.parse(null, null, "lucia fer"))) {
            assertThat(searchAll(a.receptionist(), query)).extracting(ClientView::id).containsExactly(inA.id());
            assertThat(searchAll(b.admin(), query)).extracting(ClientView::id).containsExactly(inB.id());
        }
        assertThat(list.list(a.admin(), PageRequest.first()).items()).extracting(ClientView::id)
                .containsExactly(inA.id());

        Throwable foreign = catchThrowable(() -> get.get(a.admin(), inB.id()));
        Throwable missing = catchThrowable(() -> get.get(a.admin(), new ClientId(UUID.randomUUID())));
        assertThat(foreign).isInstanceOf(NotFoundException.class).hasMessage(missing.getMessage());
        assertThat(missing).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> update.update(a.admin(), new UpdateClientCommand(inB.id(), patch("fullName", "Hacked"),
                Optional.empty()))).isInstanceOf(NotFoundException.class).hasMessage(missing.getMessage());
        assertThat(get.get(b.admin(), inB.id()).fullName()).isEqualTo("Lucía Fernández-Ruiz");
    }

    @Test
    void listsPageOldestFirstAndRecordEachClientShownAsRead() {
        Center center = spain();
        List<ClientId> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            created.add(create.create(center.receptionist(), CreateClientCommand.builder()
                    .fullName("Client " + i).build()).id());
        }
        audit.clear();
        List<ClientId> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<ClientView> page = list.list(center.receptionist(), new PageRequest(2, cursor));
            page.items().forEach(c -> seen.add(c.id()));
            cursor = page.next();
        } while (cursor.isPresent());

        assertThat(seen).containsExactlyElementsOf(created);
        assertThat(audit.events()).extracting(AuditEvent::action).containsOnly("client.list");
        // Each client shown is recorded as read, so its access export lists the reader.
        assertThat(audit.events()).extracting(e -> e.subjectId().orElseThrow())
                .containsExactlyElementsOf(created.stream().map(ClientId::value).toList());
        assertThat(audit.events()).extracting(AuditEvent::rowCount).containsOnly(1);
    }

    @Test
    void operatorsActInNoCenterAndAreRefused() {
        String email = "operator-" + UUID.randomUUID() + "@example.com";
        qleven.tenancy().createOperator(new com.qleven.ports.tenancy.in.CreateOperator.CreateOperatorCommand(
                com.qleven.domain.tenancy.PersonDetails.parse("Olga Operator", email, null), PASSWORD));
        Principal operator = signIn(email);
        assertThatThrownBy(() -> create.create(operator, CreateClientCommand.builder().fullName("Ana").build()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> list.list(operator, PageRequest.first())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> search.search(operator, ClientSearch.parse(null, null, "ana"), PageRequest.first()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(audit.events()).isEmpty();
    }

    @Test
    void theFacadeRecordsClientEventsInTheCentersChainedTrail() {
        Center center = spain();
        ClientView created = qleven.clients().create(center.admin(), CreateClientCommand.builder()
                .fullName("Ana Vidal").phone("600 222 333").build());
        qleven.clients().get(center.receptionist(), created.id());
        qleven.clients().update(center.professional(), new UpdateClientCommand(created.id(),
                patch("notes", "Sensitive skin."), Optional.of(1L)));
        qleven.clients().list(center.admin(), PageRequest.first());
        qleven.clients().search(center.admin(), ClientSearch.parse("600222333", null, null), PageRequest.first());

        List<AuditEvent> events = qleven.audit().list(center.admin(), new PageRequest(50, Optional.empty()))
                .items().stream().map(com.qleven.domain.audit.AuditRecord::event).filter(e -> e.subjectType().equals("client")).toList();
        assertThat(events).extracting(AuditEvent::action)
                .containsExactly("client.search", "client.list", "client.update", "client.read", "client.create");
        assertThat(events).extracting(AuditEvent::rowCount).containsExactly(1, 1, 1, 1, 1);
        assertThat(audit.events()).as("the recording trail is not the facade's").isEmpty();
    }

    @Test
    void theBuilderNamesAMissingPhoneReader() {
        assertThatThrownBy(() -> Qleven.builder().store(store).cipher(cipher(store)).passwordHasher(hasher())
                .clock(clock).chainSigner(chainSigner()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("phoneNumbers");
    }
}

package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.application.scheduling.PublicBookingService;
import com.qleven.application.shared.MailQueue;
import com.qleven.application.shared.UuidV7Ids;
import com.qleven.domain.audit.AuditEntry;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.billing.Money;
import com.qleven.domain.clients.ClientDuplicateId;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.clients.DuplicateMatch;
import com.qleven.domain.clients.DuplicateSource;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.PageRequest;
import com.qleven.ports.clients.in.ReviewClientDuplicates;
import com.qleven.ports.privacy.in.CreatePrivacyRequestCommand;
import com.qleven.domain.consent.ConsentChannel;
import com.qleven.domain.consent.ConsentEntry;
import com.qleven.domain.scheduling.AppointmentStatus;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.RateLimitedException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.clients.in.ClientView;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.consent.in.ManageConsentPurposes.AddPurposeCommand;
import com.qleven.ports.scheduling.in.AvailabilityQuery;
import com.qleven.ports.scheduling.in.PublicBooking;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.MailMessage;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignInCommand;
import com.qleven.ports.tenancy.in.SignUp.SignUpResult;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Online booking through {@code qleven.scheduling()} against every store: the center's public page,
 * availability, a booking with its client matching, consents and manage link, the rate limits, and
 * what the manage link may do inside and outside the center's cancellation window.
 */
public abstract class PublicBookingUseCasesSuite extends UseCasesSuiteBase {
    private static final String PASSWORD = "correct horse battery";
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    /** Monday 1 March 2027, 09:00 in Madrid. */
    private static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");
    private static final String NOTICE = "We may send you reminders and offers from Clínica Sol by email.";

    private MutableClock clock;
    private QlevenStore store;
    private Qleven qleven;
    private FieldCipher cipher;
    private ClientInfo from;
    private final List<UUID> issued = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void buildCore() {
        clock = new MutableClock(NOW);
        from = clientAtAnAddressOfItsOwn("test", Optional.empty());
        store = newStore();
        cipher = cipher(store);
        UuidV7Ids uuids = new UuidV7Ids(clock);
        IdGenerator recording = () -> {
            UUID id = uuids.next();
            issued.add(id);
            return id;
        };
        qleven = core(store, cipher).clock(clock).ids(recording).signupsPerAddressPerHour(1000).build();
    }

    record Center(TenantId tenant, Principal admin, String slug, ServiceId service, UserId pro) {
    }

    private Center center() {
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        SignUpResult signedUp = qleven.tenancy().signUp(SignUpCommand.builder()
                // A name of its own: the default slug comes from the name, and other suites make "Clínica Sol"s.
                .centerName("Clínica Sol " + UUID.randomUUID().toString().substring(0, 8)).address("Calle 1").taxId("B1").country("ES").timeZone("Europe/Madrid")
                .currency("EUR").fullName("Ana Admin").email(adminEmail).password(PASSWORD).ageConfirmed(true)
                .client(from).build());
        Principal admin = qleven.tenancy().authenticate(qleven.tenancy().signIn(
                new SignInCommand(adminEmail, PASSWORD, Optional.empty(), from)).token());
        TenantId tenant = signedUp.tenantId();
        String slug = qleven.scheduling().center(admin).settings().slug();
        ServiceId service = service(tenant, true);
        List<WeeklyHours.Entry> entries = new ArrayList<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday")) {
            entries.add(new WeeklyHours.Entry(day, "09:00", "13:00"));
        }
        store.shared().transactions().inTenant(tenant, () -> store.scheduling().staffSchedules()
                .putWeekly(tenant, admin.userId(), WeeklyHours.parse(entries), NOW));
        qleven.consent().addPurpose(admin, new AddPurposeCommand("newsletter", "Newsletter", true));
        qleven.consent().publishNotice(admin, "newsletter", NOTICE);
        return new Center(tenant, admin, slug, service, admin.userId());
    }

    private ServiceId service(TenantId tenant, boolean active) {
        ServiceId id = new ServiceId(UUID.randomUUID());
        Service service = new Service(id, active ? "Limpieza facial" : "Retired", 60, 0, 0,
                new Money(4500, java.util.Currency.getInstance("EUR")), "general", false, Set.of(), Set.of(), active);
        store.shared().transactions().inTenant(tenant, () -> store.scheduling().catalogue().addService(tenant, service));
        return id;
    }

    private static Instant madrid(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), MADRID).toInstant();
    }

    private PublicBooking.Booked book(Center c, Instant start, String name, String phone, String email,
                                      List<PublicBooking.Consent> consents) {
        // Rate events are global and the stores outlive a test: each booking comes from an address of its own.
        String address = "test-" + UUID.randomUUID();
        return qleven.scheduling().bookOnline(qleven.scheduling().admitPublicBooking(c.slug(), address),
                new PublicBooking.BookCommand(c.service(), start, Optional.empty(), name, phone, email, consents,
                        address));
    }

    private PublicBooking.Booked book(Center c, Instant start) {
        return book(c, start, "Marta Ruiz", "611 222 333", "marta-" + UUID.randomUUID() + "@example.com", List.of());
    }

    private static String token(PublicBooking.Booked booked) {
        String path = booked.manageUrl().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private List<String> actions(TenantId tenant) {
        qleven.audit().seal(Optional.of(tenant));
        return store.shared().transactions().inTenant(tenant, () -> store.audit().auditLog()
                .read(Optional.of(tenant), 0, 1000)).stream().map(AuditEntry::event).map(AuditEvent::action).toList();
    }

    private ClientView client(Principal by, String phone, String email) {
        return qleven.clients().create(by, CreateClientCommand.builder().fullName("Lucía Fernández").phone(phone)
                .email(email).build());
    }

    // --- the page and availability ---------------------------------------------------------------

    @Test
    void thePageShowsActiveServicesAndTheNoticesTheCenterStores() {
        Center c = center();
        service(c.tenant(), false);
        PublicBooking.CenterPage page = qleven.scheduling().publicPage(c.slug());
        assertThat(page.name()).startsWith("Clínica Sol ");
        assertThat(page.zone()).isEqualTo(MADRID);
        assertThat(page.services()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(c.service());
            assertThat(s.durationMinutes()).isEqualTo(60);
            assertThat(s.price().amountMinor()).isEqualTo(4500);
        });
        assertThat(page.notices()).singleElement().satisfies(n -> {
            assertThat(n.purpose()).isEqualTo("newsletter");
            assertThat(n.text()).isEqualTo(NOTICE);
            assertThat(n.textVersion()).isEqualTo("1");
        });
        assertThatThrownBy(() -> qleven.scheduling().publicPage("no-such-center")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qleven.scheduling().publicPage("../x")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void publicAvailabilityIsTheStaffsForActiveServicesOnly() {
        Center c = center();
        AvailabilityQuery query = new AvailabilityQuery(c.service(), LocalDate.parse("2027-03-02"),
                LocalDate.parse("2027-03-02"), Optional.empty());
        assertThat(qleven.scheduling().publicAvailability(c.slug(), query).slots())
                .isEqualTo(qleven.scheduling().availability(c.admin(), query).slots()).hasSize(13);
        ServiceId retired = service(c.tenant(), false);
        assertThatThrownBy(() -> qleven.scheduling().publicAvailability(c.slug(), new AvailabilityQuery(retired,
                LocalDate.parse("2027-03-02"), LocalDate.parse("2027-03-02"), Optional.empty())))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> assertThat(e.field()).isEqualTo("serviceId"));
        Center other = center();
        assertThatThrownBy(() -> qleven.scheduling().publicAvailability(other.slug(), query))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> assertThat(e.field()).isEqualTo("serviceId"));
        assertThatThrownBy(() -> qleven.scheduling().publicAvailability(c.slug(), new AvailabilityQuery(c.service(),
                null, null, Optional.empty()))).isInstanceOf(ValidationException.class);
    }

    // --- booking ---------------------------------------------------------------------------------

    @Test
    void aBookingMakesANewClientRecordsTheStoredNoticeAndMailsTheManageLink() throws Exception {
        Center c = center();
        String email = "marta-" + UUID.randomUUID() + "@example.com";
        issued.clear();
        PublicBooking.Booked booked = book(c, madrid("2027-03-02T10:00"), "Marta Ruiz", "611 222 333", email,
                List.of(new PublicBooking.Consent("newsletter", "1")));
        assertThat(booked.center()).isEqualTo(c.tenant());
        assertThat(booked.possibleDuplicate()).isFalse();
        assertThat(booked.appointment().status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(booked.appointment().start()).isEqualTo(madrid("2027-03-02T10:00"));
        assertThat(booked.appointment().changeableUntil()).isEqualTo(madrid("2027-03-01T10:00"));
        assertThat(token(booked)).matches("[A-Za-z0-9_-]{43}");
        var staffView = qleven.scheduling().appointment(c.admin(), booked.appointment().id());
        var consents = qleven.consent().get(c.admin(), staffView.client());
        assertThat(consents.history()).singleElement().satisfies(entry -> {
            assertThat(entry.channel()).isEqualTo(ConsentChannel.ONLINE_BOOKING);
            assertThat(entry.purpose().code()).isEqualTo("newsletter");
            assertThat(entry.notice().textSha256()).isEqualTo(sha256(NOTICE));
            assertThat(entry.notice().version()).isEqualTo("1");
        });
        MailQueue queue = new MailQueue(store.shared().mailOutbox(), cipher, () -> UUID.randomUUID(), clock);
        List<MailMessage> mailed = store.shared().transactions().global(() -> new ArrayList<>(issued).stream()
                .flatMap(id -> store.shared().mailOutbox().byId(id).stream()).map(queue::open).toList());
        assertThat(mailed).singleElement().satisfies(m -> {
            assertThat(m.to().value()).isEqualTo(email);
            assertThat(m.text()).contains(booked.manageUrl().toString());
        });
        assertThat(actions(c.tenant())).contains("client.create_online", "appointment.book_online", "consent.record")
                .doesNotContain("appointment.possible_duplicate");
    }

    @Test
    void aBookingAttachesOnlyWhenPhoneAndEmailBothMatchOneClient() {
        Center c = center();
        String email = "lucia-" + UUID.randomUUID() + "@example.com";
        ClientView existing = client(c.admin(), "600 111 222", email);
        PublicBooking.Booked both = book(c, madrid("2027-03-02T09:00"), "Lucía F.", "+34 600 111 222",
                email.toUpperCase(java.util.Locale.ROOT), List.of());
        assertThat(qleven.scheduling().appointment(c.admin(), both.appointment().id()).client())
                .isEqualTo(existing.id());
        assertThat(both.possibleDuplicate()).isFalse();

        PublicBooking.Booked phoneOnly = book(c, madrid("2027-03-02T10:00"), "Lucía F.", "600 111 222",
                "another-" + UUID.randomUUID() + "@example.com", List.of());
        assertThat(qleven.scheduling().appointment(c.admin(), phoneOnly.appointment().id()).client())
                .isNotEqualTo(existing.id());
        assertThat(phoneOnly.possibleDuplicate()).isTrue();

        PublicBooking.Booked noEmail = book(c, madrid("2027-03-02T11:00"), "Lucía F.", "600 111 222", null,
                List.of());
        assertThat(qleven.scheduling().appointment(c.admin(), noEmail.appointment().id()).client())
                .isNotEqualTo(existing.id());
        assertThat(noEmail.possibleDuplicate()).isTrue();
        assertThat(actions(c.tenant()).stream().filter("appointment.possible_duplicate"::equals)).hasSize(2);

        // Two clients with the same phone and email: none is picked silently.
        client(c.admin(), "622 000 111", "twin@example.com");
        client(c.admin(), "622 000 111", "twin@example.com");
        PublicBooking.Booked twins = book(c, madrid("2027-03-02T12:00"), "Twin", "622 000 111", "twin@example.com",
                List.of());
        assertThat(twins.possibleDuplicate()).isTrue();
    }

    @Test
    void staffSeeEachPossibleDuplicateOfABookingAndDismissIt() {
        Center c = center();
        String email = "lucia-" + UUID.randomUUID() + "@example.com";
        ClientView byPhone = client(c.admin(), "600 111 333", "other-" + UUID.randomUUID() + "@example.com");
        ClientView byEmail = client(c.admin(), "600 999 888", email);
        ClientView byBoth = client(c.admin(), "600 111 333", email);
        ClientView twin = client(c.admin(), "600 111 333", email);
        PublicBooking.Booked booked = book(c, madrid("2027-03-02T10:00"), "Lucía F.", "600 111 333", email,
                List.of());
        ClientId made = qleven.scheduling().appointment(c.admin(), booked.appointment().id()).client();
        assertThat(booked.possibleDuplicate()).isTrue();
        assertThat(actions(c.tenant())).contains("appointment.possible_duplicate");

        var page = qleven.clients().possibleDuplicates(c.admin(), PageRequest.first());
        assertThat(page.items()).hasSize(4).allSatisfy(d -> {
            assertThat(d.client()).isEqualTo(made);
            assertThat(d.source()).isEqualTo(DuplicateSource.ONLINE_BOOKING);
            assertThat(d.appointment()).contains(booked.appointment().id().value());
            assertThat(d.flaggedAt()).isEqualTo(NOW);
        });
        java.util.Map<ClientId, DuplicateMatch> matched = new java.util.HashMap<>();
        page.items().forEach(d -> matched.put(d.otherClient(), d.matchedOn()));
        assertThat(matched).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(byPhone.id(), DuplicateMatch.PHONE,
                byEmail.id(), DuplicateMatch.EMAIL, byBoth.id(), DuplicateMatch.BOTH, twin.id(), DuplicateMatch.BOTH));
        assertThat(actions(c.tenant())).contains("client_duplicate.list");
        assertThat(qleven.clients().get(c.admin(), made).possibleDuplicateOf()).hasValueSatisfying(others ->
                assertThat(others).containsExactlyInAnyOrder(byPhone.id(), byEmail.id(), byBoth.id(), twin.id()));
        assertThat(qleven.clients().get(c.admin(), byPhone.id()).possibleDuplicateOf()).contains(List.of(made));

        // A professional neither sees nor dismisses them, and their read of a client carries none.
        Principal professional = new Principal(new UserId(UUID.randomUUID()), Optional.of(c.tenant()),
                com.qleven.domain.tenancy.Role.PROFESSIONAL, new com.qleven.domain.tenancy.SessionId(UUID.randomUUID()));
        assertThatThrownBy(() -> qleven.clients().possibleDuplicates(professional, PageRequest.first()))
                .isInstanceOf(ForbiddenException.class);
        ClientDuplicateId first = page.items().get(0).id();
        assertThatThrownBy(() -> qleven.clients().dismissPossibleDuplicate(professional, first))
                .isInstanceOf(ForbiddenException.class);

        qleven.clients().dismissPossibleDuplicate(c.admin(), first);
        qleven.clients().dismissPossibleDuplicate(c.admin(), first);
        assertThat(actions(c.tenant()).stream().filter("client_duplicate.dismiss"::equals)).hasSize(1);
        assertThat(qleven.clients().possibleDuplicates(c.admin(), PageRequest.first()).items())
                .extracting(ReviewClientDuplicates.DuplicateView::id).hasSize(3).doesNotContain(first);
        assertThatThrownBy(() -> qleven.clients().dismissPossibleDuplicate(c.admin(),
                new ClientDuplicateId(UUID.randomUUID()))).isInstanceOf(NotFoundException.class);
        Center other = center();
        assertThatThrownBy(() -> qleven.clients().dismissPossibleDuplicate(other.admin(),
                page.items().get(1).id())).isInstanceOf(NotFoundException.class);
        assertThat(qleven.clients().possibleDuplicates(other.admin(), PageRequest.first()).items()).isEmpty();

        // The erasure of the existing client takes its flags with it; the export showed them before.
        var export = qleven.privacy().export(c.admin(), twin.id());
        assertThat(export.toString()).contains("possibleDuplicates").contains("existing_client");
        var erasure = qleven.privacy().createRequest(c.admin(),
                CreatePrivacyRequestCommand.parse(twin.id().toString(), "erasure", null));
        qleven.privacy().completeRequest(c.admin(), erasure.id(), "Erased.");
        assertThat(qleven.clients().possibleDuplicates(c.admin(), PageRequest.first()).items())
                .extracting(ReviewClientDuplicates.DuplicateView::otherClient).doesNotContain(twin.id())
                .hasSize(2);
    }

    @Test
    void aRestrictedClientIsNotBookedOnlineAndNothingIsWritten() {
        Center c = center();
        String email = "lucia-" + UUID.randomUUID() + "@example.com";
        ClientView existing = client(c.admin(), "600 111 222", email);
        store.shared().transactions().inTenant(c.tenant(), () -> {
            store.clients().clientRestrictions().restrict(c.tenant(), existing.id(), Optional.empty(), null, NOW);
            return null;
        });
        assertThatThrownBy(() -> book(c, madrid("2027-03-02T10:00"), "Lucía F.", "600 111 222", email, List.of()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.details()).containsEntry("restricted", true));
        assertThat(qleven.scheduling().publicAvailability(c.slug(), new AvailabilityQuery(c.service(),
                LocalDate.parse("2027-03-02"), LocalDate.parse("2027-03-02"), Optional.empty())).slots()).hasSize(13);
    }

    @Test
    void consentsNeedANoticeTheCenterStoresAtTheVersionShown() {
        Center c = center();
        assertThatThrownBy(() -> book(c, madrid("2027-03-02T10:00"), "Marta", "611 222 333", null,
                List.of(new PublicBooking.Consent("newsletter", "1"),
                        new PublicBooking.Consent("marketing", "v1"))))
                .isInstanceOfSatisfying(UnprocessableException.class,
                        e -> assertThat(e.field()).isEqualTo("consents[1]"));
        assertThatThrownBy(() -> book(c, madrid("2027-03-02T10:00"), "Marta", "611 222 333", null,
                List.of(new PublicBooking.Consent("newsletter", "2"))))
                .isInstanceOfSatisfying(UnprocessableException.class,
                        e -> assertThat(e.field()).isEqualTo("consents[0]"));
        // Nothing was written: the slot is still free and no client was made.
        assertThat(qleven.scheduling().publicAvailability(c.slug(), new AvailabilityQuery(c.service(),
                LocalDate.parse("2027-03-02"), LocalDate.parse("2027-03-02"), Optional.empty())).slots()).hasSize(13);
        assertThat(qleven.clients().list(c.admin(), com.qleven.domain.shared.PageRequest.first()).items()).isEmpty();
    }

    @Test
    void aPublishedWhatsAppNoticeIsOfferedAcceptedAtItsLatestVersionAndRecordedWithItsExactText() throws Exception {
        Center c = center();
        String whatsapp = "Clínica Sol le enviará por WhatsApp la confirmación y el recordatorio de sus citas.";
        String whatsappSha = sha256(whatsapp);
        qleven.consent().publishNotice(c.admin(), "whatsapp", whatsapp);
        assertThat(qleven.scheduling().publicPage(c.slug()).notices())
                .extracting(PublicBooking.Notice::purpose, PublicBooking.Notice::textVersion, PublicBooking.Notice::text)
                .as("the built-in purposes first")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("whatsapp", "1", whatsapp),
                        org.assertj.core.groups.Tuple.tuple("newsletter", "1", NOTICE));

        PublicBooking.Booked booked = book(c, madrid("2027-03-02T10:00"), "Marta Ruiz", "611 222 333", null,
                List.of(new PublicBooking.Consent("whatsapp", "1")));
        var client = qleven.scheduling().appointment(c.admin(), booked.appointment().id()).client();
        assertThat(qleven.consent().get(c.admin(), client).history()).singleElement().satisfies(entry -> {
            assertThat(entry.purpose()).isEqualTo(com.qleven.domain.consent.ConsentPurpose.WHATSAPP);
            assertThat(entry.channel()).isEqualTo(ConsentChannel.ONLINE_BOOKING);
            assertThat(entry.notice().version()).isEqualTo("1");
            assertThat(entry.notice().textSha256()).isEqualTo(whatsappSha);
            assertThat(entry.recordedBy()).isEmpty();
        });
        assertThat(qleven.consent().allows(c.tenant(), client, com.qleven.domain.consent.ConsentPurpose.WHATSAPP,
                clock.instant())).isTrue();

        // A new text: the page offers version 2 and a page still showing version 1 cannot record it.
        String changed = whatsapp + " Puede responder BAJA en cualquier momento.";
        String changedSha = sha256(changed);
        qleven.consent().publishNotice(c.admin(), "whatsapp", changed);
        assertThat(qleven.scheduling().publicPage(c.slug()).notices().get(0))
                .isEqualTo(new PublicBooking.Notice("whatsapp", "2", changed));
        assertThatThrownBy(() -> book(c, madrid("2027-03-02T11:00"), "Pedro Gil", "622 333 444", null,
                List.of(new PublicBooking.Consent("newsletter", "1"), new PublicBooking.Consent("whatsapp", "1"))))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> {
                    assertThat(e.field()).isEqualTo("consents[1]");
                    assertThat(e.getMessage()).contains("version 2");
                });
        PublicBooking.Booked current = book(c, madrid("2027-03-02T11:00"), "Pedro Gil", "622 333 444", null,
                List.of(new PublicBooking.Consent("whatsapp", "2")));
        var pedro = qleven.scheduling().appointment(c.admin(), current.appointment().id()).client();
        assertThat(qleven.consent().get(c.admin(), pedro).history()).singleElement()
                .satisfies(entry -> assertThat(entry.notice().textSha256()).isEqualTo(changedSha));
    }

    @Test
    void badBookingsNameTheirField() {
        Center c = center();
        TenantId tenant = c.tenant();
        assertThatThrownBy(() -> qleven.scheduling().bookOnline(tenant, new PublicBooking.BookCommand(null, null,
                Optional.empty(), "M", null, null, List.of(), "x")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(com.qleven.domain.shared.FieldError::field)
                        .containsExactly("serviceId", "start", "phone"));
        assertThatThrownBy(() -> book(c, madrid("2027-03-02T10:05")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("start"));
        assertThatThrownBy(() -> book(c, madrid("2027-03-02T10:00"), "Marta", "not a phone", null, List.of()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("phone"));
        book(c, madrid("2027-03-02T10:00"));
        assertThatThrownBy(() -> book(c, madrid("2027-03-02T10:00"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> qleven.scheduling().admitPublicBooking("nobody-here", "test")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void attemptsAreLimitedPerAddressAndBookingsPerPhone() {
        Center c = center();
        String address = "test-" + UUID.randomUUID();
        for (int i = 0; i < PublicBookingService.Limits.DEFAULT.perAddressPerHour(); i++) {
            qleven.scheduling().admitPublicBooking(c.slug(), address);
        }
        assertThatThrownBy(() -> qleven.scheduling().admitPublicBooking(c.slug(), address))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1)));
        qleven.scheduling().admitPublicBooking(c.slug(), "test-" + UUID.randomUUID());
        for (int i = 0; i < PublicBookingService.Limits.DEFAULT.perPhonePerDay(); i++) {
            book(c, madrid("2027-03-02T09:00").plus(Duration.ofMinutes(60L * (i % 4))).plus(Duration.ofDays(i / 4)),
                    "Marta", "633 444 555", null, List.of());
        }
        assertThatThrownBy(() -> book(c, madrid("2027-03-05T09:00"), "Marta", "+34633444555", null, List.of()))
                .isInstanceOf(RateLimitedException.class);
        book(c, madrid("2027-03-05T09:00"), "Pablo", "633 444 556", null, List.of());
    }

    // --- the manage link ---------------------------------------------------------------------------

    @Test
    void theManageLinkConfirmsMovesAndCancelsBeforeTheWindow() {
        Center c = center();
        PublicBooking.Booked booked = book(c, madrid("2027-03-03T10:00"));
        String token = token(booked);
        assertThat(qleven.scheduling().managedBooking(token).serviceName()).isEqualTo("Limpieza facial");
        assertThat(qleven.scheduling().confirmManaged(token).status()).isEqualTo(AppointmentStatus.CONFIRMED);
        PublicBooking.ManagedAppointment moved = qleven.scheduling().rescheduleManaged(token,
                madrid("2027-03-03T11:00"));
        assertThat(moved.start()).isEqualTo(madrid("2027-03-03T11:00"));
        assertThat(moved.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThatThrownBy(() -> qleven.scheduling().rescheduleManaged(token, null))
                .isInstanceOf(ValidationException.class);
        assertThat(qleven.scheduling().cancelManaged(token, null).status()).isEqualTo(AppointmentStatus.CANCELLED);
        // A cancelled appointment's link still reads, but acts no more.
        assertThat(qleven.scheduling().managedBooking(token).status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThatThrownBy(() -> qleven.scheduling().confirmManaged(token)).isInstanceOf(ConflictException.class);
        assertThat(actions(c.tenant())).contains("appointment.confirm_online", "appointment.reschedule_online",
                "appointment.cancel_online");
    }

    @Test
    void insideTheWindowTheLinkRefusesWithChangeableUntil() {
        Center c = center();
        PublicBooking.Booked booked = book(c, madrid("2027-03-02T10:00"));
        String token = token(booked);
        clock.set(madrid("2027-03-01T10:00").plusSeconds(1));
        assertThatThrownBy(() -> qleven.scheduling().cancelManaged(token, "ill"))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.details())
                        .containsEntry("changeableUntil", madrid("2027-03-01T10:00").toString()));
        assertThatThrownBy(() -> qleven.scheduling().rescheduleManaged(token, madrid("2027-03-02T12:00")))
                .isInstanceOf(ConflictException.class);
        assertThat(qleven.scheduling().confirmManaged(token).status()).isEqualTo(AppointmentStatus.CONFIRMED);
    }

    @Test
    void anUnknownOrExpiredLinkIsNotFound() {
        Center c = center();
        PublicBooking.Booked booked = book(c, madrid("2027-03-02T10:00"));
        String token = token(booked);
        assertThatThrownBy(() -> qleven.scheduling().managedBooking("A".repeat(43)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qleven.scheduling().managedBooking("short")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qleven.scheduling().managedBooking(null)).isInstanceOf(NotFoundException.class);
        clock.set(booked.appointment().end().plusSeconds(1));
        assertThatThrownBy(() -> qleven.scheduling().managedBooking(token)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qleven.scheduling().cancelManaged(token, null)).isInstanceOf(NotFoundException.class);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}

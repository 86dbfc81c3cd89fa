package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.application.billing.TaxRatesService;
import com.qleven.application.scheduling.CatalogueService;
import com.qleven.application.scheduling.CenterSettingsService;
import com.qleven.application.scheduling.StaffSchedulesService;
import com.qleven.application.shared.UuidV7Ids;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.billing.TaxRate;
import com.qleven.domain.scheduling.Equipment;
import com.qleven.domain.scheduling.EquipmentStatus;
import com.qleven.domain.scheduling.TimeWindow;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.PreconditionFailedException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.TimeRange;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.billing.in.TaxRateView;
import com.qleven.ports.scheduling.in.CenterView;
import com.qleven.ports.scheduling.in.EquipmentStatusChanged;
import com.qleven.ports.scheduling.in.ServiceView;
import com.qleven.ports.scheduling.in.TimeOffView;
import com.qleven.ports.scheduling.out.StoredTimeOff;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.tenancy.in.AddUserCommand;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignUp.SignUpResult;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import com.qleven.ports.testing.RecordingAuditTrail;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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
 * Issue 9, first slice, against every store: the center's scheduling settings and their defaults,
 * tax rates seeded from the country, the catalogue's rules (offered rates, members, currency, tags)
 * and staff schedules with sealed time-off reasons, each role refused or allowed as the permission
 * table says, each change on the audit trail.
 */
public abstract class SchedulingCatalogueUseCasesSuite extends UseCasesSuiteBase {
    private static final String PASSWORD = "correct horse battery";

    private MutableClock clock;
    private QlevenStore store;
    private Qleven qleven;
    private RecordingAuditTrail audit;
    private CenterSettingsService settings;
    private TaxRatesService taxRates;
    private CatalogueService catalogue;
    private StaffSchedulesService staff;
    private List<EquipmentStatusChanged> statusEvents;
    private ClientInfo from;

    @BeforeEach
    void buildCore() {
        clock = new MutableClock(Instant.parse("2026-03-29T08:00:00Z"));
        from = clientAtAnAddressOfItsOwn("test", Optional.empty());
        store = newStore();
        FieldCipher cipher = cipher(store);
        qleven = core(store, cipher).clock(clock).signupsPerAddressPerHour(1000).build();
        audit = new RecordingAuditTrail();
        UuidV7Ids ids = new UuidV7Ids(clock);
        statusEvents = new ArrayList<>();
        var tx = store.shared().transactions();
        settings = new CenterSettingsService(tx, store.tenancy().centers(), store.scheduling().settings(), audit, clock);
        taxRates = new TaxRatesService(tx, store.tenancy().centers(), store.billing().taxRates(), audit, clock);
        catalogue = new CatalogueService(tx, store.tenancy().centers(), store.tenancy().memberships(),
                store.scheduling().catalogue(), taxRates, audit, clock, ids, statusEvents::add);
        staff = new StaffSchedulesService(tx, store.tenancy().memberships(), store.scheduling().staffSchedules(),
                cipher, audit, clock, ids);
    }

    record Center(TenantId tenant, Principal admin, Principal professional, Principal receptionist) {
    }

    private Center center(String name, String country, String zone, String currency) {
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        SignUpResult signedUp = qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName(name).address("Calle 1").taxId("B1").country(country).timeZone(zone).currency(currency)
                .fullName("Ana Admin").email(adminEmail).password(PASSWORD).ageConfirmed(true).client(from).build());
        Principal admin = signIn(adminEmail);
        return new Center(signedUp.tenantId(), admin, staffMember(admin, "professional"),
                staffMember(admin, "receptionist"));
    }

    private Center spain() {
        return center("Clínica Sol " + UUID.randomUUID().toString().substring(0, 6), "ES", "Europe/Madrid", "EUR");
    }

    private Principal staffMember(Principal admin, String role) {
        String email = role + "-" + UUID.randomUUID() + "@example.com";
        qleven.tenancy().addUser(admin, AddUserCommand.builder()
                .fullName("Staff " + role).email(email).role(role).password(PASSWORD).ageConfirmed(true).build());
        return signIn(email);
    }

    private Principal signIn(String email) {
        return signIn(qleven, email, from);
    }

    private static Map<String, Object> serviceBody(Object... memberThenValue) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Facial");
        body.put("durationMinutes", 45);
        body.put("price", Map.of("amountMinor", 4500L, "currency", "EUR"));
        body.put("taxRate", "21");
        for (int i = 0; i < memberThenValue.length; i += 2) {
            body.put((String) memberThenValue[i], memberThenValue[i + 1]);
        }
        return body;
    }

    private static List<String> fields(Throwable e) {
        return ((ValidationException) e).errors().stream().map(FieldError::field).toList();
    }

    private List<String> actions() {
        return audit.events().stream().map(AuditEvent::action).toList();
    }

    // Settings ------------------------------------------------------------------------------------

    @Test
    void aNewCenterReadsTheDefaultsWithAUniqueSlugFromItsName() {
        String name = "Estética Luz " + UUID.randomUUID().toString().substring(0, 6);
        Center first = center(name, "ES", "Europe/Madrid", "EUR");
        Center second = center(name, "MA", "Africa/Casablanca", "MAD");

        CenterView a = settings.get(first.receptionist());
        CenterView b = settings.get(second.admin());

        assertThat(a.settings().slug()).startsWith("estetica-luz-");
        assertThat(b.settings().slug()).isEqualTo(a.settings().slug() + "-2");
        assertThat(a.settings().locale().toLanguageTag()).isEqualTo("es-ES");
        assertThat(b.settings().locale().toLanguageTag()).isEqualTo("fr-MA");
        assertThat(a.settings().slotMinutes()).isEqualTo(15);
        assertThat(a.settings().cancellationWindowHours()).isEqualTo(24);
        assertThat(a.settings().openingHours().weekly().isEmpty()).isTrue();
        assertThat(a.profile().name()).isEqualTo(name);
        // Claimed when first read: the public slug finds the center, and reads stay the same.
        assertThat(store.shared().transactions().global(() -> store.scheduling().settings()
                .centerBySlug(a.settings().slug()))).contains(first.tenant());
        assertThat(settings.get(first.admin()).settings()).isEqualTo(a.settings());
    }

    @Test
    void administratorsPatchTheSettingsAndOnlyThem() {
        Center c = spain();
        Map<String, Object> patch = new HashMap<>();
        patch.put("slotMinutes", 30);
        patch.put("openingHours", Map.of("weekly", List.of(Map.of("day", "monday", "start", "09:00", "end", "20:00")),
                "closedDays", List.of("2026-12-25")));
        CenterView changed = settings.update(c.admin(), patch);

        assertThat(changed.settings().slotMinutes()).isEqualTo(30);
        assertThat(changed.settings().openingHours().isClosed(LocalDate.parse("2026-12-25"))).isTrue();
        assertThat(changed.settings().openingHours().windowsOn(LocalDate.parse("2026-03-30")))
                .containsExactly(new TimeWindow(LocalTime.of(9, 0), LocalTime.of(20, 0)));
        assertThat(settings.get(c.professional()).settings()).isEqualTo(changed.settings());
        assertThat(actions()).contains("center.settings_update");
        // Only closedDays named: the weekly hours stay.
        CenterView again = settings.update(c.admin(), Map.of("openingHours", Map.of("closedDays", List.of())));
        assertThat(again.settings().openingHours().weekly()).isEqualTo(changed.settings().openingHours().weekly());
        assertThat(again.settings().openingHours().closedDays()).isEmpty();

        assertThatThrownBy(() -> settings.update(c.receptionist(), Map.of("slotMinutes", 30)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> settings.update(c.professional(), Map.of("slotMinutes", 30)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void badSettingsNameTheirFieldsAndWriteNothing() {
        Center c = spain();
        CenterView before = settings.get(c.admin());
        Map<String, Object> patch = new LinkedHashMap<>();
        patch.put("slotMinutes", 7);
        patch.put("cancellationWindowHours", "24");
        patch.put("locale", "not a tag");
        patch.put("openingHours", Map.of("weekly", List.of(Map.of("day", "funday", "start", "09:00", "end", "08:00"))));
        assertThat(fields(catchThrowableOfType(() -> settings.update(c.admin(), patch), ValidationException.class)))
                .contains("slotMinutes", "cancellationWindowHours", "locale", "openingHours.weekly[0].day");
        assertThat(fields(catchThrowableOfType(() -> settings.update(c.admin(), Map.of("name", "Other")),
                ValidationException.class))).containsExactly("name");
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("slug", null);
        assertThat(fields(catchThrowableOfType(() -> settings.update(c.admin(), cleared), ValidationException.class)))
                .containsExactly("slug");
        assertThat(settings.get(c.admin()).settings()).isEqualTo(before.settings());
    }

    @Test
    void aSlugAnotherCenterHoldsIsAConflictNamingSlug() {
        Center a = spain();
        Center b = spain();
        String taken = settings.get(a.admin()).settings().slug();
        ConflictException e = catchThrowableOfType(() -> settings.update(b.admin(), Map.of("slug", taken)),
                ConflictException.class);
        assertThat(e.details()).containsEntry("field", "slug");
        String mine = "own-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(settings.update(b.admin(), Map.of("slug", mine)).settings().slug()).isEqualTo(mine);
    }

    // Tax rates -----------------------------------------------------------------------------------

    @Test
    void ratesAreSeededFromTheCountryTheFirstTimeTheyAreNeeded() {
        assertThat(taxRates.list(spain().receptionist(), false)).extracting(r -> r.rate().code())
                .containsExactlyInAnyOrder("21", "10", "4", "exempt");
        Center morocco = center("Centre Atlas", "MA", "Africa/Casablanca", "MAD");
        assertThat(taxRates.list(morocco.admin(), false)).extracting(r -> r.rate().code())
                .containsExactlyInAnyOrder("20", "14", "10", "7", "exempt");
        Center france = center("Institut", "FR", "Europe/Paris", "EUR");
        // Adding a rate first still seeds the country's: the added one joins them.
        taxRates.add(france.admin(), TaxRate.parse("5.5", "TVA réduite", "5.5", false, null));
        assertThat(taxRates.list(france.professional(), false)).extracting(r -> r.rate().code())
                .containsExactlyInAnyOrder("exempt", "5.5");
        TaxRateView exempt = taxRates.list(france.admin(), false).stream()
                .filter(r -> r.rate().exempt()).findFirst().orElseThrow();
        assertThat(exempt.rate().legalMention()).isNotBlank();
    }

    @Test
    void administratorsAddAndRetireRatesAndARetiredRateIsOfferedToNoNewService() {
        Center c = spain();
        TaxRateView added = taxRates.add(c.admin(), TaxRate.parse("21-old", "IVA anterior", "18", false, null));
        assertThat(added.rate().rateText()).isEqualTo("18");
        assertThat(catchThrowableOfType(() -> taxRates.add(c.admin(), TaxRate.parse("21", "Again", "21", false,
                null)), ConflictException.class).details()).containsEntry("field", "code");
        assertThatThrownBy(() -> taxRates.add(c.receptionist(), TaxRate.parse("x", "X", "1", false, null)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> taxRates.retire(c.professional(), "21")).isInstanceOf(ForbiddenException.class);

        TaxRateView retired = taxRates.retire(c.admin(), "10");
        assertThat(retired.retired()).isTrue();
        assertThatThrownBy(() -> taxRates.retire(c.admin(), "10")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> taxRates.retire(c.admin(), "nope")).isInstanceOf(NotFoundException.class);
        assertThat(taxRates.list(c.admin(), false)).extracting(r -> r.rate().code()).doesNotContain("10");
        assertThat(taxRates.list(c.admin(), true)).extracting(r -> r.rate().code()).contains("10");
        assertThat(catchThrowableOfType(() -> catalogue.createService(c.admin(), serviceBody("taxRate", "10")),
                UnprocessableException.class).field()).isEqualTo("taxRate");
        assertThat(actions()).contains("tax_rate.create", "tax_rate.retire");
    }

    @Test
    void aBadRateNamesItsField() {
        assertThat(fields(catchThrowableOfType(() -> TaxRate.parse("Bad Code", "", "1e2", false, null),
                ValidationException.class))).contains("code", "name", "rate");
        assertThat(fields(catchThrowableOfType(() -> TaxRate.parse("ex", "Ex", "5", true, null),
                ValidationException.class))).contains("rate", "legalMention");
    }

    // Catalogue -----------------------------------------------------------------------------------

    @Test
    void anEmbedderBuildsAServiceByNameAndChangesOnlyWhatItNames() {
        Center c = spain();
        java.util.UUID own = c.professional().userId().value();
        ServiceView created = qleven.scheduling().createService(c.admin(),
                com.qleven.ports.scheduling.in.ServiceCommand.builder()
                        .name("Láser diodo").durationMinutes(30).bufferBeforeMinutes(5).bufferAfterMinutes(10)
                        .price(6000, "EUR").taxRate("21").roomRequired(true).equipmentKinds(List.of("laser"))
                        .professionalIds(List.of(own))
                        .build());
        assertThat(created.service().name()).isEqualTo("Láser diodo");
        assertThat(created.service().professionalIds()).containsExactly(c.professional().userId());

        ServiceView changed = qleven.scheduling().updateService(c.admin(), created.service().id(),
                com.qleven.ports.scheduling.in.ServiceCommand.builder().durationMinutes(45).build(), Optional.empty());
        assertThat(changed.service().name()).isEqualTo("Láser diodo");
        assertThat(changed.service().professionalIds()).containsExactly(c.professional().userId());
        assertThat(changed).isNotEqualTo(created);

        // The builder checks nothing; the use case names every bad member as the HTTP body would.
        assertThat(fields(catchThrowable(() -> qleven.scheduling().createService(c.admin(),
                com.qleven.ports.scheduling.in.ServiceCommand.builder().durationMinutes(0).build()))))
                .contains("name", "durationMinutes", "price", "taxRate");
    }

    @Test
    void aServiceNamesAnOfferedRateMembersOfTheCenterAndTheCentersCurrency() {
        Center c = spain();
        Center other = spain();
        String own = c.professional().userId().value().toString();
        ServiceView created = catalogue.createService(c.admin(), serviceBody("professionalIds", List.of(own),
                "equipmentKinds", List.of("Laser"), "roomRequired", true, "bufferAfterMinutes", 10));
        assertThat(created.service().professionalIds()).containsExactly(c.professional().userId());
        assertThat(created.service().equipmentKinds()).containsExactly("laser");
        assertThat(catalogue.service(c.receptionist(), created.service().id())).isEqualTo(created);
        assertThat(catalogue.services(c.professional())).contains(created);
        assertThat(actions()).contains("service.create");

        String theirs = other.professional().userId().value().toString();
        assertThat(catchThrowableOfType(() -> catalogue.createService(c.admin(), serviceBody("professionalIds",
                List.of(own, theirs))), UnprocessableException.class).field()).isEqualTo("professionalIds[1]");
        assertThat(catchThrowableOfType(() -> catalogue.createService(c.admin(), serviceBody("taxRate", "7")),
                UnprocessableException.class).field()).isEqualTo("taxRate");
        assertThat(catchThrowableOfType(() -> catalogue.createService(c.admin(), serviceBody("price",
                Map.of("amountMinor", 100, "currency", "MAD"))), UnprocessableException.class).field())
                .isEqualTo("price.currency");
        assertThatThrownBy(() -> catalogue.createService(c.receptionist(), serviceBody()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> catalogue.service(other.admin(), created.service().id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(catalogue.services(c.admin())).hasSize(1);
    }

    @Test
    void badServicesNameEveryField() {
        Center c = spain();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("durationMinutes", 0);
        body.put("bufferBeforeMinutes", 1.5);
        body.put("price", Map.of("amountMinor", -1, "currency", "EUR"));
        body.put("equipmentKinds", List.of("laser", "LASER"));
        body.put("professionalIds", List.of("not-a-uuid"));
        body.put("colour", "red");
        assertThat(fields(catchThrowableOfType(() -> catalogue.createService(c.admin(), body),
                ValidationException.class))).contains("name", "durationMinutes", "bufferBeforeMinutes",
                "price.amountMinor", "taxRate", "equipmentKinds[1]", "professionalIds[0]", "colour");
        assertThat(catalogue.services(c.admin())).isEmpty();
    }

    @Test
    void aServiceChangesByMergePatchAndAStaleTagChangesNothing() {
        Center c = spain();
        ServiceView created = catalogue.createService(c.admin(), serviceBody());
        ServiceView renamed = catalogue.updateService(c.admin(), created.service().id(),
                Map.of("name", "Deep facial", "active", false), Optional.of(created.tag()));
        assertThat(renamed.service().name()).isEqualTo("Deep facial");
        assertThat(renamed.service().active()).isFalse();
        assertThat(renamed.service().durationMinutes()).isEqualTo(45);
        assertThat(renamed.tag()).isNotEqualTo(created.tag());
        assertThatThrownBy(() -> catalogue.updateService(c.admin(), created.service().id(),
                Map.of("name", "Stale"), Optional.of(created.tag()))).isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> catalogue.updateService(c.professional(), created.service().id(),
                Map.of("name", "Mine"), Optional.empty())).isInstanceOf(ForbiddenException.class);
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("professionalIds", null);
        cleared.put("bufferAfterMinutes", null);
        assertThat(catalogue.updateService(c.admin(), created.service().id(), cleared, Optional.empty())
                .service().professionalIds()).isEmpty();
        assertThat(catalogue.service(c.admin(), created.service().id()).service().name()).isEqualTo("Deep facial");
        assertThat(actions()).contains("service.update");
    }

    @Test
    void roomsAndEquipmentAndAMachineInMaintenanceIsRaisedAndAudited() {
        Center c = spain();
        catalogue.createRoom(c.admin(), "Cabina 1");
        Equipment laser = catalogue.createEquipment(c.admin(), "Laser 2", "Laser");
        assertThat(laser.kind()).isEqualTo("laser");
        assertThat(laser.status()).isEqualTo(EquipmentStatus.AVAILABLE);
        assertThat(catalogue.rooms(c.receptionist())).extracting(r -> r.name()).containsExactly("Cabina 1");
        assertThatThrownBy(() -> catalogue.createRoom(c.receptionist(), "Cabina 2"))
                .isInstanceOf(ForbiddenException.class);

        audit.clear();
        Equipment down = catalogue.setEquipmentStatus(c.professional(), laser.id(), EquipmentStatus.MAINTENANCE);
        assertThat(down.status()).isEqualTo(EquipmentStatus.MAINTENANCE);
        assertThat(catalogue.equipment(c.admin())).containsExactly(down);
        assertThat(statusEvents).singleElement().satisfies(e -> {
            assertThat(e.wentIntoMaintenance()).isTrue();
            assertThat(e.equipment()).isEqualTo(laser.id());
            assertThat(e.by()).contains(c.professional().userId());
        });
        assertThat(actions()).containsExactly("equipment.maintenance");
        // The same status again changes nothing and raises nothing.
        catalogue.setEquipmentStatus(c.admin(), laser.id(), EquipmentStatus.MAINTENANCE);
        assertThat(statusEvents).hasSize(1);
        assertThatThrownBy(() -> catalogue.setEquipmentStatus(spain().admin(), laser.id(), EquipmentStatus.AVAILABLE))
                .isInstanceOf(NotFoundException.class);
    }

    // Staff schedules -----------------------------------------------------------------------------

    @Test
    void professionalsSetTheirOwnHoursAndAdministratorsAndReceptionistsAnyones() {
        Center c = spain();
        UserId professional = c.professional().userId();
        List<WeeklyHours.Entry> hours = List.of(new WeeklyHours.Entry("monday", "09:00", "13:00"),
                new WeeklyHours.Entry("monday", "14:00", "18:00"));
        assertThat(staff.putWeekly(c.professional(), professional, hours).weekly()).hasSize(2);
        assertThat(staff.weekly(c.receptionist(), professional).windowsOn(java.time.DayOfWeek.MONDAY)).hasSize(2);
        staff.putWeekly(c.receptionist(), professional, List.of(new WeeklyHours.Entry("friday", "10:00", "12:00")));
        staff.putWeekly(c.admin(), c.receptionist().userId(), hours);
        assertThat(staff.weekly(c.admin(), professional).windowsOn(java.time.DayOfWeek.FRIDAY)).hasSize(1);
        assertThatThrownBy(() -> staff.putWeekly(c.professional(), c.admin().userId(), hours))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> staff.putWeekly(c.admin(), spain().professional().userId(), hours))
                .isInstanceOf(NotFoundException.class);
        assertThat(fields(catchThrowableOfType(() -> staff.putWeekly(c.admin(), professional, List.of(
                new WeeklyHours.Entry("monday", "09:00", "13:00"), new WeeklyHours.Entry("monday", "12:00", "15:00"),
                new WeeklyHours.Entry("someday", "25:00", "10:00"))), ValidationException.class)))
                .contains("weekly[2].day", "weekly[2].start");
        assertThat(actions()).contains("staff.working_hours_set");
        // An exception of one date replaces the weekday's hours.
        staff.putException(c.admin(), professional, LocalDate.parse("2026-04-03"), List.of());
        assertThat(store.shared().transactions().inTenant(c.tenant(), () -> store.scheduling().staffSchedules()
                .schedules(c.tenant(), Optional.of(List.of(professional)), LocalDate.parse("2026-04-03"),
                        LocalDate.parse("2026-04-03"), new TimeRange(Instant.parse("2026-04-02T22:00:00Z"),
                                Instant.parse("2026-04-03T22:00:00Z"))).get(professional).exceptions()))
                .singleElement().satisfies(e -> assertThat(e.windows()).isEmpty());
    }

    @Test
    void aTimeOffReasonIsSealedAndShownOnlyToTheMemberAndAdministrators() {
        Center c = spain();
        UserId professional = c.professional().userId();
        Instant start = Instant.parse("2026-04-06T07:00:00Z");
        TimeOffView added = staff.addTimeOff(c.receptionist(), professional, start, start.plusSeconds(4 * 3600),
                "Surgery follow-up");
        assertThat(added.reason()).isEmpty();
        assertThat(actions()).contains("staff.time_off_add");

        StoredTimeOff stored = store.shared().transactions().inTenant(c.tenant(), () -> store.scheduling()
                .staffSchedules().timeOff(c.tenant(), professional, new TimeRange(start, start.plusSeconds(60))))
                .get(0);
        assertThat(new String(stored.sealedReason(), StandardCharsets.ISO_8859_1)).doesNotContain("Surgery");

        Optional<LocalDate> from = Optional.of(LocalDate.parse("2026-04-01"));
        Optional<LocalDate> to = Optional.of(LocalDate.parse("2026-04-30"));
        assertThat(staff.timeOff(c.professional(), professional, from, to)).singleElement()
                .satisfies(t -> assertThat(t.reason()).contains("Surgery follow-up"));
        assertThat(staff.timeOff(c.admin(), professional, from, to)).singleElement()
                .satisfies(t -> assertThat(t.reason()).contains("Surgery follow-up"));
        assertThat(staff.timeOff(c.receptionist(), professional, from, to)).singleElement()
                .satisfies(t -> assertThat(t.reason()).isEmpty());
        assertThat(staff.timeOff(c.admin(), professional, Optional.of(LocalDate.parse("2026-05-01")), Optional.empty()))
                .isEmpty();
        // By default from today (the clock's 2026-03-29) a year on.
        assertThat(staff.timeOff(c.admin(), professional, Optional.empty(), Optional.empty())).hasSize(1);

        assertThatThrownBy(() -> staff.addTimeOff(c.professional(), c.receptionist().userId(), start,
                start.plusSeconds(60), "x")).isInstanceOf(ForbiddenException.class);
        assertThat(fields(catchThrowableOfType(() -> staff.addTimeOff(c.admin(), professional, start, start, " "),
                ValidationException.class))).contains("end", "reason");
        assertThat(fields(catchThrowableOfType(() -> staff.timeOff(c.admin(), professional, to, from),
                ValidationException.class))).containsExactly("to");
        assertThatThrownBy(() -> staff.timeOff(spain().admin(), professional, from, to))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theFacadeWiresTheSameVerbs() {
        Center c = spain();
        assertThat(qleven.billing().taxRates(c.admin(), false)).isNotEmpty();
        ServiceView service = qleven.scheduling().createService(c.admin(), serviceBody("taxRate", "exempt"));
        assertThat(qleven.scheduling().services(c.receptionist())).contains(service);
        assertThat(qleven.scheduling().center(c.admin()).settings().slotMinutes()).isEqualTo(15);
        assertThat(store.shared().transactions().inTenant(c.tenant(), () -> qleven.scheduling().settingsOf(c.tenant())))
                .isEqualTo(qleven.scheduling().center(c.receptionist()).settings());
    }
}

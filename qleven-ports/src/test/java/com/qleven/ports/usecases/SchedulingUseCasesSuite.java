package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.application.shared.MailQueue;
import com.qleven.application.shared.UuidV7Ids;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.billing.Money;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.AppointmentStatus;
import com.qleven.domain.scheduling.Equipment;
import com.qleven.domain.scheduling.EquipmentId;
import com.qleven.domain.scheduling.EquipmentStatus;
import com.qleven.domain.scheduling.Room;
import com.qleven.domain.scheduling.RoomId;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.scheduling.WaitlistStatus;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.domain.audit.AuditEntry;
import com.qleven.ports.clients.in.ClientView;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.scheduling.in.AppointmentListQuery;
import com.qleven.ports.scheduling.in.AppointmentView;
import com.qleven.ports.scheduling.in.AvailabilityQuery;
import com.qleven.ports.scheduling.in.AvailabilityView;
import com.qleven.ports.scheduling.in.BookAppointmentCommand;
import com.qleven.ports.scheduling.in.BookSeriesCommand;
import com.qleven.ports.scheduling.in.RescheduleCommand;
import com.qleven.ports.scheduling.in.WaitlistCommand;
import com.qleven.ports.scheduling.in.WaitlistView;
import com.qleven.ports.scheduling.out.StoredAppointment;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.MailMessage;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignUp.SignUpResult;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduling use cases against every store (in memory and PostgreSQL), through
 * {@code qleven.scheduling()}: availability, booking, the lifecycle, series, the waitlist and the
 * privacy registry, with the daylight-saving nights of Europe/Madrid. Catalogue and schedules are
 * set up through the store's repositories.
 */
public abstract class SchedulingUseCasesSuite extends UseCasesSuiteBase {
    private static final String PASSWORD = "correct horse battery";
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    /** Monday 1 March 2027, 09:00 in Madrid. */
    private static final Instant NOW = Instant.parse("2027-03-01T08:00:00Z");

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

    /** A center, its staff signed in, a client, and a 60-minute service any professional performs. */
    record Center(TenantId tenant, Principal admin, Principal professional, Principal receptionist,
                  Principal otherProfessional, ClientId client, ServiceId service) {
        UserId pro() {
            return professional.userId();
        }
    }

    private Center center() {
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        SignUpResult signedUp = qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica Sol").address("Calle 1").taxId("B1").country("ES").timeZone("Europe/Madrid")
                .currency("EUR").fullName("Ana Admin").email(adminEmail).password(PASSWORD).ageConfirmed(true)
                .client(from).build());
        Principal admin = signIn(adminEmail);
        Principal professional = staff(admin, "professional");
        Principal other = staff(admin, "professional");
        ClientView client = client(admin, "Lucía Fernández", "lucia-" + UUID.randomUUID() + "@example.com");
        TenantId tenant = signedUp.tenantId();
        ServiceId service = service(tenant, 60, 0, 0, false, Set.of(), Set.of());
        // Both professionals work Monday to Saturday, 09:00–13:00 and 15:00–19:00.
        hours(tenant, professional.userId(), "09:00", "13:00", "15:00", "19:00");
        hours(tenant, other.userId(), "09:00", "13:00", "15:00", "19:00");
        return new Center(tenant, admin, professional, staff(admin, "receptionist"), other, client.id(), service);
    }

    private Principal staff(Principal admin, String role) {
        return staff(qleven, admin, role, from);
    }

    private Principal signIn(String email) {
        return signIn(qleven, email, from);
    }

    private ClientView client(Principal by, String name, String email) {
        return qleven.clients().create(by, CreateClientCommand.builder().fullName(name).phone("600 111 222")
                .email(email).build());
    }

    private ServiceId service(TenantId tenant, int minutes, int before, int after, boolean room, Set<String> kinds,
                              Set<UserId> professionals) {
        ServiceId id = new ServiceId(UUID.randomUUID());
        Service service = new Service(id, "Limpieza facial", minutes, before, after,
                new Money(4500, java.util.Currency.getInstance("EUR")), "21", room, kinds, professionals, true);
        inTenant(tenant, () -> store.scheduling().catalogue().addService(tenant, service));
        return id;
    }

    private void hours(TenantId tenant, UserId member, String... startsAndEnds) {
        List<WeeklyHours.Entry> entries = new ArrayList<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            for (int i = 0; i < startsAndEnds.length; i += 2) {
                if (!day.equals("sunday")) {
                    entries.add(new WeeklyHours.Entry(day, startsAndEnds[i], startsAndEnds[i + 1]));
                }
            }
        }
        inTenant(tenant, () -> store.scheduling().staffSchedules().putWeekly(tenant, member,
                WeeklyHours.parse(entries), NOW));
    }

    private void inTenant(TenantId tenant, Runnable work) {
        store.shared().transactions().inTenant(tenant, () -> {
            work.run();
            return null;
        });
    }

    private static Instant madrid(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), MADRID).toInstant();
    }

    private AvailabilityView search(Principal by, ServiceId service, String fromDay, String toDay,
                                    Optional<UserId> professional) {
        return qleven.scheduling().availability(by, new AvailabilityQuery(service, LocalDate.parse(fromDay),
                LocalDate.parse(toDay), professional));
    }

    private AppointmentView book(Center c, Principal by, Instant start, Optional<UserId> professional) {
        return qleven.scheduling().book(by, new BookAppointmentCommand(c.client(), c.service(), start, professional));
    }

    private List<AuditEvent> events(TenantId tenant) {
        qleven.audit().seal(Optional.of(tenant));
        return store.shared().transactions().inTenant(tenant, () -> store.audit().auditLog()
                .read(Optional.of(tenant), 0, 1000)).stream().map(AuditEntry::event).toList();
    }

    private List<String> actions(TenantId tenant) {
        return events(tenant).stream().map(AuditEvent::action).toList();
    }

    private static List<String> fields(Throwable e) {
        return ((ValidationException) e).errors().stream().map(FieldError::field).toList();
    }

    // --- availability ---------------------------------------------------------------------------

    @Test
    void availabilityOffersEveryGridStartInsideTheHoursOfEachProfessional() {
        Center c = center();
        AvailabilityView found = search(c.receptionist(), c.service(), "2027-03-02", "2027-03-02", Optional.empty());
        assertThat(found.zone()).isEqualTo(MADRID);
        // 09:00–12:00 and 15:00–18:00 by quarter hours: 13 + 13 starts, for each of two professionals.
        assertThat(found.slots()).hasSize(52);
        assertThat(found.slots()).allSatisfy(s -> assertThat(Duration.between(s.start(), s.end()))
                .isEqualTo(Duration.ofMinutes(60)));
        assertThat(found.slots().get(0).start()).isEqualTo(madrid("2027-03-02T09:00"));
        AvailabilityView one = search(c.professional(), c.service(), "2027-03-02", "2027-03-02",
                Optional.of(c.pro()));
        assertThat(one.slots()).hasSize(26).allSatisfy(s -> assertThat(s.professional()).isEqualTo(c.pro()));
    }

    @Test
    void aBookingTakesItsSlotOutOfAvailability() {
        Center c = center();
        book(c, c.receptionist(), madrid("2027-03-02T10:00"), Optional.of(c.pro()));
        AvailabilityView found = search(c.admin(), c.service(), "2027-03-02", "2027-03-02", Optional.of(c.pro()));
        // 09:15 to 10:45 now overlap the booking: 7 starts fewer.
        assertThat(found.slots()).hasSize(26 - 7);
        assertThat(found.slots()).noneMatch(s -> s.start().equals(madrid("2027-03-02T10:00")));
    }

    @Test
    void badRangesAreRefusedNamingTheField() {
        Center c = center();
        assertThat(fields(catchThrowableOfType(() -> search(c.admin(), c.service(), "2027-03-02", "2027-06-02",
                Optional.empty()), ValidationException.class))).containsExactly("to");
        assertThat(fields(catchThrowableOfType(() -> search(c.admin(), c.service(), "2027-03-02", "2027-03-01",
                Optional.empty()), ValidationException.class))).containsExactly("to");
        assertThat(fields(catchThrowableOfType(() -> qleven.scheduling().availability(c.admin(),
                new AvailabilityQuery(null, null, null, Optional.empty())),
                ValidationException.class))).containsExactly("serviceId", "from", "to");
    }

    @Test
    void anotherCentersServiceOrProfessionalIsA422NamingIt() {
        Center c = center();
        Center other = center();
        assertThatThrownBy(() -> search(c.admin(), other.service(), "2027-03-02", "2027-03-02", Optional.empty()))
                .isInstanceOfSatisfying(UnprocessableException.class,
                        e -> assertThat(e.field()).isEqualTo("serviceId"));
        assertThatThrownBy(() -> search(c.admin(), c.service(), "2027-03-02", "2027-03-02",
                Optional.of(other.pro())))
                .isInstanceOfSatisfying(UnprocessableException.class,
                        e -> assertThat(e.field()).isEqualTo("professionalId"));
    }

    // --- booking --------------------------------------------------------------------------------

    @Test
    void aBookingAssignsTheFirstFreeProfessionalAndIsAudited() {
        Center c = center();
        Instant start = madrid("2027-03-02T11:00");
        AppointmentView first = book(c, c.receptionist(), start, Optional.empty());
        AppointmentView second = book(c, c.receptionist(), start, Optional.empty());
        assertThat(first.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(first.end()).isEqualTo(start.plus(Duration.ofHours(1)));
        assertThat(Set.of(first.professional(), second.professional()))
                .containsExactlyInAnyOrder(c.pro(), c.otherProfessional().userId());
        assertThatThrownBy(() -> book(c, c.receptionist(), start, Optional.empty()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.details()).containsEntry("start", start.toString()));
        assertThat(actions(c.tenant())).filteredOn(a -> a.startsWith("appointment.")).containsExactly(
                "appointment.book", "appointment.book");
        AuditEvent booked = events(c.tenant()).stream().filter(e -> e.action().equals("appointment.book"))
                .findFirst().orElseThrow();
        assertThat(booked.subjectId()).contains(first.id().value());
    }

    @Test
    void aBookingRoomAndEquipmentAreAssignedAndAMachineInMaintenanceOffersNothing() {
        Center c = center();
        RoomId room = new RoomId(UUID.randomUUID());
        EquipmentId laser = new EquipmentId(UUID.randomUUID());
        inTenant(c.tenant(), () -> {
            store.scheduling().catalogue().addRoom(c.tenant(), new Room(room, "Cabina 1"));
            store.scheduling().catalogue().addEquipment(c.tenant(),
                    new Equipment(laser, "Láser 1", "laser", EquipmentStatus.AVAILABLE));
        });
        ServiceId depilation = service(c.tenant(), 30, 5, 10, true, Set.of("laser"), Set.of());
        AppointmentView booked = qleven.scheduling().book(c.admin(), new BookAppointmentCommand(c.client(),
                depilation, madrid("2027-03-02T09:30"), Optional.empty()));
        assertThat(booked.room()).contains(room);
        assertThat(booked.equipment()).containsExactly(laser);
        // One room and one laser: the other professional cannot take an overlapping start.
        assertThatThrownBy(() -> qleven.scheduling().book(c.admin(), new BookAppointmentCommand(c.client(),
                depilation, madrid("2027-03-02T09:45"), Optional.empty()))).isInstanceOf(ConflictException.class);
        inTenant(c.tenant(), () -> store.scheduling().catalogue().setEquipmentStatus(c.tenant(), laser,
                EquipmentStatus.MAINTENANCE));
        assertThat(search(c.admin(), depilation, "2027-03-03", "2027-03-03", Optional.empty()).slots()).isEmpty();
    }

    @Test
    void badBookingsAreRefusedNamingTheFieldAndWriteNothing() {
        Center c = center();
        Center other = center();
        assertThat(fields(catchThrowableOfType(() -> qleven.scheduling().book(c.admin(),
                new BookAppointmentCommand(null, null, null, Optional.empty())), ValidationException.class)))
                .containsExactly("clientId", "serviceId", "start");
        assertThat(fields(catchThrowableOfType(() -> book(c, c.admin(), madrid("2027-03-02T10:05"),
                Optional.empty()), ValidationException.class))).containsExactly("start");
        assertThat(fields(catchThrowableOfType(() -> book(c, c.admin(), madrid("2027-02-26T10:00"),
                Optional.empty()), ValidationException.class))).containsExactly("start");
        assertThatThrownBy(() -> qleven.scheduling().book(c.admin(), new BookAppointmentCommand(other.client(),
                c.service(), madrid("2027-03-02T10:00"), Optional.empty())))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> assertThat(e.field()).isEqualTo("clientId"));
        assertThatThrownBy(() -> book(c, c.admin(), madrid("2027-03-02T10:00"), Optional.of(other.pro())))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> assertThat(e.field()).isEqualTo("professionalId"));
        // Sunday: nobody works.
        assertThatThrownBy(() -> book(c, c.admin(), madrid("2027-03-07T10:00"), Optional.empty()))
                .isInstanceOf(ConflictException.class);
        assertThat(actions(c.tenant())).noneMatch(a -> a.startsWith("appointment."));
        assertThat(qleven.scheduling().appointments(c.admin(), new AppointmentListQuery(LocalDate.parse("2027-03-01"),
                LocalDate.parse("2027-03-31"), Optional.empty(), Optional.empty()), PageRequest.first()).items())
                .isEmpty();
    }

    @Test
    void aRestrictedClientIsNotBooked() {
        Center c = center();
        inTenant(c.tenant(), () -> store.clients().clientRestrictions().restrict(c.tenant(), c.client(),
                Optional.empty(), null, NOW));
        assertThatThrownBy(() -> book(c, c.admin(), madrid("2027-03-02T10:00"), Optional.empty()))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.details()).containsEntry("restricted", true));
    }

    @Test
    void aProfessionalBooksAndActsOnTheirOwnAgendaOnly() {
        Center c = center();
        AppointmentView own = book(c, c.professional(), madrid("2027-03-02T10:00"), Optional.empty());
        assertThat(own.professional()).isEqualTo(c.pro());
        assertThatThrownBy(() -> book(c, c.professional(), madrid("2027-03-02T11:00"),
                Optional.of(c.otherProfessional().userId()))).isInstanceOf(ForbiddenException.class);
        AppointmentView theirs = book(c, c.receptionist(), madrid("2027-03-02T12:00"),
                Optional.of(c.otherProfessional().userId()));
        assertThatThrownBy(() -> qleven.scheduling().appointment(c.professional(), theirs.id()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.scheduling().confirm(c.professional(), theirs.id()))
                .isInstanceOf(ForbiddenException.class);
        Page<AppointmentView> mine = qleven.scheduling().appointments(c.professional(), new AppointmentListQuery(
                LocalDate.parse("2027-03-02"), LocalDate.parse("2027-03-02"), Optional.empty(), Optional.empty()),
                PageRequest.first());
        assertThat(mine.items()).extracting(AppointmentView::id).containsExactly(own.id());
        assertThat(qleven.scheduling().appointments(c.receptionist(), new AppointmentListQuery(
                LocalDate.parse("2027-03-02"), LocalDate.parse("2027-03-02"), Optional.empty(), Optional.empty()),
                PageRequest.first()).items()).hasSize(2);
        assertThat(qleven.scheduling().confirm(c.professional(), own.id()).status())
                .isEqualTo(AppointmentStatus.CONFIRMED);
    }

    // --- lifecycle ------------------------------------------------------------------------------

    @Test
    void theLifecycleGoesThroughTheStateMachineAndRefusesIllegalMoves() {
        Center c = center();
        Instant start = madrid("2027-03-02T10:00");
        AppointmentView booked = book(c, c.receptionist(), start, Optional.of(c.pro()));
        assertThatThrownBy(() -> qleven.scheduling().complete(c.receptionist(), booked.id()))
                .isInstanceOf(ConflictException.class);
        assertThat(qleven.scheduling().confirm(c.receptionist(), booked.id()).status())
                .isEqualTo(AppointmentStatus.CONFIRMED);
        clock.set(start.plus(Duration.ofMinutes(2)));
        assertThat(qleven.scheduling().checkIn(c.receptionist(), booked.id()).status())
                .isEqualTo(AppointmentStatus.CHECKED_IN);
        AppointmentView done = qleven.scheduling().complete(c.professional(), booked.id());
        assertThat(done.status()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(done.version()).isEqualTo(4);
        assertThatThrownBy(() -> qleven.scheduling().cancel(c.receptionist(), booked.id(), "late"))
                .isInstanceOf(ConflictException.class);
        assertThat(actions(c.tenant())).filteredOn(a -> a.startsWith("appointment.")).containsExactly(
                "appointment.book", "appointment.confirm", "appointment.check_in", "appointment.complete");
        assertThatThrownBy(() -> qleven.scheduling().appointment(c.admin(), new AppointmentId(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aNoShowOnlyOnceTheAppointmentStarted() {
        Center c = center();
        Instant start = madrid("2027-03-02T10:00");
        AppointmentView booked = book(c, c.receptionist(), start, Optional.empty());
        assertThatThrownBy(() -> qleven.scheduling().noShow(c.receptionist(), booked.id()))
                .isInstanceOf(ConflictException.class);
        clock.set(start.plus(Duration.ofMinutes(20)));
        assertThat(qleven.scheduling().noShow(c.receptionist(), booked.id()).status())
                .isEqualTo(AppointmentStatus.NO_SHOW);
    }

    @Test
    void aCancellationSealsItsReasonAndFreesTheSlot() {
        Center c = center();
        Instant start = madrid("2027-03-02T10:00");
        AppointmentView booked = book(c, c.receptionist(), start, Optional.of(c.pro()));
        assertThat(fields(catchThrowableOfType(() -> qleven.scheduling().cancel(c.receptionist(), booked.id(), " "),
                ValidationException.class))).containsExactly("reason");
        AppointmentView cancelled = qleven.scheduling().cancel(c.receptionist(), booked.id(), "Postoperative rest");
        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.cancellation()).hasValueSatisfying(x -> {
            assertThat(x.reason()).isEqualTo("Postoperative rest");
            assertThat(x.by()).contains(c.receptionist().userId());
        });
        StoredAppointment stored = store.shared().transactions().inTenant(c.tenant(),
                () -> store.scheduling().appointments().byId(c.tenant(), booked.id())).orElseThrow();
        assertThat(new String(stored.cancellation().orElseThrow().sealedReason(), StandardCharsets.ISO_8859_1))
                .doesNotContain("Postoperative");
        assertThat(qleven.scheduling().appointment(c.admin(), booked.id()).cancellation().orElseThrow().reason())
                .isEqualTo("Postoperative rest");
        assertThat(book(c, c.receptionist(), start, Optional.of(c.pro())).professional()).isEqualTo(c.pro());
    }

    @Test
    void aRescheduleMovesTheHoldsAndKeepsTheHistory() {
        Center c = center();
        Instant start = madrid("2027-03-02T10:00");
        AppointmentView booked = book(c, c.receptionist(), start, Optional.of(c.pro()));
        qleven.scheduling().confirm(c.receptionist(), booked.id());
        // Half an hour later overlaps where it was: its own holds do not stand in its way.
        Instant later = start.plus(Duration.ofMinutes(30));
        AppointmentView moved = qleven.scheduling().reschedule(c.receptionist(),
                new RescheduleCommand(booked.id(), later, Optional.empty()));
        assertThat(moved.start()).isEqualTo(later);
        assertThat(moved.professional()).as("the same professional when free").isEqualTo(c.pro());
        assertThat(moved.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(moved.history()).singleElement().satisfies(h -> assertThat(h.start()).isEqualTo(start));
        AvailabilityView pro = search(c.admin(), c.service(), "2027-03-02", "2027-03-02", Optional.of(c.pro()));
        assertThat(pro.slots()).noneMatch(s -> s.start().equals(later));
        assertThat(pro.slots()).anyMatch(s -> s.start().equals(madrid("2027-03-02T09:00")));
        assertThat(fields(catchThrowableOfType(() -> qleven.scheduling().reschedule(c.receptionist(),
                new RescheduleCommand(booked.id(), start.plus(Duration.ofMinutes(7)), Optional.empty())),
                ValidationException.class))).containsExactly("start");
        assertThat(actions(c.tenant())).contains("appointment.reschedule");
    }

    // --- series ---------------------------------------------------------------------------------

    @Test
    void aSeriesIsBookedWhole() {
        Center c = center();
        List<AppointmentView> series = qleven.scheduling().bookSeries(c.receptionist(), new BookSeriesCommand(
                c.client(), c.service(), madrid("2027-03-02T10:00"), Optional.of(c.pro()), 2, 4));
        assertThat(series).hasSize(4).extracting(AppointmentView::start).containsExactly(
                madrid("2027-03-02T10:00"), madrid("2027-03-16T10:00"), madrid("2027-03-30T10:00"),
                madrid("2027-04-13T10:00"));
        assertThat(series).extracting(AppointmentView::series).doesNotContain(Optional.empty());
        assertThat(series.stream().map(AppointmentView::series).distinct()).hasSize(1);
        // 30 March is after the clocks moved: 10:00 local still, an hour earlier in UTC.
        assertThat(series.get(2).start()).isEqualTo(Instant.parse("2027-03-30T08:00:00Z"));
    }

    @Test
    void aSeriesWithOneTakenOccurrenceBooksNothingAndNamesIt() {
        Center c = center();
        book(c, c.receptionist(), madrid("2027-03-16T10:30"), Optional.of(c.pro()));
        ConflictException taken = catchThrowableOfType(() -> qleven.scheduling().bookSeries(c.receptionist(),
                new BookSeriesCommand(c.client(), c.service(), madrid("2027-03-02T10:00"), Optional.of(c.pro()), 1,
                        4)), ConflictException.class);
        assertThat(taken.details()).containsEntry("index", 2)
                .containsEntry("start", madrid("2027-03-16T10:00").toString());
        assertThat(qleven.scheduling().appointments(c.admin(), new AppointmentListQuery(LocalDate.parse("2027-03-01"),
                LocalDate.parse("2027-03-31"), Optional.empty(), Optional.empty()), PageRequest.first()).items())
                .hasSize(1);
        assertThat(fields(catchThrowableOfType(() -> qleven.scheduling().bookSeries(c.receptionist(),
                new BookSeriesCommand(c.client(), c.service(), madrid("2027-03-02T10:00"), Optional.empty(), 0, 99)),
                ValidationException.class))).containsExactly("everyWeeks", "count");
    }

    // --- waitlist -------------------------------------------------------------------------------

    @Test
    void aCancellationOffersTheSlotToTheFirstWaitingClientAndMailsThem() {
        Center c = center();
        ClientView waiting = client(c.admin(), "Marta Ruiz", "marta-" + UUID.randomUUID() + "@example.com");
        WaitlistView entry = qleven.scheduling().addToWaitlist(c.receptionist(), new WaitlistCommand(waiting.id(),
                c.service(), LocalDate.parse("2027-03-02"), LocalDate.parse("2027-03-05"), Optional.empty()));
        assertThat(entry.entry().status()).isEqualTo(WaitlistStatus.WAITING);
        AppointmentView booked = book(c, c.receptionist(), madrid("2027-03-02T10:00"), Optional.of(c.pro()));
        issued.clear();
        qleven.scheduling().cancel(c.receptionist(), booked.id(), "The client is travelling");
        List<WaitlistView> list = qleven.scheduling().waitlist(c.receptionist(), PageRequest.first()).items();
        assertThat(list).singleElement().satisfies(w -> {
            assertThat(w.entry().status()).isEqualTo(WaitlistStatus.OFFERED);
            assertThat(w.entry().offer().slot().start()).isEqualTo(madrid("2027-03-02T10:00"));
            assertThat(w.entry().offer().expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(120)));
        });
        MailQueue queue = new MailQueue(store.shared().mailOutbox(), cipher, () -> UUID.randomUUID(), clock);
        List<MailMessage> mailed = store.shared().transactions().global(() -> new ArrayList<>(issued).stream()
                .flatMap(id -> store.shared().mailOutbox().byId(id).stream()).map(queue::open).toList());
        assertThat(mailed).singleElement().satisfies(m -> {
            assertThat(m.to().value()).isEqualTo(waiting.email().orElseThrow().toLowerCase(java.util.Locale.ROOT));
            assertThat(m.subject()).contains("Clínica Sol");
        });
        assertThat(actions(c.tenant())).contains("waitlist.add", "waitlist.offer");
    }

    private WaitlistView waitFor(Center c, ClientView who) {
        return qleven.scheduling().addToWaitlist(c.receptionist(), new WaitlistCommand(who.id(), c.service(),
                LocalDate.parse("2027-03-02"), LocalDate.parse("2027-03-05"), Optional.empty()));
    }

    private WaitlistStatus statusOf(Center c, WaitlistView entry) {
        return qleven.scheduling().waitlistEntry(c.receptionist(), entry.entry().id()).entry().status();
    }

    /** The recipients of the mails whose ids were issued since {@code issued} was last cleared. */
    private List<String> mailedTo() {
        MailQueue queue = new MailQueue(store.shared().mailOutbox(), cipher, () -> UUID.randomUUID(), clock);
        return store.shared().transactions().global(() -> new ArrayList<>(issued).stream()
                .flatMap(id -> store.shared().mailOutbox().byId(id).stream()).map(queue::open)
                .map(m -> m.to().value()).toList());
    }

    /** The center's time in the global queue of open offers. */
    private Optional<Instant> dueAt(TenantId tenant) {
        return store.scheduling().waitlistOffersDue().dueAt(tenant);
    }

    private static String address(ClientView who) {
        return who.email().orElseThrow().toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void aLapsedOfferPassesTheSlotToTheNextWaitingClientAndNeverBackToTheFirst() {
        Center c = center();
        ClientView first = client(c.admin(), "Marta Ruiz", "marta-" + UUID.randomUUID() + "@example.com");
        WaitlistView firstEntry = waitFor(c, first);
        clock.set(NOW.plusSeconds(1));
        ClientView second = client(c.admin(), "Luis Gil", "luis-" + UUID.randomUUID() + "@example.com");
        WaitlistView secondEntry = waitFor(c, second);
        AppointmentView booked = book(c, c.receptionist(), madrid("2027-03-02T10:00"), Optional.of(c.pro()));
        qleven.scheduling().cancel(c.receptionist(), booked.id(), "The client is travelling");
        assertThat(statusOf(c, firstEntry)).isEqualTo(WaitlistStatus.OFFERED);

        // Still held: nothing lapses.
        clock.set(NOW.plus(Duration.ofMinutes(119)));
        assertThat(qleven.scheduling().passLapsedWaitlistOffers(c.tenant(), 10)).isZero();
        assertThat(statusOf(c, firstEntry)).isEqualTo(WaitlistStatus.OFFERED);

        clock.set(NOW.plus(Duration.ofMinutes(121)));
        issued.clear();
        assertThat(qleven.scheduling().passLapsedWaitlistOffers(c.tenant(), 10)).isEqualTo(1);
        assertThat(statusOf(c, firstEntry)).isEqualTo(WaitlistStatus.WAITING);
        WaitlistView passed = qleven.scheduling().waitlistEntry(c.receptionist(), secondEntry.entry().id());
        assertThat(passed.entry().status()).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(passed.entry().offer().slot().start()).isEqualTo(madrid("2027-03-02T10:00"));
        assertThat(passed.entry().offer().expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(121 + 120)));
        assertThat(mailedTo()).containsExactly(address(second));
        assertThat(actions(c.tenant())).contains("waitlist.lapse");

        // The second lets it lapse too: the first, who already let this slot go, is not asked again.
        clock.set(NOW.plus(Duration.ofMinutes(121 + 121)));
        issued.clear();
        assertThat(qleven.scheduling().passLapsedWaitlistOffers(c.tenant(), 10)).isEqualTo(1);
        assertThat(statusOf(c, firstEntry)).isEqualTo(WaitlistStatus.WAITING);
        assertThat(statusOf(c, secondEntry)).isEqualTo(WaitlistStatus.WAITING);
        assertThat(mailedTo()).isEmpty();
    }

    @Test
    void aLapsedOfferWithNoOneElseWaitingOffersNothing() {
        Center c = center();
        ClientView only = client(c.admin(), "Marta Ruiz", "marta-" + UUID.randomUUID() + "@example.com");
        WaitlistView entry = waitFor(c, only);
        AppointmentView booked = book(c, c.receptionist(), madrid("2027-03-02T10:00"), Optional.of(c.pro()));
        qleven.scheduling().cancel(c.receptionist(), booked.id(), "The client is travelling");
        assertThat(statusOf(c, entry)).isEqualTo(WaitlistStatus.OFFERED);
        clock.set(NOW.plus(Duration.ofMinutes(121)));
        issued.clear();
        assertThat(qleven.scheduling().passLapsedWaitlistOffers(c.tenant(), 10)).isEqualTo(1);
        assertThat(statusOf(c, entry)).isEqualTo(WaitlistStatus.WAITING);
        assertThat(mailedTo()).isEmpty();
        assertThat(qleven.scheduling().passLapsedWaitlistOffers(c.tenant(), 10)).isZero();
    }

    @Test
    void aLapsedOfferOfASlotBookedMeanwhileIsOfferedToNobody() {
        Center c = center();
        ClientView first = client(c.admin(), "Marta Ruiz", "marta-" + UUID.randomUUID() + "@example.com");
        WaitlistView firstEntry = waitFor(c, first);
        clock.set(NOW.plusSeconds(1));
        ClientView second = client(c.admin(), "Luis Gil", "luis-" + UUID.randomUUID() + "@example.com");
        WaitlistView secondEntry = waitFor(c, second);
        AppointmentView booked = book(c, c.receptionist(), madrid("2027-03-02T10:00"), Optional.of(c.pro()));
        qleven.scheduling().cancel(c.receptionist(), booked.id(), "The client is travelling");
        book(c, c.receptionist(), madrid("2027-03-02T10:00"), Optional.of(c.pro()));
        clock.set(NOW.plus(Duration.ofMinutes(121)));
        issued.clear();
        assertThat(qleven.scheduling().passLapsedWaitlistOffers(c.tenant(), 10)).isEqualTo(1);
        assertThat(statusOf(c, firstEntry)).isEqualTo(WaitlistStatus.WAITING);
        assertThat(statusOf(c, secondEntry)).isEqualTo(WaitlistStatus.WAITING);
        assertThat(mailedTo()).isEmpty();
    }

    /**
     * The SDK's sweep for an embedder's timer: no center named, no principal. The store is shared
     * with the suite's other tests (their offers lapse too), so it looks at its own centers only.
     */
    @Test
    void theSweepPassesEveryCentersLapsedOffersFoundInTheQueueAndKeepsTheOnesStillHeld() {
        Center c = center();
        Center d = center();
        ClientView first = client(c.admin(), "Marta Ruiz", "marta-" + UUID.randomUUID() + "@example.com");
        WaitlistView firstEntry = waitFor(c, first);
        ClientView inD = client(d.admin(), "Pau Roig", "pau-" + UUID.randomUUID() + "@example.com");
        WaitlistView dFirst = waitFor(d, inD);
        clock.set(NOW.plusSeconds(1));
        ClientView second = client(c.admin(), "Luis Gil", "luis-" + UUID.randomUUID() + "@example.com");
        WaitlistView secondEntry = waitFor(c, second);
        ClientView dNext = client(d.admin(), "Eva Sanz", "eva-" + UUID.randomUUID() + "@example.com");
        WaitlistView dSecond = waitFor(d, dNext);
        qleven.scheduling().cancel(c.receptionist(), book(c, c.receptionist(), madrid("2027-03-02T10:00"),
                Optional.of(c.pro())).id(), "The client is travelling");
        // d's offer is made a minute later, so it is still held when c's has lapsed.
        clock.set(NOW.plus(Duration.ofMinutes(1)));
        qleven.scheduling().cancel(d.receptionist(), book(d, d.receptionist(), madrid("2027-03-02T11:00"),
                Optional.of(d.pro())).id(), "The client is ill");
        assertThat(statusOf(c, firstEntry)).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(statusOf(d, dFirst)).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(dueAt(c.tenant())).contains(NOW.plus(Duration.ofMinutes(120)).plusSeconds(1));
        assertThat(dueAt(d.tenant())).contains(NOW.plus(Duration.ofMinutes(121)));

        // Control: nothing has lapsed yet, nothing of these centers passes.
        clock.set(NOW.plus(Duration.ofMinutes(119)));
        qleven.scheduling().passAllLapsedWaitlistOffers();
        assertThat(statusOf(c, firstEntry)).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(statusOf(d, dFirst)).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(actions(c.tenant())).doesNotContain("waitlist.lapse");

        clock.set(NOW.plus(Duration.ofMinutes(120)).plusSeconds(30));
        issued.clear();
        assertThat(qleven.scheduling().passAllLapsedWaitlistOffers()).isPositive();
        assertThat(statusOf(c, firstEntry)).isEqualTo(WaitlistStatus.WAITING);
        WaitlistView passed = qleven.scheduling().waitlistEntry(c.receptionist(), secondEntry.entry().id());
        assertThat(passed.entry().status()).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(passed.entry().offer().slot().start()).isEqualTo(madrid("2027-03-02T10:00"));
        assertThat(mailedTo()).as("the next client is mailed as after a cancellation").contains(address(second))
                .doesNotContain(address(first), address(inD), address(dNext));
        assertThat(actions(c.tenant())).contains("waitlist.lapse");
        assertThat(events(c.tenant()).stream().filter(e -> e.action().startsWith("waitlist.lapse")
                || e.action().equals("waitlist.offer") && e.at().isAfter(NOW.plus(Duration.ofMinutes(2)))))
                .as("no one acted").allSatisfy(e -> assertThat(e.actor()).isEmpty()).hasSize(2);
        assertThat(dueAt(c.tenant())).as("the new offer's hold")
                .contains(NOW.plus(Duration.ofMinutes(240)).plusSeconds(30));
        assertThat(statusOf(d, dFirst)).as("still held").isEqualTo(WaitlistStatus.OFFERED);
        assertThat(statusOf(d, dSecond)).isEqualTo(WaitlistStatus.WAITING);
        assertThat(dueAt(d.tenant())).contains(NOW.plus(Duration.ofMinutes(121)));

        clock.set(NOW.plus(Duration.ofMinutes(122)));
        issued.clear();
        assertThat(qleven.scheduling().passAllLapsedWaitlistOffers()).isPositive();
        assertThat(statusOf(d, dFirst)).isEqualTo(WaitlistStatus.WAITING);
        assertThat(statusOf(d, dSecond)).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(mailedTo()).contains(address(dNext)).doesNotContain(address(second));
        assertThat(statusOf(c, secondEntry)).isEqualTo(WaitlistStatus.OFFERED);
    }

    @Test
    void theSweepGoesOnPastACenterThatFailsAndTriesItAgainAfterItsLease() {
        Center broken = center();
        Center fine = center();
        ClientView a = client(broken.admin(), "Marta Ruiz", "marta-" + UUID.randomUUID() + "@example.com");
        WaitlistView aEntry = waitFor(broken, a);
        ClientView b = client(fine.admin(), "Luis Gil", "luis-" + UUID.randomUUID() + "@example.com");
        WaitlistView bEntry = waitFor(fine, b);
        qleven.scheduling().cancel(broken.receptionist(), book(broken, broken.receptionist(),
                madrid("2027-03-02T10:00"), Optional.of(broken.pro())).id(), "Travelling");
        qleven.scheduling().cancel(fine.receptionist(), book(fine, fine.receptionist(),
                madrid("2027-03-02T10:00"), Optional.of(fine.pro())).id(), "Travelling");
        Qleven failing = core(failingLapsesOf(store, broken.tenant()), cipher).clock(clock)
                .ids(new UuidV7Ids(clock)).signupsPerAddressPerHour(1000).build();

        Instant lapsed = NOW.plus(Duration.ofMinutes(121));
        clock.set(lapsed);
        assertThat(failing.scheduling().passAllLapsedWaitlistOffers()).isPositive();
        assertThat(statusOf(fine, bEntry)).as("the others go on").isEqualTo(WaitlistStatus.WAITING);
        assertThat(statusOf(broken, aEntry)).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(dueAt(broken.tenant())).as("leased").contains(lapsed.plus(Duration.ofMinutes(5)));

        qleven.scheduling().passAllLapsedWaitlistOffers();
        assertThat(statusOf(broken, aEntry)).as("not before its lease is over").isEqualTo(WaitlistStatus.OFFERED);
        clock.set(lapsed.plus(Duration.ofMinutes(5)));
        assertThat(qleven.scheduling().passAllLapsedWaitlistOffers()).isPositive();
        assertThat(statusOf(broken, aEntry)).isEqualTo(WaitlistStatus.WAITING);
        assertThat(dueAt(broken.tenant())).as("no open offer left").isEmpty();
    }

    /** The store, whose waitlist fails to find the lapsed offers of {@code broken}. */
    private static QlevenStore failingLapsesOf(QlevenStore store, TenantId broken) {
        com.qleven.ports.scheduling.out.WaitlistEntries real = store.scheduling().waitlist();
        com.qleven.ports.scheduling.out.WaitlistEntries waitlist = (com.qleven.ports.scheduling.out.WaitlistEntries)
                java.lang.reflect.Proxy.newProxyInstance(SchedulingUseCasesSuite.class.getClassLoader(),
                        new Class<?>[] {com.qleven.ports.scheduling.out.WaitlistEntries.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("lapsedOffers") && broken.equals(args[0])) {
                                throw new IllegalStateException("the center's waitlist cannot be read");
                            }
                            return invoke(method, real, args);
                        });
        com.qleven.ports.scheduling.out.SchedulingStore scheduling =
                (com.qleven.ports.scheduling.out.SchedulingStore) java.lang.reflect.Proxy.newProxyInstance(
                        SchedulingUseCasesSuite.class.getClassLoader(),
                        new Class<?>[] {com.qleven.ports.scheduling.out.SchedulingStore.class},
                        (proxy, method, args) -> method.getName().equals("waitlist") ? waitlist
                                : invoke(method, store.scheduling(), args));
        return (QlevenStore) java.lang.reflect.Proxy.newProxyInstance(SchedulingUseCasesSuite.class.getClassLoader(),
                new Class<?>[] {QlevenStore.class},
                (proxy, method, args) -> method.getName().equals("scheduling") ? scheduling
                        : invoke(method, store, args));
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void anErasureOffersTheSlotsItFreesAndTakesTheErasedClientOffTheWaitlist() {
        Center c = center();
        ClientView erased = client(c.admin(), "Pau Roig", "pau-" + UUID.randomUUID() + "@example.com");
        WaitlistView erasedEntry = waitFor(c, erased);
        clock.set(NOW.plusSeconds(1));
        ClientView waiting = client(c.admin(), "Marta Ruiz", "marta-" + UUID.randomUUID() + "@example.com");
        WaitlistView waitingEntry = waitFor(c, waiting);
        qleven.scheduling().book(c.receptionist(), new BookAppointmentCommand(erased.id(), c.service(),
                madrid("2027-03-02T10:00"), Optional.of(c.pro())));
        issued.clear();
        com.qleven.ports.privacy.in.PrivacyRequestView erasure = qleven.privacy().createRequest(c.admin(),
                com.qleven.ports.privacy.in.CreatePrivacyRequestCommand.parse(erased.id().toString(), "erasure", null));
        qleven.privacy().completeRequest(c.admin(), erasure.id(), "Erased.");
        assertThat(statusOf(c, erasedEntry)).isEqualTo(WaitlistStatus.WITHDRAWN);
        WaitlistView offered = qleven.scheduling().waitlistEntry(c.receptionist(), waitingEntry.entry().id());
        assertThat(offered.entry().status()).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(offered.entry().offer().slot().start()).isEqualTo(madrid("2027-03-02T10:00"));
        assertThat(mailedTo()).containsExactly(address(waiting));
    }

    /** Two clients (with emails) waiting for the same slot, in this order, and the slot freed: the first holds the offer. */
    private record Offered(WaitlistView first, ClientView firstClient, WaitlistView second, ClientView secondClient) {
    }

    private Offered offeredToTheFirstOfTwo(Center c) {
        ClientView first = client(c.admin(), "Marta Ruiz", "marta-" + UUID.randomUUID() + "@example.com");
        WaitlistView firstEntry = waitFor(c, first);
        clock.set(NOW.plusSeconds(1));
        ClientView second = client(c.admin(), "Luis Gil", "luis-" + UUID.randomUUID() + "@example.com");
        WaitlistView secondEntry = waitFor(c, second);
        AppointmentView booked = book(c, c.receptionist(), madrid("2027-03-02T10:00"), Optional.of(c.pro()));
        qleven.scheduling().cancel(c.receptionist(), booked.id(), "The client is travelling");
        assertThat(statusOf(c, firstEntry)).isEqualTo(WaitlistStatus.OFFERED);
        return new Offered(firstEntry, first, secondEntry, second);
    }

    /** The center's audited actions, reads and lists aside. */
    private List<String> changes(TenantId tenant) {
        return actions(tenant).stream().filter(a -> !a.endsWith(".read") && !a.endsWith(".list")).toList();
    }

    private static void conflictNaming(Throwable thrown, String status) {
        assertThat(thrown).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.details()).containsEntry("currentStatus", status));
    }

    @Test
    void staffAcceptAnOfferWhichBooksTheSlotForTheWaitingClientAndMarksTheEntryBooked() {
        Center c = center();
        Offered o = offeredToTheFirstOfTwo(c);
        clock.set(NOW.plus(Duration.ofMinutes(30)));
        var accepted = qleven.scheduling().acceptWaitlistOffer(c.receptionist(), o.first().entry().id());
        assertThat(accepted.entry().entry().status()).isEqualTo(WaitlistStatus.BOOKED);
        assertThat(accepted.appointment().client()).isEqualTo(o.firstClient().id());
        assertThat(accepted.appointment().start()).isEqualTo(madrid("2027-03-02T10:00"));
        assertThat(accepted.appointment().professional()).isEqualTo(c.pro());
        assertThat(accepted.appointment().status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(qleven.scheduling().appointment(c.receptionist(), accepted.appointment().id()).client())
                .isEqualTo(o.firstClient().id());
        assertThat(accepted.entry().entry().appointment()).isEqualTo(accepted.appointment().id());
        assertThat(qleven.scheduling().waitlistEntry(c.receptionist(), o.first().entry().id()).entry().appointment())
                .as("the stored entry names its appointment").isEqualTo(accepted.appointment().id());
        assertThat(statusOf(c, o.first())).isEqualTo(WaitlistStatus.BOOKED);
        assertThat(statusOf(c, o.second())).as("the slot is taken: nobody else is offered it")
                .isEqualTo(WaitlistStatus.WAITING);
        assertThat(dueAt(c.tenant())).as("no offer held any more").isEmpty();
        List<String> actions = changes(c.tenant());
        assertThat(actions.subList(actions.size() - 2, actions.size()))
                .containsExactly("appointment.book", "waitlist.accept");
        conflictNaming(catchThrowableOfType(() -> qleven.scheduling().acceptWaitlistOffer(c.receptionist(),
                o.first().entry().id()), ConflictException.class), "booked");
        conflictNaming(catchThrowableOfType(() -> qleven.scheduling().acceptWaitlistOffer(c.admin(),
                o.second().entry().id()), ConflictException.class), "waiting");
        assertThatThrownBy(() -> qleven.scheduling().acceptWaitlistOffer(center().admin(), o.first().entry().id()))
                .as("another center's entry").isInstanceOf(NotFoundException.class);
    }

    @Test
    void anOfferWhoseHoldIsOverOrWhoseSlotWasTakenBooksNothingAndKeepsTheEntry() {
        Center c = center();
        Offered o = offeredToTheFirstOfTwo(c);
        // Taken meanwhile by another booking: the booking path's 409, in the one unit, rolled back whole.
        AppointmentView taken = book(c, c.admin(), madrid("2027-03-02T10:00"), Optional.of(c.pro()));
        assertThatThrownBy(() -> qleven.scheduling().acceptWaitlistOffer(c.receptionist(), o.first().entry().id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.details()).containsKey("start"));
        assertThat(statusOf(c, o.first())).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(actions(c.tenant())).doesNotContain("waitlist.accept");
        qleven.scheduling().cancel(c.admin(), taken.id(), "Freed again");
        // The hold is over by the clock, though no sweep has passed it on yet.
        clock.set(NOW.plus(Duration.ofMinutes(121)));
        conflictNaming(catchThrowableOfType(() -> qleven.scheduling().acceptWaitlistOffer(c.receptionist(),
                o.first().entry().id()), ConflictException.class), "offered");
        assertThat(statusOf(c, o.first())).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(qleven.scheduling().appointments(c.admin(), new AppointmentListQuery(LocalDate.parse("2027-03-02"),
                LocalDate.parse("2027-03-02"), Optional.empty(), Optional.of(o.firstClient().id())),
                PageRequest.first()).items()).as("nothing booked for the waiting client").isEmpty();
    }

    @Test
    void aProfessionalAcceptsOffersOnTheirOwnAgendaOnlyAndTheRestIsTheDesks() {
        Center c = center();
        Offered o = offeredToTheFirstOfTwo(c);
        assertThatThrownBy(() -> qleven.scheduling().acceptWaitlistOffer(c.otherProfessional(),
                o.first().entry().id())).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.scheduling().acceptWaitlistOffer(c.professional(),
                o.second().entry().id())).as("no offer, so nothing on their agenda").isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.scheduling().declineWaitlistOffer(c.professional(), o.first().entry().id()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.scheduling().withdrawFromWaitlist(c.professional(), o.first().entry().id()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(statusOf(c, o.first())).isEqualTo(WaitlistStatus.OFFERED);
        var accepted = qleven.scheduling().acceptWaitlistOffer(c.professional(), o.first().entry().id());
        assertThat(accepted.appointment().professional()).isEqualTo(c.pro());
        assertThat(accepted.entry().entry().status()).isEqualTo(WaitlistStatus.BOOKED);
    }

    @Test
    void aDeclinedOfferGoesAtOnceToTheNextWaitingClientAndTheFirstWaitsAgainInTheirPlace() {
        Center c = center();
        Offered o = offeredToTheFirstOfTwo(c);
        clock.set(NOW.plus(Duration.ofMinutes(10)));
        issued.clear();
        WaitlistView declined = qleven.scheduling().declineWaitlistOffer(c.receptionist(), o.first().entry().id());
        assertThat(declined.entry().status()).isEqualTo(WaitlistStatus.WAITING);
        assertThat(declined.entry().offer()).isNull();
        WaitlistView passed = qleven.scheduling().waitlistEntry(c.receptionist(), o.second().entry().id());
        assertThat(passed.entry().status()).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(passed.entry().offer().slot().start()).isEqualTo(madrid("2027-03-02T10:00"));
        assertThat(passed.entry().offer().expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10 + 120)));
        assertThat(mailedTo()).containsExactly(address(o.secondClient()));
        List<String> actions = changes(c.tenant());
        assertThat(actions.subList(actions.size() - 2, actions.size()))
                .containsExactly("waitlist.decline", "waitlist.offer");
        conflictNaming(catchThrowableOfType(() -> qleven.scheduling().declineWaitlistOffer(c.receptionist(),
                o.first().entry().id()), ConflictException.class), "waiting");

        // The second declines too: the first, who turned this slot down, is not asked again.
        issued.clear();
        qleven.scheduling().declineWaitlistOffer(c.admin(), o.second().entry().id());
        assertThat(statusOf(c, o.first())).isEqualTo(WaitlistStatus.WAITING);
        assertThat(statusOf(c, o.second())).isEqualTo(WaitlistStatus.WAITING);
        assertThat(mailedTo()).isEmpty();
    }

    @Test
    void aWithdrawnOfferPassesItsSlotOnAndOnlyWaitingOrOfferedEntriesAreWithdrawn() {
        Center c = center();
        Offered o = offeredToTheFirstOfTwo(c);
        issued.clear();
        WaitlistView withdrawn = qleven.scheduling().withdrawFromWaitlist(c.receptionist(), o.first().entry().id());
        assertThat(withdrawn.entry().status()).isEqualTo(WaitlistStatus.WITHDRAWN);
        assertThat(statusOf(c, o.second())).isEqualTo(WaitlistStatus.OFFERED);
        assertThat(mailedTo()).containsExactly(address(o.secondClient()));
        assertThat(actions(c.tenant())).contains("waitlist.withdraw");
        conflictNaming(catchThrowableOfType(() -> qleven.scheduling().withdrawFromWaitlist(c.receptionist(),
                o.first().entry().id()), ConflictException.class), "withdrawn");
        conflictNaming(catchThrowableOfType(() -> qleven.scheduling().acceptWaitlistOffer(c.receptionist(),
                o.first().entry().id()), ConflictException.class), "withdrawn");
        // A waiting entry is withdrawn with nothing to pass on.
        ClientView third = client(c.admin(), "Pau Roig", "pau-" + UUID.randomUUID() + "@example.com");
        WaitlistView thirdEntry = waitFor(c, third);
        issued.clear();
        assertThat(qleven.scheduling().withdrawFromWaitlist(c.admin(), thirdEntry.entry().id()).entry().status())
                .isEqualTo(WaitlistStatus.WITHDRAWN);
        assertThat(mailedTo()).isEmpty();
        assertThat(statusOf(c, o.second())).isEqualTo(WaitlistStatus.OFFERED);
    }

    @Test
    void theWaitlistRefusesBadEntriesAndIsTheDesks() {
        Center c = center();
        Center other = center();
        assertThatThrownBy(() -> qleven.scheduling().addToWaitlist(c.professional(), new WaitlistCommand(c.client(),
                c.service(), LocalDate.parse("2027-03-02"), LocalDate.parse("2027-03-05"), Optional.empty())))
                .isInstanceOf(ForbiddenException.class);
        assertThat(fields(catchThrowableOfType(() -> qleven.scheduling().addToWaitlist(c.admin(),
                new WaitlistCommand(null, null, LocalDate.parse("2027-03-05"), LocalDate.parse("2027-03-02"),
                        Optional.empty())), ValidationException.class)))
                .containsExactly("clientId", "serviceId", "to");
        assertThatThrownBy(() -> qleven.scheduling().addToWaitlist(c.admin(), new WaitlistCommand(other.client(),
                c.service(), LocalDate.parse("2027-03-02"), LocalDate.parse("2027-03-05"), Optional.empty())))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> assertThat(e.field()).isEqualTo("clientId"));
        assertThatThrownBy(() -> qleven.scheduling().addToWaitlist(c.admin(), new WaitlistCommand(c.client(),
                other.service(), LocalDate.parse("2027-03-02"), LocalDate.parse("2027-03-05"), Optional.empty())))
                .isInstanceOfSatisfying(UnprocessableException.class, e -> assertThat(e.field()).isEqualTo("serviceId"));
    }

    // --- daylight saving ------------------------------------------------------------------------

    @Test
    void theSpringNightOffersNoLocalTimeThatDoesNotExistAndEverySlotLastsItsDuration() {
        Center c = center();
        UserId night = c.pro();
        // Sunday 28 March 2027: 02:00 becomes 03:00. The professional works 00:00–06:00 that night.
        inTenant(c.tenant(), () -> store.scheduling().staffSchedules().putException(c.tenant(), night,
                new com.qleven.domain.scheduling.DatedHours(LocalDate.parse("2027-03-28"), List.of(
                        new com.qleven.domain.scheduling.TimeWindow(LocalTime.of(0, 0), LocalTime.of(6, 0))))));
        List<AvailabilityView.Slot> slots = search(c.admin(), c.service(), "2027-03-28", "2027-03-28",
                Optional.of(night)).slots();
        assertThat(slots).isNotEmpty().allSatisfy(s -> {
            assertThat(Duration.between(s.start(), s.end())).isEqualTo(Duration.ofHours(1));
            assertThat(s.start().atZone(MADRID).getHour()).isNotEqualTo(2);
        });
        assertThat(slots.stream().map(AvailabilityView.Slot::start).distinct()).hasSameSizeAs(slots);
        // 00:00–06:00 local is five real hours: starts 00:00–01:45 and 03:00–05:00, 17 in all; a booking at
        // 01:30 ends at 03:30 local, an hour later in real time.
        assertThat(slots).hasSize(17);
        AppointmentView booked = book(c, c.admin(), madrid("2027-03-28T01:30"), Optional.of(night));
        assertThat(booked.end().atZone(MADRID).toLocalTime()).isEqualTo(LocalTime.of(3, 30));
        assertThatThrownBy(() -> book(c, c.admin(), madrid("2027-03-28T03:15"), Optional.of(night)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void theAutumnNightOffersTheRepeatedHourTwiceAsDistinctStarts() {
        Center c = center();
        UserId night = c.pro();
        // Sunday 31 October 2027: 03:00 goes back to 02:00. The professional works 01:00–04:00 that night.
        inTenant(c.tenant(), () -> store.scheduling().staffSchedules().putException(c.tenant(), night,
                new com.qleven.domain.scheduling.DatedHours(LocalDate.parse("2027-10-31"), List.of(
                        new com.qleven.domain.scheduling.TimeWindow(LocalTime.of(1, 0), LocalTime.of(4, 0))))));
        List<AvailabilityView.Slot> slots = search(c.admin(), c.service(), "2027-10-31", "2027-10-31",
                Optional.of(night)).slots();
        assertThat(slots).allSatisfy(s -> assertThat(Duration.between(s.start(), s.end()))
                .isEqualTo(Duration.ofHours(1)));
        Set<Instant> starts = new HashSet<>();
        slots.forEach(s -> assertThat(starts.add(s.start())).as("offered once: %s", s.start()).isTrue());
        // Four real hours (01:00–04:00 local with 02:00–03:00 twice): starts over three real hours.
        assertThat(slots).hasSize(13);
        Instant firstTwo = Instant.parse("2027-10-31T00:00:00Z");
        Instant secondTwo = Instant.parse("2027-10-31T01:00:00Z");
        assertThat(firstTwo.atZone(MADRID).toLocalTime()).isEqualTo(secondTwo.atZone(MADRID).toLocalTime());
        AppointmentView first = book(c, c.admin(), firstTwo, Optional.of(night));
        AppointmentView second = book(c, c.admin(), secondTwo, Optional.of(night));
        assertThat(Duration.between(first.start(), second.start())).isEqualTo(Duration.ofHours(1));
    }

    // --- privacy --------------------------------------------------------------------------------

    @Test
    void appointmentsAreExportedAndErasureFreesWhatTheClientHeld() {
        Center c = center();
        AppointmentView kept = book(c, c.receptionist(), madrid("2027-03-02T10:00"), Optional.of(c.pro()));
        AppointmentView cancelled = book(c, c.receptionist(), madrid("2027-03-03T10:00"), Optional.of(c.pro()));
        qleven.scheduling().cancel(c.receptionist(), cancelled.id(), "Chemotherapy week");
        Map<String, Object> exported = store.shared().transactions().inTenant(c.tenant(),
                () -> qleven.scheduling().privacyRegistry().export(c.tenant(), c.client()));
        assertThat((List<?>) exported.get("items")).hasSize(2);
        assertThat(exported.toString()).contains(kept.id().toString()).contains("Chemotherapy week");
        inTenant(c.tenant(), () -> qleven.scheduling().privacyRegistry().erase(c.tenant(), c.client()));
        AppointmentView afterKept = qleven.scheduling().appointment(c.admin(), kept.id());
        assertThat(afterKept.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(qleven.scheduling().appointment(c.admin(), cancelled.id()).cancellation().orElseThrow().reason())
                .isEqualTo("[erased]");
        assertThat(search(c.admin(), c.service(), "2027-03-02", "2027-03-02", Optional.of(c.pro())).slots())
                .hasSize(26);
    }

    @Test
    void anErasureKeepsAnAppointmentCompletedBeforeItsStartAndSucceeds() {
        Center c = center();
        AppointmentView early = book(c, c.receptionist(), madrid("2027-03-04T10:00"), Optional.of(c.pro()));
        qleven.scheduling().checkIn(c.receptionist(), early.id());
        qleven.scheduling().complete(c.receptionist(), early.id());
        AppointmentView ahead = book(c, c.receptionist(), madrid("2027-03-05T10:00"), Optional.of(c.pro()));

        inTenant(c.tenant(), () -> qleven.scheduling().privacyRegistry().erase(c.tenant(), c.client()));

        assertThat(qleven.scheduling().appointment(c.admin(), early.id()).status())
                .isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(qleven.scheduling().appointment(c.admin(), ahead.id()).status())
                .isEqualTo(AppointmentStatus.CANCELLED);
    }
}

package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.billing.Money;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.Actor;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.AppointmentStatus;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.RateLimitedException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Principal;
import com.qleven.domain.audit.AuditEntry;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.scheduling.in.CalendarFeedLink;
import com.qleven.ports.scheduling.out.CalendarRenderer;
import com.qleven.ports.scheduling.out.StoredAppointment;
import com.qleven.ports.tenancy.in.AddUserCommand;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignInCommand;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A professional's calendar feed (issue 9 item 6) through {@code qleven.scheduling()}, against
 * every store. The renderer here writes one line per event, so the tests read exactly what the core
 * chose to show; the iCalendar form is the iCal adapter's and the host's tests' concern.
 */
public abstract class CalendarFeedUseCasesSuite extends UseCasesSuiteBase {
    private static final String PASSWORD = "correct horse battery";
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");

    /** One line per event: uid|start|end|summary|status. */
    static final CalendarRenderer LINES = calendar -> calendar.events().stream()
            .map(e -> e.uid() + "|" + e.start() + "|" + e.end() + "|" + e.summary() + "|" + e.status())
            .collect(Collectors.joining("\n"));

    private MutableClock clock;
    private QlevenStore store;
    private Qleven qleven;
    private ClientInfo caller;

    @BeforeEach
    void buildCore() {
        clock = new MutableClock(NOW);
        store = newStore();
        qleven = core(store).clock(clock).calendarRenderer(LINES).build();
        caller = clientAtAnAddressOfItsOwn("Calendar/1.0", Optional.empty());
    }

    /** A center: its administrator, a professional and a receptionist, signed in. */
    private record Center(TenantId tenant, Principal admin, Principal professional, Principal receptionist) {
    }

    private static String email() {
        return "person-" + UUID.randomUUID() + "@example.com";
    }

    private Center center() {
        String adminEmail = email();
        qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica Sol").address("Calle Mayor 1").taxId("B12345678").country("ES")
                .timeZone("Europe/Madrid").currency("EUR").fullName("Ana López").email(adminEmail)
                .phone("+34600111222").password(PASSWORD).ageConfirmed(true).client(caller).build());
        Principal admin = signIn(adminEmail);
        return new Center(admin.requireTenant(), admin, member(admin, "professional"), member(admin, "receptionist"));
    }

    private Principal member(Principal admin, String role) {
        String email = email();
        qleven.tenancy().addUser(admin, AddUserCommand.builder().fullName("Luis Pérez").email(email).role(role)
                .password(PASSWORD).ageConfirmed(true).build());
        return signIn(email);
    }

    private Principal signIn(String email) {
        return qleven.tenancy().authenticate(qleven.tenancy().signIn(new SignInCommand(email, PASSWORD,
                Optional.empty(), caller)).token());
    }

    private ServiceId service(TenantId tenant, String name) {
        Service service = new Service(new ServiceId(UUID.randomUUID()), name, 60, 0, 0,
                new Money(5000, Currency.getInstance("EUR")), "exempt", false, Set.of(), Set.of(), true);
        store.shared().transactions().inTenant(tenant, () -> store.scheduling().catalogue().addService(tenant, service));
        return service.id();
    }

    private ClientId client(Principal admin, String fullName) {
        return qleven.clients().create(admin, CreateClientCommand.builder().fullName(fullName).phone("600 123 456")
                .notes("Allergic to latex.").build()).id();
    }

    private AppointmentId appointment(TenantId tenant, UserId professional, ClientId client, ServiceId service,
                                      Instant start, AppointmentStatus status) {
        AppointmentId id = new AppointmentId(UUID.randomUUID());
        Optional<StoredAppointment.SealedCancellation> cancellation = status == AppointmentStatus.CANCELLED
                ? Optional.of(new StoredAppointment.SealedCancellation(new byte[] {1, 2, 3}, Actor.system(), NOW))
                : Optional.empty();
        StoredAppointment a = new StoredAppointment(tenant, id, client, service, professional, null, List.of(), start,
                start.plus(Duration.ofHours(1)), 0, 0, status, NOW, cancellation, List.of(), null, NOW,
                Actor.system(), 1);
        store.shared().transactions().inTenant(tenant, () -> store.scheduling().appointments().add(a));
        return id;
    }

    private static String token(CalendarFeedLink link) {
        String path = link.url().getPath();
        return path.substring(path.lastIndexOf('/') + 1, path.length() - ".ics".length());
    }

    @Test
    void the_feed_shows_the_professionals_own_appointments_in_its_window_with_the_service_and_first_name_only() {
        Center c = center();
        UserId pro = c.professional().userId();
        ServiceId laser = service(c.tenant(), "Láser");
        ClientId lucia = client(c.admin(), "Lucía Fernández-Ruiz Ortega");
        ClientId bjorn = client(c.admin(), "Björn Oyelaran");
        AppointmentId booked = appointment(c.tenant(), pro, lucia, laser, NOW.plus(Duration.ofDays(1)),
                AppointmentStatus.BOOKED);
        AppointmentId confirmed = appointment(c.tenant(), pro, bjorn, laser, NOW.plus(Duration.ofDays(179)),
                AppointmentStatus.CONFIRMED);
        AppointmentId past = appointment(c.tenant(), pro, lucia, laser, NOW.minus(Duration.ofDays(29)),
                AppointmentStatus.COMPLETED);
        AppointmentId cancelled = appointment(c.tenant(), pro, lucia, laser, NOW.plus(Duration.ofDays(2)),
                AppointmentStatus.CANCELLED);
        AppointmentId tooOld = appointment(c.tenant(), pro, lucia, laser, NOW.minus(Duration.ofDays(31)),
                AppointmentStatus.COMPLETED);
        AppointmentId tooFar = appointment(c.tenant(), pro, lucia, laser, NOW.plus(Duration.ofDays(181)),
                AppointmentStatus.BOOKED);
        AppointmentId colleagues = appointment(c.tenant(), c.admin().userId(), lucia, laser,
                NOW.plus(Duration.ofDays(1)), AppointmentStatus.BOOKED);
        Center other = center();
        AppointmentId otherCenters = appointment(other.tenant(), other.professional().userId(),
                client(other.admin(), "Zuriñe Etxeberria"), service(other.tenant(), "Facial"),
                NOW.plus(Duration.ofDays(1)), AppointmentStatus.BOOKED);

        CalendarFeedLink link = qleven.scheduling().createCalendarFeed(c.admin(), pro);
        assertThat(link.url().toString()).matches("http://localhost:8080/v1/calendar/qf_[A-Za-z0-9_-]{43}\\.ics");
        String feed = qleven.scheduling().readCalendarFeed(token(link), caller);

        assertThat(feed.lines()).containsExactly(
                past.value() + "|" + NOW.minus(Duration.ofDays(29)) + "|"
                        + NOW.minus(Duration.ofDays(29)).plus(Duration.ofHours(1)) + "|Láser - Lucía|CONFIRMED",
                booked.value() + "|" + NOW.plus(Duration.ofDays(1)) + "|"
                        + NOW.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)) + "|Láser - Lucía|TENTATIVE",
                confirmed.value() + "|" + NOW.plus(Duration.ofDays(179)) + "|"
                        + NOW.plus(Duration.ofDays(179)).plus(Duration.ofHours(1)) + "|Láser - Björn|CONFIRMED");
        assertThat(feed).doesNotContain(cancelled.value().toString(), tooOld.value().toString(),
                tooFar.value().toString(), colleagues.value().toString(), otherCenters.value().toString(),
                "Fernández", "Ortega", "Oyelaran", "600 123 456", "600123456", "latex");
    }

    @Test
    void a_new_link_stops_the_old_one_and_a_revoked_link_opens_nothing() {
        Center c = center();
        UserId pro = c.professional().userId();
        String first = token(qleven.scheduling().createCalendarFeed(c.professional(), pro));
        assertThat(qleven.scheduling().calendarFeedState(c.professional(), pro).active()).isTrue();
        String second = token(qleven.scheduling().createCalendarFeed(c.professional(), pro));
        assertThat(second).isNotEqualTo(first);

        assertThatThrownBy(() -> qleven.scheduling().readCalendarFeed(first, caller))
                .isInstanceOf(NotFoundException.class);
        assertThat(qleven.scheduling().readCalendarFeed(second, caller)).isEmpty();

        qleven.scheduling().revokeCalendarFeed(c.professional(), pro);
        assertThatThrownBy(() -> qleven.scheduling().readCalendarFeed(second, caller))
                .isInstanceOf(NotFoundException.class);
        assertThat(qleven.scheduling().calendarFeedState(c.admin(), pro).active()).isFalse();
        assertThatThrownBy(() -> qleven.scheduling().revokeCalendarFeed(c.admin(), pro))
                .as("nothing left to revoke").isInstanceOf(NotFoundException.class);
    }

    @Test
    void administrators_manage_anyones_link_every_member_their_own_and_no_other_centers() {
        Center c = center();
        Center other = center();
        UserId pro = c.professional().userId();

        assertThat(qleven.scheduling().createCalendarFeed(c.receptionist(), c.receptionist().userId())).isNotNull();
        assertThat(qleven.scheduling().createCalendarFeed(c.admin(), c.admin().userId())).isNotNull();
        assertThatThrownBy(() -> qleven.scheduling().createCalendarFeed(c.professional(), c.admin().userId()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.scheduling().createCalendarFeed(c.receptionist(), pro))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.scheduling().revokeCalendarFeed(c.receptionist(), pro))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.scheduling().calendarFeedState(c.professional(), c.admin().userId()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.scheduling().createCalendarFeed(c.admin(), new UserId(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qleven.scheduling().createCalendarFeed(other.admin(), pro))
                .as("another center's member").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> qleven.scheduling().calendarFeedState(other.admin(), pro))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void every_change_and_every_read_is_on_the_audit_trail_with_ids_only() {
        Center c = center();
        UserId pro = c.professional().userId();
        ServiceId laser = service(c.tenant(), "Láser");
        appointment(c.tenant(), pro, client(c.admin(), "Lucía Fernández"), laser, NOW.plus(Duration.ofDays(1)),
                AppointmentStatus.BOOKED);
        String token = token(qleven.scheduling().createCalendarFeed(c.admin(), pro));
        qleven.scheduling().readCalendarFeed(token, caller);
        qleven.scheduling().revokeCalendarFeed(c.admin(), pro);

        qleven.audit().seal(Optional.of(c.tenant()));
        List<AuditEvent> events = store.shared().transactions().inTenant(c.tenant(), () -> store.audit().auditLog()
                .read(Optional.of(c.tenant()), 0, 1000)).stream().map(AuditEntry::event)
                .filter(e -> e.action().startsWith("calendar_feed.")).toList();
        assertThat(events).extracting(AuditEvent::action)
                .containsExactly("calendar_feed.create", "calendar_feed.read", "calendar_feed.revoke");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.subjectType()).isEqualTo("calendar_feed");
            assertThat(e.subjectId()).contains(pro.value());
        });
        assertThat(events.get(0).actor()).contains(c.admin().userId());
        assertThat(events.get(1).actor()).as("the feed is read by its member's link").contains(pro);
        assertThat(events.get(1).rowCount()).isEqualTo(1);
        assertThat(events.toString()).doesNotContain(token, "Lucía", "Láser");
    }

    @Test
    void an_address_that_sends_too_many_unknown_tokens_is_refused_for_a_while() {
        Center c = center();
        String token = token(qleven.scheduling().createCalendarFeed(c.admin(), c.professional().userId()));
        ClientInfo guesser = clientAtAnAddressOfItsOwn("Guesser/1.0", Optional.empty());
        for (int i = 0; i < 30; i++) {
            String guess = "qf_" + UUID.randomUUID();
            assertThatThrownBy(() -> qleven.scheduling().readCalendarFeed(guess, guesser))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThatThrownBy(() -> qleven.scheduling().readCalendarFeed(token, guesser))
                .isInstanceOf(RateLimitedException.class);
        assertThat(qleven.scheduling().readCalendarFeed(token, caller)).as("another address").isNotNull();

        clock.set(NOW.plus(Duration.ofHours(1)).plusSeconds(1));
        assertThat(qleven.scheduling().readCalendarFeed(token, guesser)).isNotNull();
    }

    @Test
    void a_deactivated_members_link_opens_nothing() {
        Center c = center();
        String token = token(qleven.scheduling().createCalendarFeed(c.admin(), c.professional().userId()));
        qleven.tenancy().updateUser(c.admin(), c.professional().userId(),
                new com.qleven.ports.tenancy.in.UpdateUserCommand(Optional.empty(), Optional.of(false)));

        assertThatThrownBy(() -> qleven.scheduling().readCalendarFeed(token, caller))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void without_a_renderer_links_are_made_but_a_feed_cannot_be_read() {
        Qleven bare = core(store).clock(clock).build();
        Center c = center();
        String token = token(bare.scheduling().createCalendarFeed(c.admin(), c.professional().userId()));
        assertThatThrownBy(() -> bare.scheduling().readCalendarFeed(token, caller))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("calendarRenderer");
    }
}

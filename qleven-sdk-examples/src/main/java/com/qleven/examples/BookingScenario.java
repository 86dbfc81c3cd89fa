package com.qleven.examples;

import com.qleven.application.Qleven;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.clients.in.ClientView;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.scheduling.in.AppointmentView;
import com.qleven.ports.scheduling.in.AvailabilityQuery;
import com.qleven.ports.scheduling.in.AvailabilityView;
import com.qleven.ports.scheduling.in.BookAppointmentCommand;
import com.qleven.ports.scheduling.in.ServiceCommand;
import com.qleven.ports.scheduling.in.ServiceView;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignInCommand;
import com.qleven.ports.tenancy.in.SignUp.SignUpResult;
import com.qleven.ports.tenancy.in.SignUpCommand;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Booking through the embedded core: open a center whose administrator also treats clients, add a
 * service and the administrator's working hours, record a client, search the next week's
 * availability and book (then confirm) the first slot offered. Each step is a verb of
 * {@code qleven.scheduling()} or of the context it belongs to.
 */
public final class BookingScenario {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private BookingScenario() {
    }

    /** What the scenario found and booked, for the caller to check. */
    public record Outcome(AvailabilityView offered, AppointmentView booked, AppointmentView confirmed) {
    }

    public static Outcome run(Qleven qleven, String adminEmail, Clock clock, PrintStream out) {
        ClientInfo partner = new ClientInfo("127.0.0.1", "partner-agenda/1.0", Optional.empty());
        SignUpResult center = qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica Luna").address("Calle Luna 3, 28004 Madrid").taxId("B87654321")
                .country("ES").timeZone("Europe/Madrid").currency("EUR")
                .fullName("Marta Gil").email(adminEmail).password("a long admin passphrase").ageConfirmed(true)
                .client(partner).build());
        Principal admin = qleven.tenancy().authenticate(qleven.tenancy().signIn(new SignInCommand(adminEmail,
                "a long admin passphrase", Optional.empty(), partner)).token());

        ServiceView facial = qleven.scheduling().createService(admin, ServiceCommand.builder()
                .name("Limpieza facial").durationMinutes(45).bufferAfterMinutes(15).price(4500, "EUR")
                .taxRate("exempt")
                .build());
        List<WeeklyHours.Entry> hours = new ArrayList<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) {
            hours.add(new WeeklyHours.Entry(day, "09:00", "14:00"));
        }
        qleven.scheduling().setWorkingHours(admin, admin.userId(), hours);
        ClientView client = qleven.clients().create(admin, CreateClientCommand.builder()
                .fullName("Elena Ruiz").phone("600 222 333").build());

        LocalDate tomorrow = LocalDate.ofInstant(clock.instant(), MADRID).plusDays(1);
        AvailabilityView offered = qleven.scheduling().availability(admin, new AvailabilityQuery(
                facial.service().id(), tomorrow, tomorrow.plusDays(6), Optional.empty()));
        out.println(offered.slots().size() + " slots offered in center " + center.tenantId());
        AvailabilityView.Slot first = offered.slots().get(0);
        AppointmentView booked = qleven.scheduling().book(admin, new BookAppointmentCommand(client.id(),
                facial.service().id(), first.start(), Optional.of(first.professional())));
        out.println("booked " + booked.id() + " at " + booked.start().atZone(offered.zone()).toOffsetDateTime());
        AppointmentView confirmed = qleven.scheduling().confirm(admin, booked.id());
        out.println("status " + confirmed.status().wireName());
        qleven.tenancy().signOut(admin);
        return new Outcome(offered, booked, confirmed);
    }
}

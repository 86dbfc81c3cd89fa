package com.qleven.host.http.scheduling;

import com.qleven.application.QlevenStore;
import com.qleven.domain.billing.Money;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.Actor;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.AppointmentStatus;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Reply;
import com.qleven.ports.scheduling.out.StoredAppointment;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Scheduling rows for the host's tests, written through the store's repositories (the routes that
 * make services and appointments come with their own slices of issue 9); clients through the API,
 * so their names are sealed as in production.
 */
public final class SchedulingSeed {
    private SchedulingSeed() {
    }

    public static QlevenStore store(TestHost host) {
        return host.host().component().store();
    }

    /** A client made through the API by {@code token}'s caller: its id. */
    public static ClientId client(TestHost host, String token, String fullName, String phone, String notes) {
        Reply reply = host.post("/v1/clients", Map.of("fullName", fullName, "phone", phone, "notes", notes), token);
        if (reply.status() != 201) {
            throw new AssertionError("no client: " + reply.status() + " " + reply.body());
        }
        return new ClientId(UUID.fromString(reply.json().get("id").asText()));
    }

    /** A service of the center, stored directly: its id. */
    public static ServiceId service(TestHost host, String tenant, String name) {
        TenantId center = new TenantId(UUID.fromString(tenant));
        Service service = new Service(new ServiceId(UUID.randomUUID()), name, 60, 0, 0,
                new Money(4500, Currency.getInstance("EUR")), "exempt", false, Set.of(), Set.of(), true);
        store(host).shared().transactions().inTenant(center,
                () -> store(host).scheduling().catalogue().addService(center, service));
        return service.id();
    }

    /**
     * An hour's appointment of {@code professional} from {@code start}, in {@code status}; a
     * cancelled one carries {@code sealedReason} as its stored reason.
     */
    public static AppointmentId appointment(TestHost host, String tenant, String professional, ClientId client,
                                            ServiceId service, Instant start, AppointmentStatus status,
                                            byte[] sealedReason) {
        TenantId center = new TenantId(UUID.fromString(tenant));
        Instant at = host.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        AppointmentId id = new AppointmentId(UUID.randomUUID());
        StoredAppointment appointment = new StoredAppointment(center, id, client, service,
                new UserId(UUID.fromString(professional)), null, List.of(),
                start.truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                start.truncatedTo(java.time.temporal.ChronoUnit.MICROS).plus(Duration.ofHours(1)), 0, 0, status, at,
                status == AppointmentStatus.CANCELLED
                        ? Optional.of(new StoredAppointment.SealedCancellation(sealedReason, Actor.system(), at))
                        : Optional.empty(),
                List.of(), null, at, Actor.system(), 1);
        store(host).shared().transactions().inTenant(center,
                () -> store(host).scheduling().appointments().add(appointment));
        return id;
    }

    /** A booked appointment of {@code professional} from {@code start}, of a new client and a new service. */
    public static AppointmentId appointment(TestHost host, String tenant, String token, String professional,
                                            Instant start) {
        return appointment(host, tenant, professional, client(host, token, "Seed Client", "600 100 200", "Seed."),
                service(host, tenant, "Seed service"), start, AppointmentStatus.BOOKED, null);
    }
}

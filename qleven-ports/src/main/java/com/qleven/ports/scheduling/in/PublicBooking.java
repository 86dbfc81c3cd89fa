package com.qleven.ports.scheduling.in;

import com.qleven.domain.billing.Money;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.AppointmentStatus;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the public booking pages of a center send and get: no session, the center named by its
 * public slug, the person by name, phone and email, and the appointment afterwards by its manage
 * link alone. Nothing here names a professional or another client.
 */
public final class PublicBooking {
    private PublicBooking() {
    }

    /** A consent notice the center stores for a purpose, as the booking page shows it. */
    public record Notice(String purpose, String textVersion, String text) {
    }

    /**
     * A bookable service as the public sees it: no buffers, no staff, no resources; the deposit the
     * center asks for at booking, when it asks one.
     */
    public record PublicService(ServiceId id, String name, int durationMinutes, Money price, Optional<Money> deposit) {
        public PublicService {
            Objects.requireNonNull(deposit, "deposit");
        }
    }

    /** The center's page: its name, zone, active services and the consent notices it stores. */
    public record CenterPage(String name, ZoneId zone, List<PublicService> services, List<Notice> notices) {
        public CenterPage {
            services = List.copyOf(services);
            notices = List.copyOf(notices);
        }
    }

    /** A purpose the person accepted and the version of its notice they were shown. */
    public record Consent(String purpose, String textVersion) {
    }

    /**
     * A booking as sent (wire values, null when absent), with the caller's address for the rate
     * limit per address.
     */
    public record BookCommand(ServiceId service, Instant start, Optional<UserId> professional, String fullName,
                              String phone, String email, List<Consent> consents, String clientAddress) {
        public BookCommand {
            Objects.requireNonNull(professional, "professional");
            consents = consents == null ? null : List.copyOf(consents);
        }
    }

    /**
     * An appointment as its client sees it through the manage link, with the deposit its booking
     * asked for (empty when none).
     */
    public record ManagedAppointment(AppointmentId id, AppointmentStatus status, Instant start, Instant end,
                                     ServiceId service, String serviceName, String centerName, ZoneId zone,
                                     Instant changeableUntil, Optional<Money> depositDue) {
        public ManagedAppointment {
            Objects.requireNonNull(depositDue, "depositDue");
        }
    }

    /**
     * A booking made: the center it was made in, the appointment, the manage link (its token is in
     * {@code manageUrl} and nowhere else), and whether the person became a new client who shares a
     * phone or an email with others (told to staff only; never shown to the public).
     */
    public record Booked(TenantId center, ManagedAppointment appointment, URI manageUrl, boolean possibleDuplicate) {
    }
}

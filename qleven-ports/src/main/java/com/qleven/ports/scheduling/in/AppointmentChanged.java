package com.qleven.ports.scheduling.in;

import com.qleven.domain.scheduling.Appointment;
import com.qleven.domain.scheduling.AppointmentEvent;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Principal;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A step of an appointment's lifecycle (booked, moved, completed, no-show, cancelled, …) as other
 * contexts hear of it: inside the unit of work that made it, so what a listener writes (a package
 * redeemed, a fee charged, a confirmation queued) commits or rolls back with it. {@code appointment} is
 * the appointment as it now is.
 * <ul>
 *   <li>{@code staff} is the member who acted; empty when the client acted online (booking page,
 *       manage link). {@link #by()} gives the member and fails for a client's step, so a listener of
 *       staff-only steps (completion, no-show) reads it directly.</li>
 *   <li>{@code redeemPackage} is the staff's choice on completion: false when they chose not to redeem a
 *       prepaid package for it (billing then drafts an invoice instead); true for every other step.</li>
 *   <li>{@code laterOccurrence}: a booking of the second or a later occurrence of a series booked in
 *       one step (the client hears of the series once).</li>
 *   <li>{@code manageLink}: the client's link to see, move or cancel the appointment, when the step
 *       knows it (an online booking, a step taken through the link); it is stored only hashed, so
 *       staff steps never have it.</li>
 * </ul>
 */
public record AppointmentChanged(Optional<Principal> staff, TenantId tenant, Appointment appointment,
                                 AppointmentEvent event, boolean redeemPackage, boolean laterOccurrence,
                                 Optional<URI> manageLink) {
    public AppointmentChanged {
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(appointment, "appointment");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(manageLink, "manageLink");
    }

    /** A staff step; {@code redeemPackage} as on completion. */
    public AppointmentChanged(Principal by, TenantId tenant, Appointment appointment, AppointmentEvent event,
                              boolean redeemPackage) {
        this(Optional.of(Objects.requireNonNull(by, "by")), tenant, appointment, event, redeemPackage, false,
                Optional.empty());
    }

    /** A staff step with no choice about packages: a completion redeems one if it can. */
    public AppointmentChanged(Principal by, TenantId tenant, Appointment appointment, AppointmentEvent event) {
        this(by, tenant, appointment, event, true);
    }

    /** A booking by staff; {@code laterOccurrence} for the second and later occurrences of a series. */
    public static AppointmentChanged bookedByStaff(Principal by, TenantId tenant, Appointment appointment,
                                                   AppointmentEvent event, boolean laterOccurrence) {
        return new AppointmentChanged(Optional.of(Objects.requireNonNull(by, "by")), tenant, appointment, event,
                true, laterOccurrence, Optional.empty());
    }

    /** A step the client took online (booking page or manage link), with the link when known. */
    public static AppointmentChanged byClient(TenantId tenant, Appointment appointment, AppointmentEvent event,
                                              Optional<URI> manageLink) {
        return new AppointmentChanged(Optional.empty(), tenant, appointment, event, true, false, manageLink);
    }

    /**
     * The member who took the step.
     *
     * @throws IllegalStateException for a step the client took online: check {@link #staff()} first
     *                               unless the step is one only staff take
     */
    public Principal by() {
        return staff.orElseThrow(() -> new IllegalStateException("the client took this step online; no member did"));
    }
}

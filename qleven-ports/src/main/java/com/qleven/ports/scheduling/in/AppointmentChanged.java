package com.qleven.ports.scheduling.in;

import com.qleven.domain.scheduling.Appointment;
import com.qleven.domain.scheduling.AppointmentEvent;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Principal;
import java.util.Objects;

/**
 * A step of an appointment's lifecycle (completed, no-show, cancelled, …) as other contexts hear of it:
 * inside the unit of work that made it, so what a listener writes (a package redeemed, a fee charged)
 * commits or rolls back with it. {@code by} is the staff member who acted; {@code appointment} is the
 * appointment as it now is. {@code redeemPackage} is the staff's choice on completion: false when
 * they chose not to redeem a prepaid package for it (billing then drafts an invoice instead); true
 * for every other step.
 */
public record AppointmentChanged(Principal by, TenantId tenant, Appointment appointment, AppointmentEvent event,
                                 boolean redeemPackage) {
    public AppointmentChanged {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(appointment, "appointment");
        Objects.requireNonNull(event, "event");
    }

    /** A step with no choice about packages: a completion redeems one if it can. */
    public AppointmentChanged(Principal by, TenantId tenant, Appointment appointment, AppointmentEvent event) {
        this(by, tenant, appointment, event, true);
    }
}

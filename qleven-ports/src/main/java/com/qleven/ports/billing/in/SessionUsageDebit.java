package com.qleven.ports.billing.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a treatment session on a machine used, debited from the client's allowance package (issue 13),
 * with no principal: called by the devices context inside the unit that stopped the session.
 */
@FunctionalInterface
public interface SessionUsageDebit {
    /**
     * Debits, from the first of the client's packages covering {@code service}, valid today and
     * holding an allowance whose unit ({@code shots}, {@code pulses}, {@code minutes}) is a key of
     * {@code used} with more than zero, that much (rounded to a whole unit), at most what is left:
     * the balance never goes below zero. Recorded as a redemption by {@code by} (who armed the machine)
     * for the appointment, and audited. The package debited; empty when none applies.
     */
    Optional<com.qleven.domain.billing.ClientPackageId> debit(TenantId tenant, ClientId client, ServiceId service,
                                                              AppointmentId appointment, Map<String, Double> used,
                                                              UserId by, Instant at);

    SessionUsageDebit NONE = (tenant, client, service, appointment, used, by, at) -> Optional.empty();
}

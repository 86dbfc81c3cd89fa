package com.qleven.application;

import com.qleven.ports.audit.out.AuditStore;
import com.qleven.ports.billing.out.BillingStore;
import com.qleven.ports.clients.out.ClientStore;
import com.qleven.ports.messaging.out.MessagingStore;
import com.qleven.ports.consent.out.ConsentStore;
import com.qleven.ports.devices.out.DevicesStore;
import com.qleven.ports.privacy.out.PrivacyStore;
import com.qleven.ports.scheduling.out.SchedulingStore;
import com.qleven.ports.shared.out.SharedStore;
import com.qleven.ports.tenancy.out.TenancyStore;

/**
 * Everything a storage adapter provides, so that an embedder plugs one object in: one group of
 * repositories per context, so a new context adds its own group and one accessor here. Every
 * repository's writes join the unit of work that {@code shared().transactions()} opens on the
 * thread. Only the composition ({@link Qleven}) reads it; each service is given the narrow ports it uses.
 */
public interface QlevenStore {
    SharedStore shared();

    TenancyStore tenancy();

    ClientStore clients();

    ConsentStore consent();

    PrivacyStore privacy();

    AuditStore audit();

    SchedulingStore scheduling();

    BillingStore billing();

    MessagingStore messaging();

    /** What devices do: command outbox, telemetry history, maintenance rules, treatment sessions. */
    com.qleven.ports.devices.out.DeviceWorkStore deviceWork();

    DevicesStore devices();
}

package com.qleven.ports.devices.out;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * Treatment sessions, one per appointment (a later session of the same appointment replaces it).
 * Client-linked: export lists a client's, erasure deletes them.
 */
public interface TreatmentSessions {
    /** The appointment's session, locked to the caller's commit. */
    Optional<StoredSession> find(TenantId tenant, AppointmentId appointment);

    /** The session running on the device (started, not stopped), if any, locked. */
    Optional<StoredSession> runningOn(TenantId tenant, DeviceId device);

    /** Creates or replaces the appointment's session in the caller's unit. */
    void save(TenantId tenant, StoredSession session);

    /** Every session of the client's appointments (export), oldest first. */
    List<StoredSession> allOfClient(TenantId tenant, ClientId client);

    /** Deletes the client's sessions (erasure); how many. */
    int eraseClient(TenantId tenant, ClientId client);
}

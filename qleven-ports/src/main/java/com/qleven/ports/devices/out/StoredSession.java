package com.qleven.ports.devices.out;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.devices.TreatmentSession;
import java.util.Objects;

/** A treatment session with the client of its appointment (what export and erasure find it by). */
public record StoredSession(TreatmentSession session, ClientId client) {
    public StoredSession {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(client, "client");
    }
}

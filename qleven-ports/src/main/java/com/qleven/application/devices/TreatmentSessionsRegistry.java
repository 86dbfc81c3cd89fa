package com.qleven.application.devices;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.devices.TreatmentSession;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.out.StoredSession;
import com.qleven.ports.devices.out.TreatmentSessions;
import com.qleven.ports.privacy.out.RegistryEraser;
import com.qleven.ports.privacy.out.RegistryExporter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The client's treatment sessions in the privacy registry (section {@code treatmentSessions}): the
 * export lists each, oldest first (appointment, device, start and stop, parameters, counters used);
 * the erasure deletes them.
 */
public final class TreatmentSessionsRegistry implements RegistryExporter, RegistryEraser {
    private final TreatmentSessions sessions;

    TreatmentSessionsRegistry(TreatmentSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Map<String, Object> export(TenantId tenant, ClientId client) {
        List<Object> items = new ArrayList<>();
        for (StoredSession stored : sessions.allOfClient(tenant, client)) {
            TreatmentSession s = stored.session();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("appointmentId", s.appointment().toString());
            item.put("deviceId", s.device().toString());
            item.put("startedAt", instant(s.startedAt()));
            item.put("stoppedAt", s.stoppedAt().map(TreatmentSessionsRegistry::instant).orElse(null));
            item.put("parameters", new TreeMap<>(s.parameters()));
            item.put("counters", s.countersUsed());
            items.add(item);
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("items", items);
        return section;
    }

    @Override
    public void erase(TenantId tenant, ClientId client) {
        sessions.eraseClient(tenant, client);
    }

    private static String instant(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
    }
}

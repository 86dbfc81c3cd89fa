package com.qleven.application.clients;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.clients.out.ClientDuplicates;
import com.qleven.ports.privacy.out.RegistryEraser;
import com.qleven.ports.privacy.out.RegistryExporter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client's possible-duplicate flags in the privacy registry (section {@code possibleDuplicates}).
 * The export lists each flag naming the client, on either side, with what the pair shares, its
 * source, when it was flagged and dismissed, and the booking when the client is the one it made;
 * never the other client's id, which is another person's. The erasure removes every flag naming
 * the client, on either side: a pair with an erased client is nothing left to compare.
 */
public final class ClientDuplicatesRegistry implements RegistryExporter, RegistryEraser {
    private final ClientDuplicates duplicates;

    public ClientDuplicatesRegistry(ClientDuplicates duplicates) {
        this.duplicates = duplicates;
    }

    @Override
    public Map<String, Object> export(TenantId tenant, ClientId client) {
        List<Object> items = new ArrayList<>();
        for (ClientDuplicates.Flag f : duplicates.naming(tenant, client)) {
            boolean made = f.client().equals(client);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", f.id().toString());
            item.put("role", made ? "new_client" : "existing_client");
            item.put("matchedOn", f.matchedOn().wireName());
            item.put("source", f.source().wireName());
            item.put("appointmentId", made ? f.appointment().map(Object::toString).orElse(null) : null);
            item.put("flaggedAt", instant(f.flaggedAt()));
            item.put("dismissedAt", f.dismissedAt().map(ClientDuplicatesRegistry::instant).orElse(null));
            items.add(item);
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("items", items);
        return section;
    }

    @Override
    public void erase(TenantId tenant, ClientId client) {
        duplicates.removeNaming(tenant, client);
    }

    private static String instant(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
    }
}

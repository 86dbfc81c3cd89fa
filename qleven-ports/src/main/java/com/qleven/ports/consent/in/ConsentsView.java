package com.qleven.ports.consent.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentEntry;
import com.qleven.domain.consent.ConsentPurpose;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A client's consents: the current state per purpose (whatsapp and marketing always, false until
 * granted; a purpose of the center's own once it has an entry) and the full history, oldest first.
 */
public record ConsentsView(ClientId client, Map<ConsentPurpose, Boolean> current, List<ConsentEntry> history) {
    public ConsentsView {
        Objects.requireNonNull(client, "client");
        current = Collections.unmodifiableMap(new LinkedHashMap<>(current));
        history = List.copyOf(history);
    }
}

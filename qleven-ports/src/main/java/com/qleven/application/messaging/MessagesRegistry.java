package com.qleven.application.messaging;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.ComponentKey;
import com.qleven.domain.messaging.OutboundMessage;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.Outbox;
import com.qleven.ports.messaging.out.QueuedMessage;
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

/**
 * The client's WhatsApp messages in the privacy registry (section {@code messages}). The export lists
 * each message, oldest first: its purpose, appointment, template (name and language), status and
 * times, Meta's id, the failure's Graph code or the skip reason, and its parameters opened (what the
 * message said or would have said). The erasure ({@link Outbox#eraseClient}) deletes the messages not
 * yet sent and keeps the fate of the rest (ids, statuses, times) for the record; their parameters are
 * sealed under the client's key, which the client's own eraser shreds after this one (the registry
 * erases in the reverse order of registration), so nothing of what they said can be read again.
 */
public final class MessagesRegistry implements RegistryExporter, RegistryEraser {
    private final Outbox outbox;
    private final MessageParameters parameters;

    public MessagesRegistry(Outbox outbox, MessageParameters parameters) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public Map<String, Object> export(TenantId tenant, ClientId client) {
        List<Object> items = new ArrayList<>();
        for (QueuedMessage m : outbox.allOfClient(tenant, client)) {
            OutboundMessage s = m.state();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", s.id().toString());
            item.put("purpose", s.purpose().wireName());
            item.put("appointmentId", m.appointment().map(Object::toString).orElse(null));
            item.put("template", m.templateName().orElse(null));
            item.put("language", m.templateLanguage().orElse(null));
            item.put("status", s.status().wireName());
            item.put("createdAt", instant(s.createdAt()));
            item.put("statusAt", instant(s.statusAt()));
            item.put("dueAt", s.nextAttemptAt().map(MessagesRegistry::instant).orElse(null));
            item.put("wamid", s.wamid().orElse(null));
            item.put("errorCode", s.failure().map(f -> (Object) f.graphCode()).orElse(null));
            item.put("skippedReason", s.skipReason().map(r -> r.wireName()).orElse(null));
            item.put("parameters", opened(tenant, m));
            items.add(item);
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("items", items);
        return section;
    }

    @Override
    public void erase(TenantId tenant, ClientId client) {
        outbox.eraseClient(tenant, client);
    }

    /** Per component ({@code body}, {@code button.0}), the texts in placeholder order; none for a skipped message. */
    private Map<String, Object> opened(TenantId tenant, QueuedMessage m) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (m.sealedParameters().length == 0) {
            return out;
        }
        Map<ComponentKey, List<String>> open = parameters.open(tenant, m.state().id(), m.sealedParameters());
        open.forEach((key, values) -> out.put(key.wireName(), List.copyOf(values)));
        return out;
    }

    private static String instant(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
    }
}

package com.qleven.ports.messaging.out;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.OutboundMessage;
import com.qleven.domain.messaging.TemplateId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * An outbound message as the outbox keeps it: its fate ({@link OutboundMessage}), the client it is
 * for, the appointment it is about (none for marketing), the template chosen when it was queued (its
 * name and language kept so a list shows them after a sync drops it; none when no approved template
 * was found, the message then skipped), and its rendered parameters sealed under the client's key
 * ({@code application.messaging.MessageParameters}), so an erasure makes them unreadable. The
 * recipient's number is read from the client when it is sent, never stored here.
 */
public record QueuedMessage(TenantId tenant, OutboundMessage state, ClientId client, Optional<AppointmentId> appointment,
                            Optional<TemplateId> template, Optional<String> templateName,
                            Optional<String> templateLanguage, byte[] sealedParameters) {
    public QueuedMessage {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(appointment, "appointment");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(templateName, "templateName");
        Objects.requireNonNull(templateLanguage, "templateLanguage");
        Objects.requireNonNull(sealedParameters, "sealedParameters");
        if (template.isPresent() != templateName.isPresent() || templateName.isPresent() != templateLanguage.isPresent()) {
            throw new IllegalArgumentException("a template comes with its name and language");
        }
    }

    public QueuedMessage withState(OutboundMessage next) {
        return new QueuedMessage(tenant, next, client, appointment, template, templateName, templateLanguage,
                sealedParameters);
    }

    @Override
    public String toString() {
        return "QueuedMessage[id=" + state.id() + ", status=" + state.status() + "]";
    }
}

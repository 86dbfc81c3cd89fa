package com.qleven.ports.messaging.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.MessageStatus;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.messaging.SendFailure;
import com.qleven.domain.messaging.SkipReason;
import com.qleven.domain.scheduling.AppointmentId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An outbound message as staff see it: its fate (status and when it was reached, attempts, the wamid
 * Meta gave, the failure with its Graph code, or why it was skipped), the template it uses and why it
 * was sent. No parameter values: they are the client's personal data and stay sealed.
 */
public record MessageView(OutboundMessageId id, ClientId client, Optional<AppointmentId> appointment,
                          MessagePurpose purpose, MessageStatus status, Instant statusAt, int attempts,
                          Optional<String> wamid, Optional<String> templateName, Optional<String> templateLanguage,
                          Optional<SendFailure> error, Optional<SkipReason> skippedReason,
                          Optional<OutboundMessageId> resendOf, Instant createdAt) {
    public MessageView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(appointment, "appointment");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusAt, "statusAt");
        Objects.requireNonNull(wamid, "wamid");
        Objects.requireNonNull(templateName, "templateName");
        Objects.requireNonNull(templateLanguage, "templateLanguage");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(skippedReason, "skippedReason");
        Objects.requireNonNull(resendOf, "resendOf");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Always outbound in this issue; inbound messages come with issue 12. */
    public String direction() {
        return "outbound";
    }
}

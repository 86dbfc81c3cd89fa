package com.qleven.ports.messaging.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.MessageStatus;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.ValidationException;
import java.util.Objects;
import java.util.Optional;

/**
 * Which messages a staff list shows: exactly one of a client's, an appointment's, or those in a
 * status (only {@code uncertain} is listed so: the staff's worklist).
 */
public record MessageFilter(Optional<ClientId> client, Optional<AppointmentId> appointment,
                            Optional<MessageStatus> status) {
    public MessageFilter {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(appointment, "appointment");
        Objects.requireNonNull(status, "status");
        int given = (client.isPresent() ? 1 : 0) + (appointment.isPresent() ? 1 : 0) + (status.isPresent() ? 1 : 0);
        if (given != 1) {
            String field = client.isPresent() ? (appointment.isPresent() ? "appointmentId" : "status")
                    : appointment.isPresent() ? "status" : "clientId";
            throw new ValidationException(field, given == 0
                    ? "one of clientId, appointmentId or status is required"
                    : "give exactly one of clientId, appointmentId or status");
        }
        if (status.isPresent() && status.get() != MessageStatus.UNCERTAIN) {
            throw new ValidationException("status", "only uncertain is listed by status");
        }
    }

    public static MessageFilter ofClient(ClientId client) {
        return new MessageFilter(Optional.of(client), Optional.empty(), Optional.empty());
    }

    public static MessageFilter ofAppointment(AppointmentId appointment) {
        return new MessageFilter(Optional.empty(), Optional.of(appointment), Optional.empty());
    }

    public static MessageFilter uncertain() {
        return new MessageFilter(Optional.empty(), Optional.empty(), Optional.of(MessageStatus.UNCERTAIN));
    }
}

package com.qleven.domain.devices;

import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A command to a machine, as a state machine the dispatcher and the device's acks drive. What callers
 * rely on:
 * <ul>
 *   <li>{@code dueAt} is when the dispatcher may publish it: present while {@link CommandStatus#QUEUED}
 *       (at once, or after a backoff when the broker would not take it), and on a {@link CommandStatus#SENT}
 *       command the device has not answered once the device comes back online ({@link #redeliverAt}):
 *       it is published again with the same id and the device deduplicates.</li>
 *   <li>{@link #sent} counts an attempt. Nothing is published at or after {@code expiresAt}: a command
 *       still queued or sent then is {@link CommandStatus#EXPIRED} ({@link #expire}).</li>
 *   <li>Acks only move it forward: accepted, then done or rejected; done may come straight after sent;
 *       a repeated ack, or any ack for a final command, changes nothing ({@link #ack} returns it as
 *       it was).</li>
 *   <li>{@link CommandStatus#FAILED} means it could not be delivered in its lifetime for a reason that
 *       will not pass: the device was revoked. A broker that refuses (no PUBACK) only delays it, and a
 *       command never handed over by its expiry expires.</li>
 * </ul>
 */
public record DeviceCommand(
        DeviceCommandId id,
        DeviceId device,
        CommandType type,
        Map<String, Object> parameters,
        Optional<AppointmentId> appointment,
        UserId issuedBy,
        Instant createdAt,
        Instant expiresAt,
        CommandStatus status,
        Instant statusAt,
        int attempts,
        Optional<Instant> dueAt,
        Optional<String> detail) {

    public static final int MAX_DETAIL = 500;

    public DeviceCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(type, "type");
        parameters = Map.copyOf(Objects.requireNonNull(parameters, "parameters"));
        Objects.requireNonNull(appointment, "appointment");
        Objects.requireNonNull(issuedBy, "issuedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusAt, "statusAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(detail, "detail");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a command expires after it is created");
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts: " + attempts);
        }
        if (status == CommandStatus.QUEUED && dueAt.isEmpty()) {
            throw new IllegalArgumentException("a queued command has its due time");
        }
        if (dueAt.isPresent() && status != CommandStatus.QUEUED && status != CommandStatus.SENT) {
            throw new IllegalArgumentException("only a queued or sent command is due: " + status);
        }
        if (status == CommandStatus.SENT && attempts == 0) {
            throw new IllegalArgumentException("a sent command was attempted");
        }
        detail = detail.map(d -> d.length() > MAX_DETAIL ? d.substring(0, MAX_DETAIL) : d);
    }

    /** A new command, due at once, living {@code lifetime}. Parameters as {@link CommandParameters#validate} left them. */
    public static DeviceCommand queue(DeviceCommandId id, DeviceId device, CommandType type,
                                      Map<String, Object> parameters, Optional<AppointmentId> appointment,
                                      UserId issuedBy, Instant now, Duration lifetime) {
        return new DeviceCommand(id, device, type, parameters, appointment, issuedBy, now, now.plus(lifetime),
                CommandStatus.QUEUED, now, 0, Optional.of(now), Optional.empty());
    }

    /** Whether the dispatcher may publish it now: due, and not expired. */
    public boolean due(Instant now) {
        return dueAt.isPresent() && !dueAt.get().isAfter(now) && now.isBefore(expiresAt);
    }

    /** Whether it is waiting and its lifetime is over, so {@link #expire} applies. */
    public boolean overdue(Instant now) {
        return (status == CommandStatus.QUEUED || status == CommandStatus.SENT) && !now.isBefore(expiresAt);
    }

    /**
     * The broker took it (PUBACK): sent, one more attempt, no longer due. The dispatcher may have
     * moved its due time past the publish (held in flight), so any waiting command with a due time
     * qualifies, as long as its lifetime is not over.
     */
    public DeviceCommand sent(Instant now) {
        if (dueAt.isEmpty() || !now.isBefore(expiresAt)) {
            throw new IllegalStateException("only a waiting command is published before its expiry; this one is "
                    + status.wireName());
        }
        return with(CommandStatus.SENT, now, attempts + 1, Optional.empty(), detail);
    }

    /** The broker did not take it: due again at {@code at}, its status unchanged. */
    public DeviceCommand deferredTo(Instant at) {
        Objects.requireNonNull(at, "at");
        if (status != CommandStatus.QUEUED && status != CommandStatus.SENT) {
            throw new IllegalStateException("only a waiting command is deferred; this one is " + status.wireName());
        }
        return with(status, statusAt, attempts, Optional.of(at), detail);
    }

    /**
     * The device came back online: a sent command it has not answered, still alive, is due again at
     * {@code now}; any other command is returned as it was.
     */
    public DeviceCommand redeliverAt(Instant now) {
        if (status != CommandStatus.SENT || !now.isBefore(expiresAt) || dueAt.isPresent()) {
            return this;
        }
        return with(status, statusAt, attempts, Optional.of(now), detail);
    }

    /** Its lifetime is over while it waited: expired. Any other command is returned as it was. */
    public DeviceCommand expire(Instant now) {
        if (!overdue(now)) {
            return this;
        }
        return with(CommandStatus.EXPIRED, now, attempts, Optional.empty(), Optional.of("not accepted before it expired"));
    }

    /** Not deliverable for good (the device was revoked): failed with its reason, if still waiting. */
    public DeviceCommand fail(String reason, Instant now) {
        Objects.requireNonNull(reason, "reason");
        if (status != CommandStatus.QUEUED && status != CommandStatus.SENT) {
            return this;
        }
        return with(CommandStatus.FAILED, now, attempts, Optional.empty(), Optional.of(reason));
    }

    /**
     * The device's answer. Forward only: accepted from queued or sent (an ack may overtake the record
     * of the send); done or rejected from queued, sent or accepted. Anything else — a repeat, a step
     * back, an ack for a final command — returns the command unchanged.
     */
    public DeviceCommand ack(AckStatus ack, Optional<String> ackDetail, Instant at) {
        Objects.requireNonNull(ack, "ack");
        Objects.requireNonNull(ackDetail, "ackDetail");
        boolean waiting = status == CommandStatus.QUEUED || status == CommandStatus.SENT;
        return switch (ack) {
            case ACCEPTED -> waiting
                    ? with(CommandStatus.ACCEPTED, at, attempts, Optional.empty(), ackDetail.or(() -> detail))
                    : this;
            case DONE -> waiting || status == CommandStatus.ACCEPTED
                    ? with(CommandStatus.DONE, at, attempts, Optional.empty(), ackDetail.or(() -> detail))
                    : this;
            case REJECTED -> waiting || status == CommandStatus.ACCEPTED
                    ? with(CommandStatus.REJECTED, at, attempts, Optional.empty(), ackDetail.or(() -> detail))
                    : this;
        };
    }

    private DeviceCommand with(CommandStatus s, Instant at, int n, Optional<Instant> due, Optional<String> d) {
        return new DeviceCommand(id, device, type, parameters, appointment, issuedBy, createdAt, expiresAt, s, at, n,
                due, d);
    }
}

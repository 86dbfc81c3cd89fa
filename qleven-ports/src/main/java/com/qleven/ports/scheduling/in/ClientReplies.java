package com.qleven.ports.scheduling.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * For other contexts: a client's own confirmation or cancellation of their appointment, found by id,
 * asked through a channel that is not the manage link (a WhatsApp reply button). The rules are the
 * manage link's: only a booked appointment is confirmed, a booked or confirmed one is cancelled within
 * the center's cancellation window, and the change is audited and heard by every
 * {@link AppointmentChanged} listener (a cancellation notice is queued, the slot offered to the
 * waitlist). It runs in the caller's unit of work for the center; a step the rules refuse changes
 * nothing and is answered, never thrown, so the caller's unit goes on.
 */
public interface ClientReplies {

    /** Confirms a booked appointment; confirming a confirmed one changes nothing. */
    Outcome confirm(TenantId tenant, AppointmentId appointment, ClientId client, Evidence evidence);

    /**
     * Cancels a booked or confirmed appointment within the center's window; one the client already
     * cancelled changes nothing.
     */
    Outcome cancel(TenantId tenant, AppointmentId appointment, ClientId client, Evidence evidence);

    /**
     * What asked the step, for the audit trail: the channel ({@code whatsapp}) and the id of the
     * message it came in, as the channel's context names it.
     */
    record Evidence(String channel, UUID message) {
        public Evidence {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(message, "message");
            if (!channel.matches("[a-z][a-z_]{0,29}")) {
                throw new IllegalArgumentException("a channel is a lowercase word: " + channel);
            }
        }
    }

    /** How the step went. */
    enum Result {
        /** The appointment changed. */
        DONE,
        /** It already was as asked: nothing changed. */
        ALREADY,
        /** The center's rules refuse it (too late, a status that does not allow it): nothing changed. */
        REFUSED,
        /** The center has no such appointment of that client: nothing changed. */
        NOT_FOUND
    }

    /** The result and, when refused, why (in words for staff, without personal data). */
    record Outcome(Result result, Optional<String> reason) {
        public Outcome {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(reason, "reason");
            if (reason.isPresent() != (result == Result.REFUSED)) {
                throw new IllegalArgumentException("a reason exactly when refused");
            }
        }

        public static Outcome of(Result result) {
            return new Outcome(result, Optional.empty());
        }

        public static Outcome refused(String reason) {
            return new Outcome(Result.REFUSED, Optional.of(reason));
        }
    }
}

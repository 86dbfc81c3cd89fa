package com.qleven.ports.messaging.out;

import com.qleven.domain.messaging.SendFailure;
import java.util.Objects;

/** What became of a send: accepted by Meta, refused, or not knowable. */
public sealed interface SendResult {

    /** Meta accepted the message (not yet delivered: statuses come by webhook keyed on the wamid). */
    record Sent(String wamid) implements SendResult {
        public Sent {
            Objects.requireNonNull(wamid, "wamid");
            if (wamid.isBlank()) {
                throw new IllegalArgumentException("wamid is blank");
            }
        }
    }

    /** Meta (or the way to it) refused the message; the failure says whether and when to try again. */
    record Refused(SendFailure failure) implements SendResult {
        public Refused {
            Objects.requireNonNull(failure, "failure");
        }
    }

    /**
     * The request may have reached Meta but no answer came (the connection dropped after the request
     * left, a timeout while waiting): the message may or may not go out. Never resend it by itself.
     */
    record Unknown(String reason) implements SendResult {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

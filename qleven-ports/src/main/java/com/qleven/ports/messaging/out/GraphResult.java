package com.qleven.ports.messaging.out;

import com.qleven.domain.messaging.SendFailure;
import java.util.Objects;

/**
 * What became of a management call (templates, signup, registration): done, refused with Meta's
 * error classified as for sends (a 190 is {@code RECONNECT}), or not knowable.
 */
public sealed interface GraphResult<T> {

    record Done<T>(T value) implements GraphResult<T> {
        public Done {
            Objects.requireNonNull(value, "value");
        }
    }

    record Refused<T>(SendFailure failure) implements GraphResult<T> {
        public Refused {
            Objects.requireNonNull(failure, "failure");
        }
    }

    /** No answer came after the request left (see {@link SendResult.Unknown}). */
    record Unknown<T>(String reason) implements GraphResult<T> {
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

package com.qleven.ports.shared.out;

import java.time.Instant;
import java.util.Optional;

/**
 * Counted events for rate limits (failed sign-ins, signups), shared by every host. Keys are blind
 * indexes, never an email or address in plain text. Writes join the unit of work open on the
 * thread; callers record a failure in a unit of work of its own, so it survives the failure.
 */
public interface RateLimits {

    record Window(int count, Optional<Instant> oldest) {
    }

    Window since(String bucket, BlindIndex key, Instant since);

    void record(String bucket, BlindIndex key, Instant at);

    void clear(String bucket, BlindIndex key);

    /** Housekeeping: forgets events older than the cutoff; returns how many. */
    int forgetBefore(Instant cutoff);
}

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

    /**
     * Holds every other unit of work that locks the same bucket and key until the open unit of work
     * ends, so that counting, deciding and recording an attempt happen as one step per key. Must
     * be called inside a unit of work.
     */
    void lock(String bucket, BlindIndex key);

    /** Removes one event recorded at exactly {@code at}: an attempt counted in advance that turned out well. */
    void forget(String bucket, BlindIndex key, Instant at);

    /** Housekeeping: forgets events older than the cutoff; returns how many. */
    int forgetBefore(Instant cutoff);
}

package com.qleven.ports.shared.out;

import com.qleven.domain.shared.TenantId;
import java.time.Instant;

/**
 * The answers of requests sent with an {@code Idempotency-Key}, per center. Every call joins the
 * unit of work open on the thread: the claim, the work and the saved answer commit together.
 */
public interface IdempotencyRecords {

    /** What a claim of a key found. */
    sealed interface Claim permits Fresh, Done, Busy {
    }

    /** Nobody used the key: the caller now holds it until its unit of work ends. */
    record Fresh() implements Claim {
    }

    /** A request with the key completed: the hash of that request and its sealed answer. */
    record Done(String requestHash, byte[] answer) implements Claim {
    }

    /** Another unit of work holds the key right now. */
    record Busy() implements Claim {
    }

    Claim claim(TenantId tenant, String key);

    void save(TenantId tenant, String key, String requestHash, byte[] answer, Instant at);

    /** Housekeeping: forgets the center's records made before the cutoff. */
    void forgetBefore(TenantId tenant, Instant cutoff);
}

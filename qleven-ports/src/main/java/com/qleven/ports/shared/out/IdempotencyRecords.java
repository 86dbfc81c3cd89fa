package com.qleven.ports.shared.out;

import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The answers of requests sent with an {@code Idempotency-Key}, per center and caller, or per
 * platform operator. Every call joins the unit of work open on the thread: the claim, the work and
 * the saved answer commit together.
 */
public interface IdempotencyRecords {

    /**
     * Whose keys: the callers of a center (an account or an API key, by id), or a platform
     * operator, who belongs to no center ({@code tenant} empty).
     */
    record Scope(Optional<TenantId> tenant, UUID caller) {
        public Scope {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(caller, "caller");
        }
    }

    /** What a claim of a key found. */
    sealed interface Claim permits Fresh, Done, Busy {
    }

    /** Nobody used the key: the caller now holds it until its unit of work ends. */
    record Fresh() implements Claim {
    }

    /** A request with the key completed: the keyed hash of that request, its sealed answer and when. */
    record Done(String requestHash, byte[] answer, Instant createdAt) implements Claim {
    }

    /** Another unit of work holds the key right now. */
    record Busy() implements Claim {
    }

    Claim claim(Scope scope, String key);

    void save(Scope scope, String key, String requestHash, byte[] answer, Instant at);

    /** Forgets one record, such as one found expired by a claim. */
    void forget(Scope scope, String key);

    /**
     * Housekeeping: forgets the records made before the cutoff, of a center (inside its unit of
     * work) or of the platform's operators (empty), {@code limit} at most; returns how many.
     */
    int forgetBefore(Optional<TenantId> tenant, Instant cutoff, int limit);

    /** When the center's oldest record was made, to know when its housekeeping is next due. */
    Optional<Instant> oldest(TenantId tenant);
}

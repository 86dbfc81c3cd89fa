package com.qleven.ports.privacy.out;

import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.BlindIndex;
import java.time.Instant;

/**
 * A center's marketing suppression list: keyed HMACs of the phone numbers and emails of people who
 * objected to direct marketing, under keys of their own (never the clients' erasable blind indexes),
 * holding no client id, so that an entry outlives the client's erasure and a re-import cannot bring
 * the person back into marketing. Writes join the unit of work open on the thread.
 */
public interface Suppressions {

    /** Adds the entry; adding one that is there already changes nothing. */
    void add(TenantId tenant, BlindIndex key, Instant at);

    boolean contains(TenantId tenant, BlindIndex key);
}

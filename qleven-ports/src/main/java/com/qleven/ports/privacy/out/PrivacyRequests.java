package com.qleven.ports.privacy.out;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.privacy.PrivacyRequestId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A center's data-subject requests. Lists page oldest received first (then id in PostgreSQL's uuid
 * order) with an opaque cursor; a cursor this store did not return is a
 * {@link com.qleven.domain.shared.ValidationException} on {@code cursor}. Writes join the unit of
 * work open on the thread.
 */
public interface PrivacyRequests {

    /** Adds a request, and notes its center among those that have requests. */
    void add(StoredPrivacyRequest request);

    Optional<StoredPrivacyRequest> byId(TenantId tenant, PrivacyRequestId id);

    /**
     * Replaces the stored request with {@code request} only if the stored version is still
     * {@code expectedVersion}.
     *
     * @return false, changing nothing, when the request is missing or its version is another
     */
    boolean update(StoredPrivacyRequest request, long expectedVersion);

    /**
     * Notes that an objection's suppression entries were written (when it was answered, or by an
     * erasure of the client while it was open): an objection answered after an erasure can so tell
     * entries kept for it from entries never written. The first note stays.
     */
    void noteSuppressed(TenantId tenant, PrivacyRequestId objection, Instant at);

    /** When the request's suppression entries were written, if they were. */
    Optional<Instant> suppressedAt(TenantId tenant, PrivacyRequestId id);

    /** Every request of one of the center's clients, oldest received first: what was asked about that person. */
    List<StoredPrivacyRequest> ofClient(TenantId tenant, ClientId client);

    Page<StoredPrivacyRequest> list(TenantId tenant, PrivacyRequestFilter filter, PageRequest page);

    long count(TenantId tenant, PrivacyRequestFilter filter);

    /**
     * How many open requests match {@code filter} across every center, in one read of a global list
     * of open requests' due times (ids and times only, kept in step with the centers' rows in the
     * same transaction): what the deadline gauges show.
     *
     * @throws IllegalArgumentException when the filter is not for open requests only
     */
    long countOpenAcrossCenters(PrivacyRequestFilter filter);

    /**
     * Every center that has ever received a request, read in a global unit of work: where a watch
     * across centers has to look. Holds center ids only.
     */
    List<TenantId> centers();
}

package com.qleven.ports.privacy.out;

import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Per-center notifications; reads and writes see only the unit of work's center. Newest first.
 * Title and text arrive sealed and are kept as they arrive.
 */
public interface CenterNotifications {

    void add(StoredNotification notification);

    Page<StoredNotification> list(TenantId tenant, PageRequest page);

    /** When the center was sent a notification of this kind about this subject, if it was. */
    Optional<Instant> sentAt(TenantId tenant, String kind, UUID subjectId);

    /**
     * {@link #sentAt(TenantId, String, UUID)} for each of a page's subjects, in one read: the
     * subjects the center was sent a notification of this kind about, each with when it first was.
     */
    java.util.Map<UUID, Instant> sentAt(TenantId tenant, String kind, java.util.Collection<UUID> subjectIds);

    /**
     * When each center was first sent a notice of {@code kind} about each of these subjects, across
     * centers, in one read: a global look-up of ids and times only (the notices themselves stay in
     * each center's rows), for the platform's own views such as the incident register. Subjects
     * without a notice anywhere are absent.
     */
    java.util.Map<UUID, java.util.Map<TenantId, Instant>> sentAtAcrossCenters(String kind,
                                                                              java.util.Collection<UUID> subjectIds);
}

package com.qleven.application.privacy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.privacy.PrivacyRequestStatus;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.privacy.in.CountPrivacyDeadlines;
import com.qleven.ports.privacy.out.PrivacyRequestFilter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Counts due-soon and overdue requests center by center, each in that center's own unit of work
 * (row-level security admits no read across centers), with one "now" for the whole count.
 */
public final class CountPrivacyDeadlinesService implements CountPrivacyDeadlines {
    private final QlevenStore store;
    private final Clock clock;

    public CountPrivacyDeadlinesService(QlevenStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Deadlines count() {
        Instant now = clock.instant();
        PrivacyRequestFilter dueSoon = ListPrivacyRequestsService.filter(PrivacyRequestStatus.DUE_SOON, now);
        PrivacyRequestFilter overdue = ListPrivacyRequestsService.filter(PrivacyRequestStatus.OVERDUE, now);
        // One unit of work reading the global list of open requests' due times, not one per center.
        return store.transactions().global(() -> new Deadlines(
                store.privacyRequests().countOpenAcrossCenters(dueSoon),
                store.privacyRequests().countOpenAcrossCenters(overdue)));
    }
}

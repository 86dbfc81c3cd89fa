package com.qleven.application.privacy;

import com.qleven.domain.privacy.PrivacyRequestStatus;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.privacy.in.CountPrivacyDeadlines;
import com.qleven.ports.privacy.out.PrivacyRequestFilter;
import com.qleven.ports.privacy.out.PrivacyRequests;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Counts due-soon and overdue requests center by center, each in that center's own unit of work
 * (row-level security admits no read across centers), with one "now" for the whole count.
 */
public final class CountPrivacyDeadlinesService implements CountPrivacyDeadlines {
    private final Transactions transactions;
    private final PrivacyRequests privacyRequests;
    private final Clock clock;

    public CountPrivacyDeadlinesService(Transactions transactions, PrivacyRequests privacyRequests, Clock clock) {
        this.transactions = transactions;
        this.privacyRequests = privacyRequests;
        this.clock = clock;
    }

    @Override
    public Deadlines count() {
        Instant now = clock.instant();
        PrivacyRequestFilter dueSoon = ListPrivacyRequestsService.filter(PrivacyRequestStatus.DUE_SOON, now);
        PrivacyRequestFilter overdue = ListPrivacyRequestsService.filter(PrivacyRequestStatus.OVERDUE, now);
        // One unit of work reading the global list of open requests' due times, not one per center.
        return transactions.global(() -> new Deadlines(
                privacyRequests.countOpenAcrossCenters(dueSoon),
                privacyRequests.countOpenAcrossCenters(overdue)));
    }
}

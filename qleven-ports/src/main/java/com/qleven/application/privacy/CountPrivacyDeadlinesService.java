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
        List<TenantId> centers = transactions.global(() -> privacyRequests.centers());
        long soon = 0;
        long late = 0;
        for (TenantId center : centers) {
            long[] counts = transactions.inTenant(center, () -> new long[] {
                    privacyRequests.count(center, dueSoon), privacyRequests.count(center, overdue)});
            soon += counts[0];
            late += counts[1];
        }
        return new Deadlines(soon, late);
    }
}

package com.qleven.domain.privacy;

import java.util.Locale;

/**
 * Where a request stands at an instant: {@code OPEN} while it is more than the warning period from
 * its due time, {@code DUE_SOON} within it, {@code OVERDUE} once the due time has passed
 * unanswered, {@code COMPLETED} once answered.
 */
public enum PrivacyRequestStatus {
    OPEN,
    DUE_SOON,
    OVERDUE,
    COMPLETED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

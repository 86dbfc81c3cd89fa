package com.qleven.domain.scheduling;

import java.util.Locale;

/** Where a waitlist entry stands: waiting, holding an offer, booked through it, or withdrawn. */
public enum WaitlistStatus {
    WAITING,
    OFFERED,
    BOOKED,
    WITHDRAWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

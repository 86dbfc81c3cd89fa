package com.qleven.ports.scheduling.in;

import com.qleven.domain.scheduling.WaitlistEntry;
import java.time.ZoneId;
import java.util.Objects;

/** A waitlist entry as answered, with the center's zone in whose offset its offer's slot is told. */
public record WaitlistView(WaitlistEntry entry, ZoneId zone) {
    public WaitlistView {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(zone, "zone");
    }
}

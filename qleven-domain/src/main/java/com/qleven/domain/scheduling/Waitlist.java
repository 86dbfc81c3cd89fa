package com.qleven.domain.scheduling;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The waitlist's rule: who gets a freed slot. */
public final class Waitlist {
    private static final Comparator<WaitlistEntry> QUEUE = Comparator.comparing(WaitlistEntry::createdAt)
            .thenComparing(e -> e.id().value());

    private Waitlist() {
    }

    /**
     * The first waiting entry (oldest first, then by id) that wants {@code slot}, skipping
     * {@code passedOver}: entries whose offer of this same slot already lapsed, so a lapse moves the
     * slot on to the next client.
     */
    public static Optional<WaitlistEntry> firstFor(FreedSlot slot, List<WaitlistEntry> entries, ZoneId zone,
                                                   Set<WaitlistEntryId> passedOver) {
        return entries.stream()
                .filter(e -> !passedOver.contains(e.id()) && e.wants(slot, zone))
                .min(QUEUE);
    }
}

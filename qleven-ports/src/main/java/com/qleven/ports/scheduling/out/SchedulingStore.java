package com.qleven.ports.scheduling.out;

/**
 * The store's scheduling group: settings, catalogue, staff schedules, appointments and the
 * resources they hold, the waitlist and the queue of its centers with open offers, and the two kinds of token looked up before the center is known.
 */
public interface SchedulingStore {
    SchedulingSettingsRepository settings();

    Catalogue catalogue();

    StaffSchedules staffSchedules();

    Appointments appointments();

    WaitlistEntries waitlist();

    /** The global queue of centers holding an open waitlist offer, kept in step with {@link #waitlist()}. */
    WaitlistOffersDue waitlistOffersDue();

    CalendarFeeds calendarFeeds();

    ManageLinks manageLinks();
}

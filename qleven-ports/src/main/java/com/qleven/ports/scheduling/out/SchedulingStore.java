package com.qleven.ports.scheduling.out;

/**
 * The store's scheduling group: settings, catalogue, staff schedules, appointments and the
 * resources they hold, the waitlist, and the two kinds of token looked up before the center is known.
 */
public interface SchedulingStore {
    SchedulingSettingsRepository settings();

    Catalogue catalogue();

    StaffSchedules staffSchedules();

    Appointments appointments();

    WaitlistEntries waitlist();

    CalendarFeeds calendarFeeds();

    ManageLinks manageLinks();
}

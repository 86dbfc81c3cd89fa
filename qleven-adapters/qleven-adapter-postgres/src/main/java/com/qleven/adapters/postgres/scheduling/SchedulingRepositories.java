package com.qleven.adapters.postgres.scheduling;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.ports.scheduling.out.Appointments;
import com.qleven.ports.scheduling.out.CalendarFeeds;
import com.qleven.ports.scheduling.out.Catalogue;
import com.qleven.ports.scheduling.out.ManageLinks;
import com.qleven.ports.scheduling.out.SchedulingSettingsRepository;
import com.qleven.ports.scheduling.out.StaffSchedules;
import com.qleven.ports.scheduling.out.WaitlistEntries;
import com.qleven.ports.scheduling.out.WaitlistOffersDue;

/** Builds the PostgreSQL repositories of the scheduling out-ports; their classes stay package-private. */
public final class SchedulingRepositories {
    private SchedulingRepositories() {
    }

    public static SchedulingSettingsRepository settings(PostgresTransactions tx) {
        return new PostgresSchedulingSettings(tx);
    }

    public static Catalogue catalogue(PostgresTransactions tx) {
        return new PostgresCatalogue(tx);
    }

    public static StaffSchedules staffSchedules(PostgresTransactions tx) {
        return new PostgresStaffSchedules(tx);
    }

    public static Appointments appointments(PostgresTransactions tx) {
        return new PostgresAppointments(tx);
    }

    public static WaitlistEntries waitlist(PostgresTransactions tx) {
        return new PostgresWaitlistEntries(tx);
    }

    public static WaitlistOffersDue waitlistOffersDue(PostgresTransactions tx) {
        return new PostgresWaitlistOffersDue(tx);
    }

    public static CalendarFeeds calendarFeeds(PostgresTransactions tx) {
        return new PostgresCalendarFeeds(tx);
    }

    public static ManageLinks manageLinks(PostgresTransactions tx) {
        return new PostgresManageLinks(tx);
    }
}

package com.qleven.host.http.scheduling;

import com.qleven.application.QlevenStore;
import com.qleven.domain.billing.Money;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.host.TestHost;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Scheduling data for host tests, written through the host's own store (the catalogue and
 * working-hours routes come with their own change): a 30-minute service any professional performs,
 * and working hours every day from 07:00 to 22:00 for the members named.
 */
public final class SchedulingFixtures {
    public static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private SchedulingFixtures() {
    }

    /**
     * A new active 30-minute service of the center at 45.00 EUR under the 21 % rate (billing drafts
     * its invoice on completion), no room or equipment needed; its id.
     */
    public static String service(TestHost host, String tenantId) {
        return service(host, tenantId, 30, false, Set.of());
    }

    public static String service(TestHost host, String tenantId, int minutes, boolean room, Set<String> kinds) {
        QlevenStore store = host.host().component().store();
        TenantId tenant = new TenantId(UUID.fromString(tenantId));
        ServiceId id = new ServiceId(UUID.randomUUID());
        Service service = new Service(id, "Limpieza facial", minutes, 0, 0, new Money(4500,
                Currency.getInstance("EUR")), "21", room, kinds, Set.of(), true);
        store.shared().transactions().inTenant(tenant, () -> {
            store.scheduling().catalogue().addService(tenant, service);
            return null;
        });
        return id.toString();
    }

    /** Every day 07:00–22:00 for each member named. */
    public static void workEveryDay(TestHost host, String tenantId, String... members) {
        QlevenStore store = host.host().component().store();
        TenantId tenant = new TenantId(UUID.fromString(tenantId));
        List<WeeklyHours.Entry> entries = new ArrayList<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            entries.add(new WeeklyHours.Entry(day, "07:00", "22:00"));
        }
        store.shared().transactions().inTenant(tenant, () -> {
            for (String member : members) {
                store.scheduling().staffSchedules().putWeekly(tenant, new UserId(UUID.fromString(member)),
                        WeeklyHours.parse(entries), host.clock.instant());
            }
            return null;
        });
    }

    /** The local date {@code days} after the host clock's today in Madrid. */
    public static LocalDate day(TestHost host, int days) {
        return LocalDate.ofInstant(host.clock.instant(), MADRID).plusDays(days);
    }

    /** As {@link #start(TestHost, int, int, int)} by the real clock, which a test host's clock starts at. */
    public static String start(int days, int hour, int minute) {
        LocalDateTime local = LocalDateTime.of(LocalDate.now(MADRID).plusDays(days), LocalTime.of(hour, minute));
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local.atZone(MADRID).toOffsetDateTime());
    }

    /** A start {@code days} from today at {@code hour}:{@code minute} in Madrid, with its offset. */
    public static String start(TestHost host, int days, int hour, int minute) {
        LocalDateTime local = LocalDateTime.of(day(host, days), LocalTime.of(hour, minute));
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local.atZone(MADRID).toOffsetDateTime());
    }
}

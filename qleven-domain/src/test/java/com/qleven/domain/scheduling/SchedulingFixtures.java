package com.qleven.domain.scheduling;

import com.qleven.domain.billing.Money;
import com.qleven.domain.shared.UserId;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Builders for the scheduling tests: one place per aggregate. */
final class SchedulingFixtures {
    static final Money PRICE = new Money(6000, Currency.getInstance("EUR"));

    private SchedulingFixtures() {
    }

    static UserId professional(int n) {
        return new UserId(new UUID(0x0190_0000_0000_7000L, 0x8000_0000_0000_0000L | n));
    }

    static RoomId room(int n) {
        return new RoomId(new UUID(0x0190_0000_0000_7000L, 0x8000_0000_0001_0000L | n));
    }

    static EquipmentId piece(int n) {
        return new EquipmentId(new UUID(0x0190_0000_0000_7000L, 0x8000_0000_0002_0000L | n));
    }

    static Equipment equipment(int n, String kind, EquipmentStatus status) {
        return new Equipment(piece(n), kind + " " + n, kind, status);
    }

    static ServiceBuilder aService() {
        return new ServiceBuilder();
    }

    /** The same hours every day of the week. */
    static WeeklyHours everyDay(String... startEndPairs) {
        List<WeeklyInterval> intervals = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int i = 0; i < startEndPairs.length; i += 2) {
                intervals.add(WeeklyInterval.of(day, TimeWindow.parseTime(startEndPairs[i], "start", false),
                        TimeWindow.parseTime(startEndPairs[i + 1], "end", true)));
            }
        }
        return new WeeklyHours(intervals);
    }

    static TimeWindow window(String start, String end) {
        return new TimeWindow(TimeWindow.parseTime(start, "start", false), TimeWindow.parseTime(end, "end", true));
    }

    static LocalTime time(String text) {
        return TimeWindow.parseTime(text, "time", false);
    }

    static final class ServiceBuilder {
        private int duration = 60;
        private int before;
        private int after;
        private boolean room;
        private final Set<String> kinds = new LinkedHashSet<>();
        private final Set<UserId> professionals = new LinkedHashSet<>();
        private boolean active = true;
        private Money deposit;

        ServiceBuilder duration(int minutes) {
            this.duration = minutes;
            return this;
        }

        ServiceBuilder buffers(int beforeMinutes, int afterMinutes) {
            this.before = beforeMinutes;
            this.after = afterMinutes;
            return this;
        }

        ServiceBuilder needsRoom() {
            this.room = true;
            return this;
        }

        ServiceBuilder needs(String kind) {
            kinds.add(kind);
            return this;
        }

        ServiceBuilder onlyBy(UserId professional) {
            professionals.add(professional);
            return this;
        }

        ServiceBuilder deposit(long amountMinor) {
            this.deposit = new Money(amountMinor, PRICE.currency());
            return this;
        }

        ServiceBuilder inactive() {
            this.active = false;
            return this;
        }

        Service build() {
            return new Service(new ServiceId(new UUID(1, 1)), "Treatment", duration, before, after, PRICE, "21",
                    room, kinds, professionals, active, java.util.Optional.ofNullable(deposit));
        }
    }
}

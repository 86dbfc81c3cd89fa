package com.qleven.adapters.postgres.scheduling;

import com.qleven.domain.scheduling.Actor;
import com.qleven.domain.scheduling.TimeWindow;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.scheduling.WeeklyInterval;
import com.qleven.domain.shared.UserId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The scheduling tables' column encodings: hours as text ({@code "monday 09:00-13:00"} weekly,
 * {@code "09:00-13:00"} dated, {@code 24:00} for the end of the day), so a day's hours stay one row;
 * actors as a kind and an optional account.
 */
final class Columns {
    private Columns() {
    }

    static List<String> texts(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        List<String> out = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                out.add((String) o);
            }
        }
        return out;
    }

    static List<UUID> uuids(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        List<UUID> out = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                out.add((UUID) o);
            }
        }
        return out;
    }

    static List<String> weekly(WeeklyHours hours) {
        return hours.weekly().stream().map(i -> i.dayName() + " " + window(i.window())).toList();
    }

    static WeeklyHours weekly(List<String> entries) {
        List<WeeklyInterval> intervals = new ArrayList<>();
        for (String entry : entries) {
            int space = entry.indexOf(' ');
            TimeWindow w = window(entry.substring(space + 1));
            intervals.add(new WeeklyInterval(java.time.DayOfWeek.valueOf(
                    entry.substring(0, space).toUpperCase(java.util.Locale.ROOT)), w));
        }
        return new WeeklyHours(intervals);
    }

    static List<String> windows(List<TimeWindow> windows) {
        return windows.stream().map(Columns::window).toList();
    }

    static List<TimeWindow> windows(Collection<String> texts) {
        return texts.stream().map(Columns::window).toList();
    }

    private static String window(TimeWindow w) {
        return String.format("%02d:%02d-%s", w.start().getHour(), w.start().getMinute(), w.endText());
    }

    private static TimeWindow window(String text) {
        int dash = text.indexOf('-');
        LocalTime start = TimeWindow.parseTime(text.substring(0, dash), "start", false);
        LocalTime end = TimeWindow.parseTime(text.substring(dash + 1), "end", true);
        return new TimeWindow(start, end);
    }

    static String actorKind(Actor actor) {
        return actor.kind().wireName();
    }

    static UUID actorUser(Actor actor) {
        return actor.user() == null ? null : actor.user().value();
    }

    static Actor actor(ResultSet rs, String kindColumn, String userColumn) throws SQLException {
        String kind = rs.getString(kindColumn);
        UUID user = rs.getObject(userColumn, UUID.class);
        return new Actor(Actor.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)),
                user == null ? null : new UserId(user));
    }
}

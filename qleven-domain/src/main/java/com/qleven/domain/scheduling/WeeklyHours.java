package com.qleven.domain.scheduling;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Recurring weekly hours in the center's local time: a member's working hours or the center's
 * opening hours. Intervals of one day may touch (13:00–13:00 reads as one span) but never overlap;
 * the gaps between them are the breaks. Empty means no hours at all (for a member: not bookable on
 * weekly hours).
 */
public record WeeklyHours(List<WeeklyInterval> weekly) {
    /** A wire interval before parsing: {@code {"day","start","end"}}. */
    public record Entry(String day, String start, String end) {
    }

    public WeeklyHours {
        if (weekly == null) {
            throw new ValidationException("weekly", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < weekly.size(); i++) {
            if (weekly.get(i) == null) {
                errors.add(new FieldError("weekly[" + i + "]", "is required"));
                continue;
            }
            for (int j = 0; j < i; j++) {
                WeeklyInterval earlier = weekly.get(j);
                if (earlier != null && earlier.day() == weekly.get(i).day()
                        && earlier.window().overlaps(weekly.get(i).window())) {
                    errors.add(new FieldError("weekly[" + i + "].start", "overlaps weekly[" + j + "]"));
                    break;
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        weekly = List.copyOf(weekly);
    }

    public static WeeklyHours none() {
        return new WeeklyHours(List.of());
    }

    /** Wire intervals, naming {@code weekly[i].day|start|end} for every bad one, then overlaps. */
    public static WeeklyHours parse(List<Entry> entries) {
        if (entries == null) {
            throw new ValidationException("weekly", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        List<WeeklyInterval> parsed = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e == null) {
                errors.add(new FieldError("weekly[" + i + "]", "is required"));
                continue;
            }
            try {
                parsed.add(WeeklyInterval.parse(e.day(), e.start(), e.end()));
            } catch (ValidationException bad) {
                errors.addAll(bad.under("weekly[" + i + "]").errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new WeeklyHours(parsed);
    }

    public boolean isEmpty() {
        return weekly.isEmpty();
    }

    /** The day's windows, sorted, touching ones joined. */
    public List<TimeWindow> windowsOn(DayOfWeek day) {
        return byDay().getOrDefault(day, List.of());
    }

    /** Every day's sorted windows at once, for a search that asks for many days. */
    public Map<DayOfWeek, List<TimeWindow>> byDay() {
        Map<DayOfWeek, List<TimeWindow>> days = new EnumMap<>(DayOfWeek.class);
        for (WeeklyInterval interval : weekly) {
            days.computeIfAbsent(interval.day(), d -> new ArrayList<>()).add(interval.window());
        }
        days.replaceAll((d, windows) -> joined(windows));
        return days;
    }

    /** Sorted, with touching windows joined; the windows given never overlap. */
    static List<TimeWindow> joined(List<TimeWindow> windows) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparingInt(TimeWindow::startMinute));
        List<TimeWindow> out = new ArrayList<>();
        for (TimeWindow w : sorted) {
            if (!out.isEmpty() && out.get(out.size() - 1).endMinute() == w.startMinute()) {
                TimeWindow last = out.remove(out.size() - 1);
                out.add(new TimeWindow(last.start(), w.end()));
            } else {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }
}

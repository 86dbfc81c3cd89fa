package com.qleven.ports.scheduling.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Writes a professional's calendar feed as iCalendar (RFC 5545) text; {@code Ical4jCalendarRenderer}
 * in the iCal adapter. The core decides what the feed says (which appointments, which words); the
 * renderer only writes it, so the core carries no iCalendar library.
 */
public interface CalendarRenderer {

    /** The media type of what {@link #render} writes. */
    String MEDIA_TYPE = "text/calendar; charset=utf-8";

    /** How sure an event is: a booking not yet confirmed is tentative. */
    enum EventStatus {
        TENTATIVE,
        CONFIRMED
    }

    /** One appointment as the feed shows it: its id as UID, its times in UTC, and a short summary. */
    record Event(String uid, Instant start, Instant end, String summary, EventStatus status) {
        public Event {
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(status, "status");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("an event ends after it starts");
            }
        }
    }

    /** A whole feed: its name, when it was written (each event's DTSTAMP) and its events in order. */
    record Calendar(String name, Instant stamp, List<Event> events) {
        public Calendar {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(stamp, "stamp");
            events = List.copyOf(events);
        }
    }

    /** The calendar as iCalendar text, lines ended by CRLF as RFC 5545 says. */
    String render(Calendar calendar);
}

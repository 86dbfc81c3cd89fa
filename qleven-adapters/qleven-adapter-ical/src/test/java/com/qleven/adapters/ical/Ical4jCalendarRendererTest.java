package com.qleven.adapters.ical;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.ports.scheduling.out.CalendarRenderer;
import com.qleven.ports.scheduling.out.CalendarRenderer.Event;
import com.qleven.ports.scheduling.out.CalendarRenderer.EventStatus;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** What the renderer writes parses back with ical4j into the same events, times in UTC. */
class Ical4jCalendarRendererTest {
    private static final Instant STAMP = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void eventsParseBackWithTheirIdsTimesSummariesAndStatuses() throws Exception {
        Event confirmed = new Event("0190f0a0-0000-7000-8000-000000000001", Instant.parse("2026-03-29T00:30:00Z"),
                Instant.parse("2026-03-29T01:30:00Z"), "Láser, axilas; sesión 3 - Lucía", EventStatus.CONFIRMED);
        Event tentative = new Event("0190f0a0-0000-7000-8000-000000000002", Instant.parse("2026-03-30T09:00:00Z"),
                Instant.parse("2026-03-30T09:45:00Z"), "Facial " + "x".repeat(120), EventStatus.TENTATIVE);
        String text = new Ical4jCalendarRenderer().render(new CalendarRenderer.Calendar("Qleven", STAMP,
                List.of(confirmed, tentative)));

        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").contains("DTSTART:20260329T003000Z\r\n")
                .contains("STATUS:TENTATIVE").doesNotContain("VTIMEZONE");
        assertThat(text.lines()).allSatisfy(line -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                .length).as("folded at 75 octets: " + line).isLessThanOrEqualTo(75));
        Calendar parsed = new CalendarBuilder().build(new StringReader(text));
        List<VEvent> events = parsed.getComponents(VEvent.VEVENT);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).getUid().orElseThrow().getValue()).isEqualTo(confirmed.uid());
        assertThat(Instant.from(events.get(0).getDateTimeStart().getDate())).isEqualTo(confirmed.start());
        assertThat(Instant.from(events.get(0).getDateTimeEnd().getDate())).isEqualTo(confirmed.end());
        assertThat(events.get(0).getSummary().getValue()).isEqualTo(confirmed.summary());
        assertThat(events.get(0).getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CONFIRMED");
        assertThat(events.get(1).getSummary().getValue()).isEqualTo(tentative.summary());
        assertThat(events.get(1).getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("TENTATIVE");
        assertThat(events.get(1).getProperty(Property.DTSTAMP).orElseThrow().getValue()).isEqualTo("20260301T080000Z");
    }

    @Test
    void anEmptyFeedIsAValidCalendar() throws Exception {
        String text = new Ical4jCalendarRenderer().render(new CalendarRenderer.Calendar("Qleven", STAMP, List.of()));
        Calendar parsed = new CalendarBuilder().build(new StringReader(text));
        assertThat(parsed.getComponents(VEvent.VEVENT)).isEmpty();
        assertThat(parsed.getProperty(Property.PRODID).orElseThrow().getValue()).isEqualTo(Ical4jCalendarRenderer.PRODUCT);
        assertThat(parsed.getProperty(Property.VERSION).orElseThrow().getValue()).isEqualTo("2.0");
    }

    /**
     * ical4j registers a java.time zone-rules provider of its own: the JDK's zones (the test zones of
     * the scheduling domain among them) must still be the JDK's, with the same transitions.
     */
    @Test
    void theJdksZonesAreUnchangedWithIcal4jLoaded() throws Exception {
        new CalendarBuilder().build(new StringReader(new Ical4jCalendarRenderer().render(
                new CalendarRenderer.Calendar("Qleven", STAMP, List.of()))));
        assertThat(ZoneId.of("Europe/Madrid").getRules().getOffset(Instant.parse("2026-07-01T00:00:00Z")).toString())
                .isEqualTo("+02:00");
        assertThat(ZoneId.of("Africa/Casablanca").getRules().isFixedOffset()).isFalse();
    }
}

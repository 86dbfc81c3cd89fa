package com.qleven.adapters.ical;

import com.qleven.ports.scheduling.out.CalendarRenderer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes calendar feeds with ical4j. Every time is an instant in UTC ({@code 20260301T090000Z}), so
 * a feed needs no VTIMEZONE and ical4j's time-zone registry, which may fetch zone definitions over
 * the network, is never asked; each calendar application shows the events in its own zone.
 * Summaries are escaped by ical4j (commas, semicolons, line breaks) and long lines folded at 75
 * octets, as RFC 5545 says. Thread-safe: it keeps no state.
 */
public final class Ical4jCalendarRenderer implements CalendarRenderer {
    static final String PRODUCT = "-//Qleven//Calendar feed//EN";

    @Override
    public String render(CalendarRenderer.Calendar feed) {
        List<CalendarComponent> events = new ArrayList<>(feed.events().size());
        DtStamp stamp = new DtStamp(feed.stamp());
        for (Event event : feed.events()) {
            List<Property> properties = List.of(new Uid(event.uid()), stamp, new DtStart<>(event.start()),
                    new DtEnd<>(event.end()), new Summary(event.summary()),
                    event.status() == EventStatus.CONFIRMED ? ImmutableStatus.VEVENT_CONFIRMED
                            : ImmutableStatus.VEVENT_TENTATIVE);
            events.add(new VEvent(new PropertyList(properties)));
        }
        net.fortuna.ical4j.model.Calendar calendar = new net.fortuna.ical4j.model.Calendar(new PropertyList(List.of(new ProdId(PRODUCT), ImmutableVersion.VERSION_2_0,
                ImmutableCalScale.GREGORIAN, ImmutableMethod.PUBLISH, new XProperty("X-WR-CALNAME", feed.name()))),
                new ComponentList<>(events));
        StringWriter out = new StringWriter();
        try {
            // Not validating: the events are built above from checked values, and validation would
            // cost more than writing a large feed.
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}

package com.qleven.host.http.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.AppointmentStatus;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A professional's iCalendar feed over HTTP (issue 9 item 6): made by a link, parsed back with
 * ical4j, holding the professional's own appointments only, with the service and the client's first
 * name and nothing else of the client; a new link stops the old one, a revoked link opens nothing.
 */
class CalendarFeedApiTest {
    private static TestHost host;
    private static Center center;
    private static Center other;
    private static String professional;
    private static String professionalToken;
    private static String receptionistToken;
    private static Instant now;
    private static AppointmentId booked;
    private static AppointmentId confirmed;
    private static List<AppointmentId> absent;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        now = host.clock.instant().truncatedTo(ChronoUnit.SECONDS);
        center = host.newCenter("Centro Calendario");
        other = host.newCenter("Centro Vecino");
        String email = TestHost.newEmail("pro.calendario");
        professional = host.post("/v1/users", TestHost.userBody(email, "professional"), center.token()).json()
                .get("id").asText();
        professionalToken = host.login(email, TestHost.PASSWORD, null);
        String receptionist = TestHost.newEmail("recepcion.calendario");
        host.post("/v1/users", TestHost.userBody(receptionist, "receptionist"), center.token());
        receptionistToken = host.login(receptionist, TestHost.PASSWORD, null);

        ServiceId laser = SchedulingSeed.service(host, center.tenantId(), "Láser diodo");
        ClientId lucia = SchedulingSeed.client(host, center.token(), "Lucía Fernández-Ruiz", "600 111 222",
                "Allergic to latex.");
        ClientId bjorn = SchedulingSeed.client(host, center.token(), "Björn Oyelaran", "+212 612 345 678",
                "Pacemaker.");
        booked = SchedulingSeed.appointment(host, center.tenantId(), professional, lucia, laser,
                now.plus(Duration.ofDays(1)), AppointmentStatus.BOOKED, null);
        confirmed = SchedulingSeed.appointment(host, center.tenantId(), professional, bjorn, laser,
                now.plus(Duration.ofDays(2)), AppointmentStatus.CONFIRMED, null);
        AppointmentId cancelled = SchedulingSeed.appointment(host, center.tenantId(), professional, lucia, laser,
                now.plus(Duration.ofDays(3)), AppointmentStatus.CANCELLED, new byte[] {9, 9, 9});
        AppointmentId administrators = SchedulingSeed.appointment(host, center.tenantId(), center.adminId(), bjorn,
                laser, now.plus(Duration.ofDays(1)), AppointmentStatus.BOOKED, null);
        AppointmentId neighbours = SchedulingSeed.appointment(host, other.tenantId(), other.adminId(),
                SchedulingSeed.client(host, other.token(), "Zuriñe Etxeberria", "699 887 766", "First visit."),
                SchedulingSeed.service(host, other.tenantId(), "Facial"), now.plus(Duration.ofDays(1)),
                AppointmentStatus.BOOKED, null);
        absent = List.of(cancelled, administrators, neighbours);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static String feedPath() {
        return "/v1/staff/" + professional + "/calendar-feed";
    }

    /** A new link's path on this host. */
    private static String newLink(String token) {
        Reply reply = host.post(feedPath(), Map.of(), token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.header("Location")).isEqualTo(feedPath());
        String url = reply.json().get("url").asText();
        assertThat(url).matches("^https?://[^/]+/v1/calendar/qf_[A-Za-z0-9_-]{43}\\.ics$");
        return URI.create(url).getPath();
    }

    private static Reply read(String path) {
        return host.send(host.request(path).GET().build());
    }

    @Test
    void theFeedParsesBackWithTheProfessionalsOwnAppointmentsOnlyAndTheClientsFirstNameOnly() throws Exception {
        Reply feed = read(newLink(center.token()));

        assertThat(feed.status()).as(feed.body()).isEqualTo(200);
        assertThat(feed.header("Content-Type")).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        List<VEvent> events = calendar.getComponents(VEvent.VEVENT);
        assertThat(events).extracting(e -> e.getUid().orElseThrow().getValue())
                .containsExactly(booked.value().toString(), confirmed.value().toString());
        VEvent first = events.get(0);
        assertThat(Instant.from(first.getDateTimeStart().getDate())).isEqualTo(now.plus(Duration.ofDays(1)));
        assertThat(Instant.from(first.getDateTimeEnd().getDate())).isEqualTo(now.plus(Duration.ofDays(1)).plus(
                Duration.ofHours(1)));
        assertThat(first.getProperty(Property.DTSTART).orElseThrow().getValue()).endsWith("Z");
        assertThat(first.getSummary().getValue()).isEqualTo("Láser diodo - Lucía");
        assertThat(first.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("TENTATIVE");
        assertThat(events.get(1).getSummary().getValue()).isEqualTo("Láser diodo - Björn");
        assertThat(events.get(1).getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CONFIRMED");

        assertThat(feed.body()).doesNotContain(absent.stream().map(a -> a.value().toString()).toArray(String[]::new));
        assertThat(feed.body()).doesNotContain("Fernández", "Ruiz", "Oyelaran", "Zuriñe", "Etxeberria", "600111222",
                "600 111 222", "612345678", "latex", "Pacemaker", "First visit", center.adminEmail());
    }

    @Test
    void aNewLinkStopsTheOldOneAndARevokedLinkOpensNothing() {
        String first = newLink(professionalToken);
        assertThat(read(first).status()).isEqualTo(200);
        String second = newLink(center.token());
        assertThat(read(first).status()).isEqualTo(404);
        assertThat(read(second).status()).isEqualTo(200);
        Reply state = host.get(feedPath(), professionalToken);
        assertThat(state.status()).isEqualTo(200);
        assertThat(state.json().get("active").asBoolean()).isTrue();
        assertThat(state.body()).doesNotContain(second.substring(second.lastIndexOf('/') + 1, second.length() - 4));

        Reply revoked = host.send(host.request(feedPath()).header("Authorization", "Bearer " + professionalToken)
                .DELETE().build());
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(read(second).status()).isEqualTo(404);
        assertThat(read(second).header("Content-Type")).startsWith("application/problem+json");
        assertThat(host.get(feedPath(), center.token()).json().get("active").asBoolean()).isFalse();
        assertThat(host.send(host.request(feedPath()).header("Authorization", "Bearer " + center.token())
                .DELETE().build()).status()).as("nothing left to revoke").isEqualTo(404);
    }

    @Test
    void aPathThatIsNoFeedAnswers404() {
        String link = newLink(center.token());
        assertThat(read(link.substring(0, link.length() - ".ics".length())).status()).isEqualTo(404);
        assertThat(read("/v1/calendar/qf_" + UUID.randomUUID() + ".ics").status()).isEqualTo(404);
        assertThat(read("/v1/calendar/.ics").status()).isEqualTo(404);
    }

    @Test
    void onlyAdministratorsManageAnotherMembersLink() {
        assertThat(host.post(feedPath(), Map.of(), receptionistToken).status()).isEqualTo(403);
        assertThat(host.get(feedPath(), receptionistToken).status()).isEqualTo(403);
        assertThat(host.post("/v1/staff/" + center.adminId() + "/calendar-feed", Map.of(), professionalToken)
                .status()).isEqualTo(403);
        assertThat(host.post("/v1/staff/" + other.adminId() + "/calendar-feed", Map.of(), center.token()).status())
                .as("another center's member").isEqualTo(404);
        assertThat(host.post("/v1/staff/not-a-uuid/calendar-feed", Map.of(), center.token()).status())
                .isEqualTo(404);
        assertThat(host.post(feedPath(), Map.of(), null).status()).isEqualTo(401);
    }

    @Test
    void aReplayedNewLinkAnswersTheStateAndNeverTheLinkAgain() {
        HttpRequest request = host.request(feedPath()).header("Authorization", "Bearer " + center.token())
                .header("Idempotency-Key", "feed-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        Reply first = host.send(request);
        Reply replay = host.send(request);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().has("url")).isTrue();
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().has("url")).isFalse();
        assertThat(replay.json().get("active").asBoolean()).isTrue();
        assertThat(read(URI.create(first.json().get("url").asText()).getPath()).status())
                .as("the replay made no new link").isEqualTo(200);
    }

    /** Neither a link's token nor a client's name reaches the logs, whose access lines name the route template. */
    @Test
    void theLogsHoldNoTokenAndNoName() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Logger access = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                "com.qleven.host.access");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> captured =
                new ch.qos.logback.core.read.ListAppender<>();
        captured.setContext((ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory());
        captured.start();
        root.addAppender(captured);
        access.addAppender(captured);
        String link;
        String guessed = "/v1/calendar/qf_" + UUID.randomUUID() + ".ics";
        try {
            link = newLink(center.token());
            assertThat(read(link).status()).isEqualTo(200);
            assertThat(read(guessed).status()).isEqualTo(404);
            // Each access line is written as its exchange completes, just after the answer.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
                synchronized (captured) {
                    return captured.list.stream().filter(e -> e.getLoggerName().equals("com.qleven.host.access")
                            && String.valueOf(e.getKeyValuePairs()).contains("/v1/calendar/{feed}")).count() >= 2;
                }
            });
        } finally {
            root.detachAppender(captured);
            access.detachAppender(captured);
        }
        StringBuilder all = new StringBuilder();
        synchronized (captured) {
            captured.list.forEach(e -> all.append(e.getFormattedMessage()).append(e.getKeyValuePairs())
                    .append(e.getMDCPropertyMap()).append(e.getThrowableProxy() == null ? ""
                            : e.getThrowableProxy().getMessage()).append('\n'));
        }
        String token = link.substring(link.lastIndexOf('/') + 4, link.length() - ".ics".length());
        assertThat(all.toString()).contains("/v1/calendar/{feed}")
                .doesNotContain(token, guessed.substring("/v1/calendar/qf_".length(), guessed.length() - 4), "Lucía",
                        "Björn");
    }
}

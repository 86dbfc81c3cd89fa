package com.qleven.host.http.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.adapters.crypto.AesGcmFieldCipher;
import com.qleven.application.QlevenStore;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.AppointmentStatus;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.scheduling.WaitlistEntry;
import com.qleven.domain.scheduling.WaitlistEntryId;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import com.qleven.ports.scheduling.out.ManageLinks;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The at-rest scan (policy P12) over the scheduling tables of issue 9: with an appointment cancelled
 * for a reason, a member's time off with its reason, a waitlist entry, a calendar-feed link (its
 * feed read, and an unknown token tried) and a public booking's manage link, no table of any schema,
 * read as COPY text and COPY binary by the owner, holds a reason, a client's name or a token in
 * plain text. Time off and the feed link go through their routes with an {@code Idempotency-Key}, so
 * their kept answers are scanned too; the cancellation reason is sealed here as the store's callers
 * must (the port takes sealed bytes), since the cancelling route comes with another slice of issue 9.
 */
class SchedulingAtRestTest {
    private static final String CANCEL_REASON = "Quimioterapia el martes, no puede venir";
    private static final String TIME_OFF_REASON = "Operación de rodilla programada";
    private static TestHost host;
    private static final List<String> SECRETS = new ArrayList<>();

    @BeforeAll
    static void fill() {
        host = TestHost.start();
        Center center = host.newCenter("Centro Reposo Agenda");
        TenantId tenant = new TenantId(UUID.fromString(center.tenantId()));
        String professionalEmail = TestHost.newEmail("pro.reposo");
        String professional = host.post("/v1/users", TestHost.userBody(professionalEmail, "professional"),
                center.token()).json().get("id").asText();
        QlevenStore store = SchedulingSeed.store(host);
        FieldCipher cipher = new AesGcmFieldCipher(host.host().component().masterKeys(), store.shared().dataKeys(),
                store.shared().transactions(), host.clock);
        Instant now = host.clock.instant().truncatedTo(ChronoUnit.MICROS);

        ServiceId service = SchedulingSeed.service(host, center.tenantId(), "Mesoterapia");
        ClientId client = SchedulingSeed.client(host, center.token(), "Remedios Villaescusa", "611 222 333",
                "Diabetes tipo 1.");
        AppointmentId cancelled = new AppointmentId(UUID.randomUUID());
        byte[] sealedReason = store.shared().transactions().inTenant(tenant, () -> cipher.encrypt(
                new KeyScope("client", client.value()), "appointment|cancelReason|" + tenant + "|" + cancelled,
                CANCEL_REASON));
        AppointmentId kept = SchedulingSeed.appointment(host, center.tenantId(), professional, client, service,
                now.plus(Duration.ofDays(1)), AppointmentStatus.CANCELLED, sealedReason);
        assertThat(kept).isNotNull();
        SchedulingSeed.appointment(host, center.tenantId(), professional, client, service,
                now.plus(Duration.ofDays(2)), AppointmentStatus.CONFIRMED, null);

        UserId member = new UserId(UUID.fromString(professional));
        // Time off through its route, with an Idempotency-Key: the route seals the reason itself.
        Instant offStart = now.plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS);
        Reply timeOff = host.send(host.request("/v1/staff/" + professional + "/time-off")
                .header("Authorization", "Bearer " + center.token()).header("Content-Type", "application/json")
                .header("Idempotency-Key", "reposo-time-off")
                .POST(HttpRequest.BodyPublishers.ofString(TestHost.write(Map.of("start", offStart.toString(),
                        "end", offStart.plus(Duration.ofDays(2)).toString(), "reason", TIME_OFF_REASON)))).build());
        assertThat(timeOff.status()).as(timeOff.body()).isEqualTo(201);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        store.shared().transactions().inTenant(tenant, () -> store.scheduling().waitlist().add(tenant,
                WaitlistEntry.create(new WaitlistEntryId(UUID.randomUUID()), client, service, today.plusDays(1),
                        today.plusDays(14), member, now, ZoneOffset.UTC)));

        // A feed link through the API, with an Idempotency-Key: its kept answer is in the database too.
        Reply link = host.send(host.request("/v1/staff/" + professional + "/calendar-feed")
                .header("Authorization", "Bearer " + center.token()).header("Idempotency-Key", "reposo-feed")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        String feedPath = URI.create(link.json().get("url").asText()).getPath();
        String feedToken = feedPath.substring(feedPath.lastIndexOf('/') + 1, feedPath.length() - ".ics".length());
        assertThat(host.send(host.request(feedPath).GET().build()).status()).isEqualTo(200);
        String guessed = "qf_" + UUID.randomUUID().toString().replace("-", "") + "guessedguess";
        assertThat(host.send(host.request("/v1/calendar/" + guessed + ".ics").GET().build()).status())
                .isEqualTo(404);

        String manageToken = "qb_" + UUID.randomUUID().toString().replace("-", "") + "manage0link";
        store.shared().transactions().inTenant(tenant, () -> store.scheduling().manageLinks().add(
                new ManageLinks.ManageLink(cipher.blindIndex("manage_link.token", Optional.empty(), manageToken).hex(),
                        tenant, kept, now.plus(Duration.ofDays(30)), now)));

        SECRETS.addAll(List.of(CANCEL_REASON, "Quimioterapia", TIME_OFF_REASON, "rodilla", "Remedios",
                "Villaescusa", "611222333", "Diabetes", feedToken, feedToken.substring(3), guessed,
                guessed.substring(3), manageToken, manageToken.substring(3)));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    /** Every table of every schema, as COPY text and COPY binary, keyed by table. */
    private static Map<String, byte[]> dump() throws Exception {
        Map<String, byte[]> dump = new LinkedHashMap<>();
        try (Connection c = host.superuser()) {
            List<String> tables = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                      AND n.nspname NOT LIKE 'pg_toast%' ORDER BY 1""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                copy.copyOut("COPY " + table + " TO STDOUT", out);
                copy.copyOut("COPY " + table + " TO STDOUT (FORMAT binary)", out);
                dump.put(table, out.toByteArray());
            }
        }
        return dump;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static long rows(String table) throws Exception {
        try (Connection c = host.superuser(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void noTableHoldsAReasonAClientsNameOrATokenInPlainText() throws Exception {
        for (String table : List.of("public.appointments", "public.appointment_resources", "public.staff_time_off",
                "public.waitlist_entries", "public.services", "directory.calendar_feed_tokens",
                "directory.manage_link_tokens", "public.idempotency_records", "directory.rate_events")) {
            assertThat(rows(table)).as("rows in " + table).isPositive();
        }
        Map<String, byte[]> dump = dump();
        List<String> found = new ArrayList<>();
        for (String secret : SECRETS) {
            for (Map.Entry<String, byte[]> table : dump.entrySet()) {
                for (byte[] form : List.of(secret.getBytes(StandardCharsets.UTF_8),
                        secret.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))) {
                    if (contains(table.getValue(), form) && !found.contains(secret + " in " + table.getKey())) {
                        found.add(secret + " in " + table.getKey());
                    }
                }
            }
        }
        assertThat(found).as("reasons, names or tokens in plain text").isEmpty();
    }

    @Test
    void controlTheScanFindsWhatIsStoredInPlainText() throws Exception {
        // A service's name is the center's catalogue, stored in clear: the same scan finds it.
        Map<String, byte[]> dump = dump();
        assertThat(contains(dump.get("public.services"), "Mesoterapia".getBytes(StandardCharsets.UTF_8))).isTrue();
    }
}

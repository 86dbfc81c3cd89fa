package com.qleven.host.http.clients;

import static com.qleven.host.http.clients.ClientFixtures.client;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.host.TestHost;
import com.qleven.host.config.MailSettings;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The "done when" (policy P12): a database holding clients and accounts, read table by
 * table through JDBC as its owner (the embedded bundle has no pg_dump), holds none of their names,
 * phones (neither E.164 nor the bare national digits), emails, birth dates, notes or billing
 * identities in plain text.
 * Every table is read twice: as COPY text and as COPY binary, where bytea columns are raw bytes,
 * so a value stored unencrypted in a bytea column is found too. Before the scan, every other table
 * that can hold personal data is given some: invitations and the mail outbox, a session's user
 * agent, a data-subject request's note, extension reason and outcome, a consent proof, the kept
 * answers of idempotent writes, and an incident's description.
 */
class ClientsAtRestTest {
    private static TestHost host;
    private static Center center;
    private static final List<String> SECRETS = new ArrayList<>();
    private static String memberEmail;

    @BeforeAll
    static void fill() {
        // Mail goes to an SMTP port that refuses connections, so that the outbox keeps every message
        // for the scan (a working dispatcher would send and delete them first, at its own pace).
        host = TestHost.start(Map.of(MailSettings.SMTP_HOST, "127.0.0.1", MailSettings.SMTP_PORT,
                Integer.toString(closedPort()), MailSettings.SMTP_TLS, "none", MailSettings.SMTP_FROM,
                "Qleven <no-reply@qleven.test>", MailSettings.PUBLIC_URL, "https://app.qleven.test"));
        center = host.newCenter("Centro Reposo");
        memberEmail = TestHost.newEmail("member.reposo");
        Map<String, Object> member = TestHost.userBody(memberEmail, "professional");
        member.put("fullName", "Héctor Salgado Quintana");
        member.put("phone", "+34655443322");
        assertThat(host.post("/v1/users", member, center.token()).status()).isEqualTo(201);
        String professional = host.login(memberEmail, TestHost.PASSWORD, null);

        Map<String, Object> lucia = client("Lucía Fernández-Ruiz", "600 111 222", "lucia.fernandez@example.com",
                "1990-04-12", "Allergic to latex; takes isotretinoin.");
        lucia.put("billingIdentity", Map.of("name", "Fernández Estética SL", "address", "Avenida Reposo 12",
                "taxId", "B-99887766"));
        // Created with an Idempotency-Key: the first answer, kept for replays, holds the same data.
        Reply created = host.send(host.request("/v1/clients").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + center.token()).header("Idempotency-Key", "reposo-1")
                .POST(HttpRequest.BodyPublishers.ofString(TestHost.write(lucia))).build());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ClientFixtures.create(host, professional, client("Björn Oyelaran-Kowalczyk", "+212 612 345 678",
                "bjorn.k@example.org", "1978-11-30", "Pacemaker: no radiofrequency treatments."));
        String id = ClientFixtures.create(host, center.token(), client("Zuriñe Etxeberria", "699 887 766",
                "zurine@example.net", "2001-07-09", "First visit 2024.")).json().get("id").asText();
        Reply renamed = ClientFixtures.patch(host, "/v1/clients/" + id, Map.of("notes", "Rosacea; avoid IPL.",
                "phone", "677 665 544"), professional, "application/merge-patch+json", null);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(host.post("/v1/clients/search", Map.of("phone", "600111222"), center.token()).status())
                .isEqualTo(200);
        assertThat(host.post("/v1/clients/search", Map.of("name", "zuriñe etx"), center.token()).status())
                .isEqualTo(200);

        String clientId = created.json().get("id").asText();
        seedEveryOtherTableThatCanHoldPersonalData(professional, clientId);

        SECRETS.addAll(List.of(
                // client names, and their parts as the name index would see them
                "Lucía Fernández-Ruiz", "Fernández", "Fernandez", "Björn", "Oyelaran", "Kowalczyk", "Zuriñe",
                "Etxeberria", "etxeberria",
                // phones in E.164 and as bare national digits, also the one replaced
                "+34600111222", "600111222", "+212612345678", "612345678", "+34699887766", "699887766",
                "+34677665544", "677665544",
                // emails
                "lucia.fernandez@example.com", "bjorn.k@example.org", "zurine@example.net",
                // birth dates
                "1990-04-12", "1978-11-30", "2001-07-09",
                // the billing identity (sealed under the center's finance key)
                "Estética SL", "Avenida Reposo", "99887766",
                // notes, old and new
                "latex", "isotretinoin", "Pacemaker", "radiofrequency", "First visit", "Rosacea", "avoid IPL",
                // accounts: the administrator and the professional
                "Ana García", center.adminEmail(), "+34600111222", "Héctor Salgado Quintana", "Quintana",
                memberEmail, "+34655443322", "655443322",
                // invitations and the mail outbox: the invited address, and the mail to it and to a reset
                inviteeEmail,
                // sessions: the user agent of a sign-in
                USER_AGENT,
                // data-subject requests: note, extension reason and outcome; consent proof
                "Remedios Alcántara", "Alcántara", "hermana Remedios", "entregado en mano",
                "Formulario firmado 7781-Q",
                // the incident register: a description that names a person, also quoted in the
                // center's notification of it (both sealed since V14)
                "Teodora Villalobos"));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final String USER_AGENT = "ReposoBrowser/7.3 (Secreto; Lucía)";
    private static String inviteeEmail;

    /**
     * Every other table that can hold personal data gets some: an invitation and its mail, a
     * password-reset mail, a session with a user agent, a data-subject request with a note, an
     * extension reason and an outcome (created with an Idempotency-Key, so its answer is kept), and
     * a consent with a proof (also kept as an idempotent answer).
     */
    private static void seedEveryOtherTableThatCanHoldPersonalData(String professional, String clientId) {
        inviteeEmail = TestHost.newEmail("invitee.reposo");
        Reply invited = host.post("/v1/invitations", Map.of("email", inviteeEmail, "role", "receptionist"),
                center.token());
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        Reply reset = host.post("/v1/auth/password-reset", Map.of("email", memberEmail));
        assertThat(reset.status()).as(reset.body()).isLessThan(300);
        Reply signedIn = host.send(host.request("/v1/auth/login").header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT).POST(HttpRequest.BodyPublishers.ofString(TestHost.write(
                        Map.of("email", memberEmail, "password", TestHost.PASSWORD)))).build());
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);

        Reply request = idempotent("/v1/privacy/requests", Map.of("clientId", clientId, "type", "access",
                "note", "Llamar a su hermana Remedios Alcántara."), "reposo-request");
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        String requestId = request.json().get("id").asText();
        Reply extended = idempotent("/v1/privacy/requests/" + requestId + "/extend", Map.of("months", 1,
                "reason", "Esperando a la hermana Remedios."), "reposo-extend");
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        Reply completed = idempotent("/v1/privacy/requests/" + requestId + "/complete", Map.of("outcome",
                "Copia entregado en mano a Remedios Alcántara."), "reposo-complete");
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        Reply consent = idempotent("/v1/clients/" + clientId + "/consents", Map.of("purpose", "whatsapp",
                "decision", "granted", "channel", "in_person", "textVersion", "2026-03",
                "text", "I agree to appointment messages on WhatsApp.", "proof", "Formulario firmado 7781-Q"),
                "reposo-consent");
        assertThat(consent.status()).as(consent.body()).isEqualTo(201);
        Reply incident = host.post("/v1/operator/incidents", Map.of("detectedAt",
                host.clock.instant().minusSeconds(60).toString(), "description",
                "A backup holding the file of Teodora Villalobos was readable for an hour.",
                "tenantIds", List.of(center.tenantId()), "categories", List.of("contact")),
                com.qleven.host.http.privacy.IncidentFixtures.operator(host));
        assertThat(incident.status()).as(incident.body()).isEqualTo(201);
        assertThat(professional).isNotBlank();
    }

    private static Reply idempotent(String path, Object body, String key) {
        return host.send(host.request(path).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + center.token()).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(TestHost.write(body))).build());
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    /** Every table of every schema, as COPY text and COPY binary, keyed by table. */
    private static Map<String, byte[]> dump() throws Exception {
        Map<String, byte[]> dump = new LinkedHashMap<>();
        try (Connection c = host.superuser()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : ClientFixtures.tables(c)) {
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

    @Test
    void noTableHoldsAnyClientsOrAccountsPersonalDataInPlainText() throws Exception {
        Map<String, byte[]> dump = dump();
        assertThat(dump).containsKeys("public.clients", "public.client_name_tokens", "public.accounts",
                "keystore.data_keys");
        // The seeding reached every table that can hold personal data: each has rows to scan.
        for (String table : List.of("public.invitations", "public.mail_outbox", "public.privacy_requests",
                "public.sessions", "public.consent_entries", "public.idempotency_records",
                "public.privacy_incidents", "public.center_notifications")) {
            assertThat(rows(table)).as("rows in " + table).isPositive();
        }
        assertThat(dump.get("public.clients").length).isGreaterThan(1000);

        List<String> found = new ArrayList<>();
        for (String secret : SECRETS) {
            for (Map.Entry<String, byte[]> table : dump.entrySet()) {
                for (byte[] form : List.of(secret.getBytes(StandardCharsets.UTF_8),
                        secret.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8))) {
                    if (contains(table.getValue(), form) && !found.contains(secret + " in " + table.getKey())) {
                        found.add(secret + " in " + table.getKey());
                    }
                }
            }
        }
        assertThat(found).as("personal data in plain text").isEmpty();
    }

    private static long rows(String table) throws Exception {
        try (Connection c = host.superuser(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void controlTheDumpDoesFindWhatIsStoredInPlainText() throws Exception {
        // The center's own name is stored in clear: the same scan finds it, so the scan can fail.
        Map<String, byte[]> dump = dump();
        assertThat(contains(dump.get("public.centers"), "Centro Reposo".getBytes(StandardCharsets.UTF_8))).isTrue();
        // The coarse birth year is in clear on purpose, as a number.
        try (Connection c = host.superuser(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM public.clients WHERE birth_year = 1990 AND birth_month = 4")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }
}

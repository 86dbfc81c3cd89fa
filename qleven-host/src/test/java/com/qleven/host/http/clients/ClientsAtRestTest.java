package com.qleven.host.http.clients;

import static com.qleven.host.http.clients.ClientFixtures.client;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import java.io.ByteArrayOutputStream;
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
 * phones (neither E.164 nor the bare national digits), emails, birth dates or notes in plain text.
 * Every table is read twice: as COPY text and as COPY binary, where bytea columns are raw bytes,
 * so a value stored unencrypted in a bytea column is found too.
 */
class ClientsAtRestTest {
    private static TestHost host;
    private static Center center;
    private static final List<String> SECRETS = new ArrayList<>();
    private static String memberEmail;

    @BeforeAll
    static void fill() {
        host = TestHost.start();
        center = host.newCenter("Centro Reposo");
        memberEmail = TestHost.newEmail("member.reposo");
        Map<String, Object> member = TestHost.userBody(memberEmail, "professional");
        member.put("fullName", "Héctor Salgado Quintana");
        member.put("phone", "+34655443322");
        assertThat(host.post("/v1/users", member, center.token()).status()).isEqualTo(201);
        String professional = host.login(memberEmail, TestHost.PASSWORD, null);

        Map<String, Object> lucia = client("Lucía Fernández-Ruiz", "600 111 222", "lucia.fernandez@example.com",
                "1990-04-12", "Allergic to latex; takes isotretinoin.");
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
                // notes, old and new
                "latex", "isotretinoin", "Pacemaker", "radiofrequency", "First visit", "Rosacea", "avoid IPL",
                // accounts: the administrator and the professional
                "Ana García", center.adminEmail(), "+34600111222", "Héctor Salgado Quintana", "Quintana",
                memberEmail, "+34655443322", "655443322"));
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
        assertThat(dump.get("public.clients").length).isGreaterThan(1000);

        List<String> found = new ArrayList<>();
        for (String secret : SECRETS) {
            for (Map.Entry<String, byte[]> table : dump.entrySet()) {
                for (byte[] form : List.of(secret.getBytes(StandardCharsets.UTF_8),
                        secret.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8))) {
                    if (contains(table.getValue(), form)) {
                        found.add(secret + " in " + table.getKey());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
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

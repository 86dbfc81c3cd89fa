package com.qleven.host.http;

import static com.qleven.host.TestHost.newEmail;
import static com.qleven.host.TestHost.userBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.http.privacy.IncidentFixtures;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, fix 2: an idempotency record never outlives the data it answers with, its request hash
 * is keyed, its key belongs to the center and the caller, a replay checks the caller's permission
 * again, and operators get idempotency too. Over HTTP on PostgreSQL.
 */
class IdempotencyHardeningTest {
    private static final String NAME = "Remedios Valcárcel-Ortuño";
    private static final String EMAIL = "remedios.valcarcel@example.org";
    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static Reply post(String path, Object body, String token, String key) {
        return host.send(host.request(path)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(TestHost.write(body)))
                .build());
    }

    private static Reply patch(String path, String json, String token) {
        return host.send(host.request(path).header("Content-Type", "application/merge-patch+json")
                .header("Authorization", "Bearer " + token)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A second administrator of the center, signed in: returns its id and token. */
    private static String[] secondAdministrator(Center center) {
        String email = newEmail("admin2");
        Reply added = host.post("/v1/users", userBody(email, "administrator"), center.token());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return new String[] {added.json().get("id").asText(), host.login(email, TestHost.PASSWORD, center.tenantId())};
    }

    private static List<String> requestHashes(String tenantId) throws Exception {
        List<String> hashes = new ArrayList<>();
        try (Connection c = host.superuser(); PreparedStatement st = c.prepareStatement(
                "SELECT request_hash FROM public.idempotency_records WHERE tenant_id = ?")) {
            st.setObject(1, UUID.fromString(tenantId));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    hashes.add(rs.getString(1));
                }
            }
        }
        return hashes;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_replay_after_an_erasure_answers_none_of_the_erased_clients_data() {
        Center center = host.newCenter("Centro Borrado");
        String key = UUID.randomUUID().toString();
        Map<String, Object> client = Map.of("fullName", NAME, "phone", "611 987 654", "email", EMAIL,
                "birthDate", "1981-02-03");
        Reply created = post("/v1/clients", client, center.token(), key);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String clientId = created.json().get("id").asText();
        // Control: before the erasure a replay does answer the client.
        Reply before = post("/v1/clients", client, center.token(), key);
        assertThat(before.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(before.body()).contains(NAME);

        Reply erasure = host.post("/v1/privacy/requests", Map.of("clientId", clientId, "type", "erasure",
                "note", "Asked by mail."), center.token());
        assertThat(erasure.status()).as(erasure.body()).isEqualTo(201);
        Reply done = host.post("/v1/privacy/requests/" + erasure.json().get("id").asText() + "/complete",
                Map.of("outcome", "Erased."), center.token());
        assertThat(done.status()).as(done.body()).isEqualTo(200);

        Reply replay = post("/v1/clients", client, center.token(), key);

        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.header("Location")).isEqualTo(created.header("Location"));
        // The phone's digits and the birth date in every form they could take, not a bare "987" that
        // a random id or timestamp may hold.
        assertThat(replay.body()).doesNotContain(NAME, "Remedios", EMAIL, "611987654", "611 987 654", "1981-02-03");
    }

    @Test
    void the_stored_request_hash_is_keyed_not_a_bare_sha256_of_the_request() throws Exception {
        Center center = host.newCenter("Centro Hash");
        Map<String, Object> body = userBody(newEmail("hashed"), "professional");
        String json = TestHost.write(body);
        assertThat(post("/v1/users", body, center.token(), "hash-key").status()).isEqualTo(201);

        List<String> hashes = requestHashes(center.tenantId());

        assertThat(hashes).hasSize(1);
        assertThat(hashes.get(0)).isNotEqualTo(sha256("POST /v1/users\n" + json)).isNotEqualTo(sha256(json));
        // The same request in another center hashes differently: the key is the center's.
        Center other = host.newCenter("Centro Hash Dos");
        assertThat(post("/v1/users", body, other.token(), "hash-key").status()).isEqualTo(201);
        assertThat(requestHashes(other.tenantId())).doesNotContain(hashes.get(0));
    }

    @Test
    void the_same_key_from_another_account_of_the_center_is_its_own_request() {
        Center center = host.newCenter("Centro Dos Cuentas");
        String[] second = secondAdministrator(center);
        String key = "shared-desk-key";

        Reply first = post("/v1/users", userBody(newEmail("first"), "professional"), center.token(), key);
        Reply other = post("/v1/users", userBody(newEmail("other"), "professional"), second[1], key);
        Reply sameBodyOther = post("/v1/clients", Map.of("fullName", "Ana Ruiz"), second[1], "k2");
        Reply sameBodyFirst = post("/v1/clients", Map.of("fullName", "Ana Ruiz"), center.token(), "k2");

        assertThat(first.status()).isEqualTo(201);
        assertThat(other.status()).as(other.body()).isEqualTo(201);
        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(other.json().get("id").asText()).isNotEqualTo(first.json().get("id").asText());
        assertThat(sameBodyFirst.status()).isEqualTo(201);
        assertThat(sameBodyFirst.header("Idempotent-Replayed")).isNull();
        assertThat(sameBodyFirst.header("Location")).isNotEqualTo(sameBodyOther.header("Location"));
    }

    @Test
    void a_replay_by_an_account_whose_role_lost_the_permission_is_refused() {
        Center center = host.newCenter("Centro Degradado");
        String[] second = secondAdministrator(center);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = userBody(newEmail("hired"), "receptionist");
        assertThat(post("/v1/users", body, second[1], key).status()).isEqualTo(201);
        // Control: while an administrator, the replay answers.
        assertThat(post("/v1/users", body, second[1], key).header("Idempotent-Replayed")).isEqualTo("true");

        Reply demoted = patch("/v1/users/" + second[0], "{\"role\": \"professional\"}", center.token());
        assertThat(demoted.status()).as(demoted.body()).isEqualTo(200);
        Reply replay = post("/v1/users", body, second[1], key);

        assertThat(replay.status()).as(replay.body()).isEqualTo(403);
        assertThat(replay.header("Idempotent-Replayed")).isNull();
        assertThat(replay.body()).doesNotContain("hired");
    }

    @Test
    void an_operator_sending_an_idempotency_key_gets_idempotency() {
        String operator = IncidentFixtures.operator(host);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Idempotent Mail Ltd");
        body.put("purpose", "Transactional email");
        body.put("region", "European Union");
        body.put("transferSafeguard", "Processed in the European Union");
        String key = UUID.randomUUID().toString();

        Reply first = post("/v1/operator/subprocessors", body, operator, key);
        Reply again = post("/v1/operator/subprocessors", body, operator, key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        Reply list = host.get("/v1/privacy/subprocessors", operator);
        long entries = 0;
        for (var item : list.json().get("items")) {
            if (item.get("name").asText().equals("Idempotent Mail Ltd")) {
                entries++;
            }
        }
        assertThat(entries).isEqualTo(1);
        Map<String, String> password = Map.of("currentPassword", TestHost.PASSWORD, "newPassword", TestHost.PASSWORD + "!");
        Reply changed = post("/v1/auth/password", password, operator, "op-password");
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
    }

    @Test
    void a_replayed_action_answers_the_resource_it_acted_on_as_it_now_is() {
        Center center = host.newCenter("Centro Accion");
        Reply client = host.post("/v1/clients", Map.of("fullName", NAME), center.token());
        Reply request = host.post("/v1/privacy/requests", Map.of("clientId", client.json().get("id").asText(),
                "type", "rectification", "note", "Email typo."), center.token());
        String id = request.json().get("id").asText();
        Map<String, String> outcome = Map.of("outcome", "Email corrected.");
        String key = UUID.randomUUID().toString();

        Reply done = post("/v1/privacy/requests/" + id + "/complete", outcome, center.token(), key);
        Reply again = post("/v1/privacy/requests/" + id + "/complete", outcome, center.token(), key);

        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json()).isEqualTo(host.get("/v1/privacy/requests/" + id, center.token()).json());
        assertThat(again.json().get("status").asText()).isEqualTo("completed");
    }
}

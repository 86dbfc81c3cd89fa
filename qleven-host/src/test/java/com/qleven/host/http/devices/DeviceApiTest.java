package com.qleven.host.http.devices;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.TenantId;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import com.qleven.ports.devices.in.DeviceGrant;
import com.qleven.ports.devices.in.TelemetryReport;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The device registry over HTTP: an administrator registers a machine on the center's equipment and
 * reads its password once (201 with Location); the password opens the broker's authentication, a
 * rotation replaces it, a revocation ends it; a replay never repeats it; every role reads the
 * registry, only administrators change it; bad members are 400s naming them, another center's
 * equipment a 422, another center's device a 404; the password reaches no log line and no table.
 */
class DeviceApiTest {
    private static final String PATH = "/v1/devices";
    private static TestHost host;
    private static Center center;
    private static String equipment;
    private static String desk;
    private static String professional;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        center = host.newCenter("Centro Equipos");
        equipment = equipment(center);
        desk = member("receptionist");
        professional = member("professional");
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static String member(String role) {
        String email = TestHost.newEmail(role);
        Reply added = host.post("/v1/users", TestHost.userBody(email, role), center.token());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return host.login(email, TestHost.PASSWORD, null);
    }

    private static String equipment(Center c) {
        Reply made = host.post("/v1/equipment", Map.of("name", "Láser 1", "kind", "laser"), c.token());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("id").asText();
    }

    private static Map<String, Object> body(String equipmentId) {
        return Map.of("name", "Laser room 1", "equipmentId", equipmentId, "model", "GentleMax Pro",
                "firmware", "2.1.0");
    }

    private static Reply register(String token) {
        return host.post(PATH, body(equipment), token);
    }

    private static Optional<DeviceGrant> connect(String username, String password) {
        return host.host().component().qleven().devices().authentication().authenticate(username,
                password.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> fields(Reply reply) {
        List<String> fields = new ArrayList<>();
        reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private static Reply postWithKey(String path, Object body, String token, String key) {
        return host.send(host.request(path).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(TestHost.write(body))).build());
    }

    @Test
    void anAdministratorRegistersAMachineAndReadsItsPasswordOnce() {
        Reply created = register(center.token());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode c = created.json();
        String id = c.get("id").asText();
        assertThat(created.header("Location")).isEqualTo(PATH + "/" + id);
        assertThat(c.get("mqttClientId").asText()).isEqualTo(id);
        assertThat(c.get("mqttUsername").asText()).isEqualTo(id);
        assertThat(c.get("mqttPassword").asText()).matches("^[A-Za-z0-9_-]{43}$");
        assertThat(c.get("topicPrefix").asText()).isEqualTo("qleven/" + center.tenantId() + "/devices/" + id + "/");
        assertThat(connect(id, c.get("mqttPassword").asText())).contains(new DeviceGrant(
                new TenantId(UUID.fromString(center.tenantId())), DeviceId.parse("id", id)));

        Reply read = host.get(PATH + "/" + id, desk);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode d = read.json();
        assertThat(d.get("id").asText()).isEqualTo(id);
        assertThat(d.get("name").asText()).isEqualTo("Laser room 1");
        assertThat(d.get("equipmentId").asText()).isEqualTo(equipment);
        assertThat(d.get("model").asText()).isEqualTo("GentleMax Pro");
        assertThat(d.get("firmware").asText()).isEqualTo("2.1.0");
        assertThat(d.get("status").asText()).isEqualTo("active");
        assertThat(d.get("online").asBoolean()).isFalse();
        assertThat(d.get("lastSeenAt").isNull()).isTrue();
        assertThat(d.get("telemetry").isNull()).isTrue();
        assertThat(d.get("credentialVersion").asLong()).isEqualTo(1);
        assertThat(read.body()).doesNotContain(c.get("mqttPassword").asText()).doesNotContain("mqttPassword");
    }

    @Test
    void theLiveStateShowsWhatTheDeviceLastReported() {
        String id = register(center.token()).json().get("id").asText();
        TenantId tenant = new TenantId(UUID.fromString(center.tenantId()));
        DeviceId device = DeviceId.parse("id", id);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var transactions = host.host().component().store().shared().transactions();
        var devices = host.host().component().store().devices().devices();
        transactions.inTenant(tenant, () -> {
            devices.recordStatus(tenant, device, true, Optional.of("3.0.0"), at);
            devices.recordTelemetry(tenant, device, new TelemetryReport(Map.of("shots", 1200.0, "lampHours", 310.5),
                    Map.of("handpiece", 31.2), List.of("E12"), at));
        });

        JsonNode d = host.get(PATH + "/" + id, professional).json();
        assertThat(d.get("online").asBoolean()).isTrue();
        assertThat(d.get("lastSeenAt").asText()).isEqualTo(at.toString());
        assertThat(d.get("firmware").asText()).isEqualTo("3.0.0");
        assertThat(d.get("telemetry").get("counters").get("shots").asDouble()).isEqualTo(1200.0);
        assertThat(d.get("telemetry").get("counters").get("lampHours").asDouble()).isEqualTo(310.5);
        assertThat(d.get("telemetry").get("temperatures").get("handpiece").asDouble()).isEqualTo(31.2);
        assertThat(d.get("telemetry").get("errorCodes").get(0).asText()).isEqualTo("E12");
    }

    @Test
    void rotationReplacesThePasswordAndRevocationEndsIt() {
        JsonNode first = register(center.token()).json();
        String id = first.get("id").asText();

        Reply rotated = host.post(PATH + "/" + id + "/credentials/rotate", Map.of(), center.token());
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String second = rotated.json().get("mqttPassword").asText();
        assertThat(second).isNotEqualTo(first.get("mqttPassword").asText());
        assertThat(rotated.json().get("id").asText()).isEqualTo(id);
        assertThat(connect(id, first.get("mqttPassword").asText())).isEmpty();
        assertThat(connect(id, second)).isPresent();
        assertThat(host.get(PATH + "/" + id, center.token()).json().get("credentialVersion").asLong()).isEqualTo(2);

        Reply revoked = host.post(PATH + "/" + id + "/revoke", Map.of(), center.token());
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("status").asText()).isEqualTo("revoked");
        assertThat(connect(id, second)).isEmpty();
        assertThat(host.post(PATH + "/" + id + "/revoke", Map.of(), center.token()).status()).isEqualTo(200);
        Reply again = host.post(PATH + "/" + id + "/credentials/rotate", Map.of(), center.token());
        assertThat(again.status()).as(again.body()).isEqualTo(409);
    }

    @Test
    void aReplayAnswersTheDeviceNeverThePasswordAgain() {
        String key = UUID.randomUUID().toString();
        Reply first = postWithKey(PATH, body(equipment), center.token(), key);
        Reply replay = postWithKey(PATH, body(equipment), center.token(), key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(replay.status()).as(replay.body()).isEqualTo(201);
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(replay.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(replay.body()).doesNotContain(first.json().get("mqttPassword").asText());

        String id = first.json().get("id").asText();
        String rotateKey = UUID.randomUUID().toString();
        Reply rotated = postWithKey(PATH + "/" + id + "/credentials/rotate", Map.of(), center.token(), rotateKey);
        Reply rotatedAgain = postWithKey(PATH + "/" + id + "/credentials/rotate", Map.of(), center.token(),
                rotateKey);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(rotatedAgain.status()).as(rotatedAgain.body()).isEqualTo(200);
        assertThat(rotatedAgain.body()).doesNotContain(rotated.json().get("mqttPassword").asText());
        // The replay rotated nothing: the password of the first call still opens.
        assertThat(connect(id, rotated.json().get("mqttPassword").asText())).isPresent();
    }

    @Test
    void receptionistsAndProfessionalsReadButCannotChangeTheRegistry() {
        String id = register(center.token()).json().get("id").asText();
        for (String token : List.of(desk, professional)) {
            assertThat(register(token).status()).isEqualTo(403);
            assertThat(host.post(PATH + "/" + id + "/credentials/rotate", Map.of(), token).status()).isEqualTo(403);
            assertThat(host.post(PATH + "/" + id + "/revoke", Map.of(), token).status()).isEqualTo(403);
            assertThat(host.get(PATH + "/" + id, token).status()).isEqualTo(200);
            Reply list = host.get(PATH, token);
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body()).contains(id);
        }
        assertThat(host.get(PATH + "/" + id, center.token()).json().get("status").asText()).isEqualTo("active");
        assertThat(host.get(PATH, null).status()).isEqualTo(401);
    }

    @Test
    void badMembersAreNamedAndAnotherCenterSEquipmentIsA422() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("name", " ");
        bad.put("equipmentId", "laser-1");
        bad.put("model", "m".repeat(121));
        bad.put("firmware", "");
        Reply refused = host.post(PATH, bad, center.token());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("name", "equipmentId", "model", "firmware");
        assertThat(fields(host.post(PATH, Map.of("name", "L", "equipmentId", equipment, "model", "M",
                "colour", "red"), center.token()))).containsExactly("colour");

        Center other = host.newCenter("Centro Ajeno");
        Reply foreign = host.post(PATH, body(equipment(other)), center.token());
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(422);
        assertThat(foreign.body()).contains("equipmentId");
        Reply unknown = host.post(PATH, body(UUID.randomUUID().toString()), center.token());
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(foreign.json().get("detail")).isEqualTo(unknown.json().get("detail"));
    }

    @Test
    void anotherCenterSDeviceIsNotFound() {
        String id = register(center.token()).json().get("id").asText();
        Center other = host.newCenter("Centro Otro");

        assertThat(host.get(PATH + "/" + id, other.token()).status()).isEqualTo(404);
        assertThat(host.post(PATH + "/" + id + "/credentials/rotate", Map.of(), other.token()).status())
                .isEqualTo(404);
        assertThat(host.post(PATH + "/" + id + "/revoke", Map.of(), other.token()).status()).isEqualTo(404);
        assertThat(host.get(PATH, other.token()).body()).doesNotContain(id);
        assertThat(host.get(PATH + "/not-a-uuid", center.token()).status()).isEqualTo(404);
        assertThat(host.get(PATH + "/" + id, center.token()).json().get("status").asText()).isEqualTo("active");
    }

    @Test
    void thePasswordReachesNoLogLineAndNoTable() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        captured.start();
        root.addAppender(captured);
        Logger accessLog = (Logger) LoggerFactory.getLogger("com.qleven.host.access");
        accessLog.addAppender(captured);
        List<String> secrets = new ArrayList<>();
        try {
            JsonNode created = register(center.token()).json();
            secrets.add(created.get("mqttPassword").asText());
            secrets.add(host.post(PATH + "/" + created.get("id").asText() + "/credentials/rotate", Map.of(),
                    center.token()).json().get("mqttPassword").asText());
        } finally {
            root.detachAppender(captured);
            accessLog.detachAppender(captured);
        }
        StringBuilder all = new StringBuilder();
        synchronized (captured) {
            for (ILoggingEvent event : List.copyOf(captured.list)) {
                all.append(event.getFormattedMessage()).append(event.getMDCPropertyMap()).append('\n');
            }
        }
        assertThat(all).isNotEmpty();
        StringBuilder rows = new StringBuilder();
        try (Connection c = host.superuser(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT d::text FROM public.devices d UNION ALL "
                     + "SELECT c::text FROM directory.device_credentials c UNION ALL "
                     + "SELECT a::text FROM public.audit_events a")) {
            while (rs.next()) {
                rows.append(rs.getString(1)).append('\n');
            }
        }
        assertThat(rows).isNotEmpty();
        for (String secret : secrets) {
            assertThat(all.toString()).doesNotContain(secret);
            assertThat(rows.toString()).doesNotContain(secret);
        }
    }
}

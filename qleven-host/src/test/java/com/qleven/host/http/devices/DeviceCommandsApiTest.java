package com.qleven.host.http.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.TenantId;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import com.qleven.ports.devices.in.CommandAck;
import com.qleven.domain.devices.AckStatus;
import com.qleven.domain.devices.DeviceCommandId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Device commands over HTTP: 202 with the command's id and status and where to read it, the command
 * read back as an ack moved it, the device's list, each bad member a 400 naming it, a professional
 * without an appointment of their own refused, another center's device not found; maintenance rules
 * read and replaced by administrators only; an appointment without a session a 404.
 */
class DeviceCommandsApiTest {
    private static TestHost host;
    private static Center center;
    private static Center other;
    private static String device;
    private static String otherDevice;
    private static String professional;

    @BeforeAll
    static void start() {
        host = TestHost.start();
        center = host.newCenter("Centro Máquinas");
        other = host.newCenter("Centro Otro");
        device = register(center);
        otherDevice = register(other);
        String email = TestHost.newEmail("professional");
        assertThat(host.post("/v1/users", TestHost.userBody(email, "professional"), center.token()).status())
                .isEqualTo(201);
        professional = host.login(email, TestHost.PASSWORD, null);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    private static String register(Center c) {
        Reply equipment = host.post("/v1/equipment", Map.of("name", "Láser", "kind", "laser"), c.token());
        assertThat(equipment.status()).as(equipment.body()).isEqualTo(201);
        Reply registered = host.post("/v1/devices", Map.of("name", "Laser room 1", "equipmentId",
                equipment.json().get("id").asText(), "model", "LX-2"), c.token());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().get("id").asText();
    }

    private static List<String> fields(Reply reply) {
        List<String> fields = new ArrayList<>();
        reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void aCommandIsAcceptedForLaterAndReadBackAsItsAcksMoveIt() {
        Reply queued = host.post("/v1/devices/" + device + "/commands", Map.of("type", "lock",
                "expiresInSeconds", 120), center.token());
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        String id = queued.json().get("id").asText();
        assertThat(queued.json().get("status").asText()).isEqualTo("queued");
        String location = queued.header("Location");
        assertThat(location).isEqualTo("/v1/devices/" + device + "/commands/" + id);

        JsonNode read = host.get(location, center.token()).json();
        assertThat(read.get("type").asText()).isEqualTo("lock");
        assertThat(read.get("status").asText()).isEqualTo("queued");
        assertThat(read.has("createdAt") && read.has("statusAt") && read.has("expiresAt")).isTrue();

        host.host().component().qleven().devices().inbound().ack(new TenantId(UUID.fromString(center.tenantId())),
                DeviceId.parse("id", device), DeviceCommandId.parse("id", id),
                new CommandAck(AckStatus.REJECTED, Optional.of("interlock open"), host.clock.instant()));
        JsonNode rejected = host.get(location, center.token()).json();
        assertThat(rejected.get("status").asText()).isEqualTo("rejected");
        assertThat(rejected.get("detail").asText()).isEqualTo("interlock open");
        assertThat(host.get("/v1/devices/" + device + "/commands", center.token()).body()).contains(id);
        assertThat(host.get("/v1/devices/" + otherDevice + "/commands/" + id, other.token()).status())
                .isEqualTo(404);
    }

    @Test
    void badCommandsAreRefusedNamingTheMember() {
        Map<String, Object> arm = new HashMap<>();
        arm.put("type", "arm");
        arm.put("parameters", Map.of("fluence", Map.of("nested", 1)));
        arm.put("expiresInSeconds", 3);
        Reply bad = host.post("/v1/devices/" + device + "/commands", arm, center.token());
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(fields(bad)).containsAnyOf("parameters.fluence", "expiresInSeconds");
        Reply type = host.post("/v1/devices/" + device + "/commands", Map.of("type", "explode",
                "expiresInSeconds", 60), center.token());
        assertThat(fields(type)).containsExactly("type");
        Reply appointment = host.post("/v1/devices/" + device + "/commands", Map.of("type", "stop",
                "expiresInSeconds", 60, "appointmentId", UUID.randomUUID().toString()), center.token());
        assertThat(appointment.status()).isEqualTo(422);
        assertThat(appointment.body()).contains("appointmentId");
        assertThat(host.post("/v1/devices/" + device + "/commands", Map.of("type", "stop", "expiresInSeconds", 60),
                professional).status()).as("a professional names an appointment of their own").isEqualTo(403);
        assertThat(host.post("/v1/devices/" + otherDevice + "/commands", Map.of("type", "stop",
                "expiresInSeconds", 60), center.token()).status()).isEqualTo(404);
    }

    @Test
    void maintenanceRulesAreTheAdministratorsAndASessionlessAppointmentIsNotFound() {
        String path = "/v1/devices/" + device + "/maintenance-rules";
        assertThat(host.get(path, center.token()).json().get("thresholds")).isEmpty();
        Reply put = host.put(path, Map.of("thresholds", List.of(Map.of("counter", "lampHours", "max", 1000)),
                "faultCodes", List.of("E12", "E40")), center.token());
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode read = host.get(path, center.token()).json();
        assertThat(read.get("thresholds").get(0).get("counter").asText()).isEqualTo("lampHours");
        assertThat(read.get("faultCodes")).hasSize(2);
        assertThat(host.put(path, Map.of("anyFault", true), professional).status()).isEqualTo(403);
        Reply bad = host.put(path, Map.of("thresholds", List.of(Map.of("counter", "lamp hours", "max", -1))),
                center.token());
        assertThat(fields(bad)).containsExactly("thresholds[0].counter", "thresholds[0].max");
        assertThat(host.get("/v1/appointments/" + UUID.randomUUID() + "/treatment-session", center.token())
                .status()).isEqualTo(404);
    }
}

package com.qleven.host.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.TenantId;
import com.qleven.examples.devices.DeviceSimulator;
import com.qleven.host.DeviceDispatchJob;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Center;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.http.scheduling.SchedulingFixtures;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Maintenance end to end on the JVM's one embedded broker: a machine linked to the only equipment a
 * service needs reports, through the simulator and the broker, a counter at the threshold its rules
 * set (or a fault code they list); its equipment goes to maintenance, the service's slots leave
 * availability, the appointment already booked on it is flagged to the center, and arming the
 * machine for that appointment is refused (409).
 */
class DeviceMaintenanceEndToEndTest {
    private static TestHost host;
    private static Center center;
    private static String professional;
    private static String client;
    private static int port;

    record Machine(String equipment, String service, String device, String password) {
    }

    @BeforeAll
    static void start() {
        host = TestHost.startWithBroker(Map.of(DeviceDispatchJob.EVERY, "200ms"));
        center = host.newCenter("Centro Mantenimiento");
        professional = created(host.post("/v1/users", TestHost.userBody(TestHost.newEmail("pro"), "professional"),
                center.token()));
        SchedulingFixtures.workEveryDay(host, center.tenantId(), professional);
        client = created(host.post("/v1/clients", Map.of("fullName", "Marta Gil"), center.token()));
        port = URI.create(host.broker().url()).getPort();
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    private static String created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().get("id").asText();
    }

    /** One piece of equipment of a kind of its own, the service that needs it, and its registered machine. */
    private static Machine machine(String kind, Map<String, Object> rules) {
        String equipment = created(host.post("/v1/equipment", Map.of("name", "Equipo " + kind, "kind", kind),
                center.token()));
        String service = SchedulingFixtures.service(host, center.tenantId(), 30, false, Set.of(kind));
        Reply registered = host.post("/v1/devices", Map.of("name", "Máquina " + kind, "equipmentId", equipment,
                "model", "LX-2"), center.token());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String device = registered.json().get("id").asText();
        Reply put = host.put("/v1/devices/" + device + "/maintenance-rules", rules, center.token());
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        return new Machine(equipment, service, device, registered.json().get("mqttPassword").asText());
    }

    private static DeviceSimulator.Config config(Machine m, DeviceSimulator.Counters counters) {
        return DeviceSimulator.Config.of("127.0.0.1", port, new TenantId(UUID.fromString(center.tenantId())),
                DeviceId.parse("id", m.device()), m.password()).withKeepAlive(2).withTelemetryEvery(Duration.ZERO)
                .withStart(counters);
    }

    private static JsonNode slots(String service, int fromDays, int toDays) {
        Reply found = host.get("/v1/availability?serviceId=" + service + "&from=" + SchedulingFixtures.day(host,
                fromDays) + "&to=" + SchedulingFixtures.day(host, toDays), center.token());
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json().get("slots");
    }

    private static String equipmentStatus(String equipment) {
        for (JsonNode e : host.get("/v1/equipment", center.token()).json().path("items")) {
            if (e.path("id").asText().equals(equipment)) {
                return e.path("status").asText();
            }
        }
        throw new AssertionError("equipment " + equipment + " not listed");
    }

    private static List<JsonNode> maintenanceNotices() {
        List<JsonNode> found = new java.util.ArrayList<>();
        host.get("/v1/notifications", center.token()).json().path("items").forEach(n -> {
            if ("equipment_maintenance".equals(n.path("kind").asText())) {
                found.add(n);
            }
        });
        return found;
    }

    /** The first free slot that starts within 12 hours (an arm's window), booked for the client. */
    private static String bookSoon(String service) {
        Instant latest = Instant.now().plus(Duration.ofHours(11));
        for (JsonNode slot : slots(service, 0, 1)) {
            Instant start = OffsetDateTime.parse(slot.get("start").asText()).toInstant();
            if (start.isAfter(Instant.now().plus(Duration.ofMinutes(1))) && start.isBefore(latest)) {
                return created(host.post("/v1/appointments", Map.of("clientId", client, "serviceId", service,
                        "start", slot.get("start").asText(), "professionalId", professional), center.token()));
            }
        }
        throw new AssertionError("no slot within 11 hours");
    }

    @Test
    void aCounterAtItsThresholdTakesTheMachineOutOfBookingAndFlagsItsAppointments() throws Exception {
        Machine m = machine("laser-e2e", Map.of("thresholds", List.of(Map.of("counter", "shots", "max", 1000))));
        String appointment = bookSoon(m.service());
        assertThat(host.get("/v1/appointments/" + appointment, center.token()).json().get("equipmentIds")
                .toString()).contains(m.equipment());
        assertThat(slots(m.service(), 2, 2).size()).isPositive();

        // Below the threshold: telemetry is recorded, the machine stays bookable.
        try (DeviceSimulator below = new DeviceSimulator(config(m, new DeviceSimulator.Counters(999, 0, 0)))) {
            below.start();
            below.publishTelemetry();
            await().atMost(Duration.ofSeconds(10)).until(() -> host.get("/v1/devices/" + m.device(),
                    center.token()).json().path("telemetry").path("counters").path("shots").asDouble() == 999.0);
        }
        assertThat(equipmentStatus(m.equipment())).isEqualTo("available");
        assertThat(slots(m.service(), 2, 2).size()).isPositive();
        assertThat(maintenanceNotices()).noneMatch(n -> n.path("subjectId").asText().equals(m.equipment()));

        // At the threshold: maintenance.
        try (DeviceSimulator worn = new DeviceSimulator(config(m, new DeviceSimulator.Counters(1000, 0, 0)))) {
            worn.start();
            worn.publishTelemetry();
            await().atMost(Duration.ofSeconds(10)).until(() -> "maintenance".equals(equipmentStatus(m.equipment())));
            worn.publishTelemetry();
            await().atMost(Duration.ofSeconds(10)).until(() -> host.get("/v1/devices/" + m.device(),
                    center.token()).json().path("telemetry").path("counters").path("shots").asDouble() == 1000.0);
        }
        assertThat(slots(m.service(), 0, 3)).as("no slot without its only equipment").isEmpty();
        List<JsonNode> notices = maintenanceNotices().stream()
                .filter(n -> n.path("subjectId").asText().equals(m.equipment())).toList();
        assertThat(notices).as("one notice per transition, not per message").hasSize(1);
        assertThat(notices.get(0).path("text").asText()).contains(appointment).contains("shots");

        Reply arm = host.post("/v1/devices/" + m.device() + "/commands", Map.of("type", "arm", "parameters",
                Map.of("fluence", 10), "expiresInSeconds", 120, "appointmentId", appointment), center.token());
        assertThat(arm.status()).as(arm.body()).isEqualTo(409);
        assertThat(host.get("/v1/devices/" + m.device() + "/commands", center.token()).json().path("items"))
                .as("nothing queued").isEmpty();
    }

    @Test
    void aListedFaultCodeTakesTheMachineOutOfBooking() throws Exception {
        Machine m = machine("ipl-e2e", Map.of("faultCodes", List.of("E42")));
        assertThat(slots(m.service(), 2, 2).size()).isPositive();
        try (DeviceSimulator machine = new DeviceSimulator(config(m, new DeviceSimulator.Counters(0, 0, 0)))) {
            machine.start();
            machine.raiseFault("E7");
            machine.publishTelemetry();
            await().atMost(Duration.ofSeconds(10)).until(() -> host.get("/v1/devices/" + m.device(),
                    center.token()).json().path("telemetry").toString().contains("E7"));
            assertThat(equipmentStatus(m.equipment())).as("a code the rules do not list").isEqualTo("available");

            machine.raiseFault("E42");
            machine.publishTelemetry();
            await().atMost(Duration.ofSeconds(10)).until(() -> "maintenance".equals(equipmentStatus(m.equipment())));
        }
        assertThat(slots(m.service(), 2, 2)).isEmpty();
        assertThat(maintenanceNotices()).anyMatch(n -> n.path("subjectId").asText().equals(m.equipment())
                && n.path("text").asText().contains("E42"));
    }
}

package com.qleven.host.harness;

import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Reply;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A registered machine of each fixture center, on the fixture's laser, so the harnesses reach the
 * device routes with real rows of each center. Registered through the API, as an administrator does.
 */
final class DevicesProbe {
    private static final Map<String, String> DEVICE = new ConcurrentHashMap<>();

    private DevicesProbe() {
    }

    /** The body that registers a machine on the fixture's equipment. */
    static Map<String, Object> body(CenterFixture f) {
        return Map.of("name", "Probe laser device", "equipmentId", f.equipmentId(), "model", "GentleMax Pro",
                "firmware", "2.1.0");
    }

    /** The fixture center's device, registered on first use; its id. */
    static String device(TestHost host, CenterFixture f) {
        return DEVICE.computeIfAbsent(f.center().tenantId(), t -> newDevice(host, f));
    }

    /** A stop command queued to the fixture center's device; its id. */
    static String newCommand(TestHost host, CenterFixture f) {
        Reply reply = host.post("/v1/devices/" + device(host, f) + "/commands", commandBody(), f.center().token());
        if (reply.status() != 202) {
            throw new AssertionError("command not queued: " + reply.status() + " " + reply.body());
        }
        return reply.json().get("id").asText();
    }

    /** A stop command's body: no parameters, a minute to live. */
    static Map<String, Object> commandBody() {
        return Map.of("type", "stop", "expiresInSeconds", 60);
    }

    /** Another device of the fixture center; its id. */
    static String newDevice(TestHost host, CenterFixture f) {
        Reply reply = host.post("/v1/devices", body(f), f.center().token());
        if (reply.status() != 201) {
            throw new AssertionError("device not registered: " + reply.status() + " " + reply.body());
        }
        return reply.json().get("id").asText();
    }
}

package com.qleven.examples.devices;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/** The simulator on a private Mosquitto (password file, one ACL entry per device); skipped without mosquitto. */
class DeviceSimulatorOnMosquittoTest extends DeviceSimulatorContract {
    private static PrivateMosquitto broker;

    @BeforeAll
    static void startBroker() throws Exception {
        Assumptions.assumeTrue(PrivateMosquitto.available(),
                "mosquitto is not installed (apt-get install mosquitto): the simulator's Mosquitto tests are skipped");
        Map<String, String> devices = new HashMap<>();
        for (int i = 0; i < IDS.size(); i++) {
            devices.put(TENANT.value() + "/" + IDS.get(i).value(), secret(i));
        }
        broker = PrivateMosquitto.start(devices);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    int port() {
        return broker.port();
    }

    @Override
    String[] platform() {
        return new String[] {PrivateMosquitto.PLATFORM, PrivateMosquitto.PLATFORM_SECRET};
    }
}

package com.qleven.adapters.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.devices.DeviceTopics;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.out.BrokerProvisioning;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Keeps Mosquitto's dynamic-security plugin in step with the registry, over
 * {@code $CONTROL/dynamic-security/v1} with the admin credentials (mqtt-facts.md §5). One role per device
 * ({@code qleven-device-<deviceId>}: publishClientSend and subscribePattern on the device's own filter;
 * Mosquitto 2.0 has no per-user patterns), one client per device (username and client id its DeviceId)
 * holding that role. Idempotent: an existing role or client is updated (its password set again), a
 * missing one on revoke is fine. Each request waits for its reply, matched by correlation data, up to
 * the timeout; a failure is logged (no secret) and thrown as {@link ProvisioningException}, so the caller
 * knows the broker is behind (it catches up at the next start, when every active device is provisioned).
 */
public final class MosquittoDynsecProvisioning implements BrokerProvisioning, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MosquittoDynsecProvisioning.class.getName());
    static final String CONTROL = "$CONTROL/dynamic-security/v1";
    static final String RESPONSE = CONTROL + "/response";
    public static final String PLATFORM_ROLE = "qleven-platform";

    /** The broker did not confirm a provisioning request. */
    public static final class ProvisioningException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProvisioningException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ObjectMapper json = JsonMapper.builder().build();
    private final MqttClient client;
    private final MqttConnectOptions options;
    private final Duration timeout;
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    /**
     * @param url      the broker, e.g. {@code tcp://127.0.0.1:1883}
     * @param clientId a client id of its own (not the link's), e.g. {@code qleven-host-<hostId>-dynsec}
     * @param username the dynsec admin
     * @param password its password
     */
    public MosquittoDynsecProvisioning(String url, String clientId, String username, String password, Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        try {
            this.client = new MqttClient(url, clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("MQTT url " + url + " is not usable: " + e.getMessage(), e);
        }
        this.options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false); // reconnected on demand by each request
        options.setConnectionTimeout(10);
        options.setUserName(Objects.requireNonNull(username, "username"));
        options.setPassword(Objects.requireNonNull(password, "password").toCharArray());
    }

    @Override
    public void provision(TenantId tenant, DeviceId device, String secret) {
        String role = role(device);
        String filter = DeviceTopics.ownFilter(tenant, device);
        List<Map<String, Object>> acls = List.of(
                acl("publishClientSend", filter), acl("publishClientReceive", filter), acl("subscribePattern", filter));
        JsonNode created = send(command("createRole", Map.of("rolename", role, "acls", acls)));
        if (error(created).isPresent() && !error(created).get().contains("already exists")) {
            throw failed("createRole", created);
        }
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("username", device.value().toString());
        create.put("password", secret);
        create.put("clientid", device.value().toString());
        create.put("roles", List.of(Map.of("rolename", role, "priority", 0)));
        JsonNode client = send(command("createClient", create));
        if (error(client).isEmpty()) {
            return;
        }
        if (!error(client).get().contains("already exists")) {
            throw failed("createClient", client);
        }
        // The client holds its role since createClient; only the secret changes.
        JsonNode pw = send(command("setClientPassword",
                Map.of("username", device.value().toString(), "password", secret)));
        if (error(pw).isPresent()) {
            throw failed("setClientPassword", pw);
        }
    }

    @Override
    public void revoke(TenantId tenant, DeviceId device) {
        JsonNode client = send(command("deleteClient", Map.of("username", device.value().toString())));
        if (error(client).isPresent() && !error(client).get().contains("not found")) {
            throw failed("deleteClient", client);
        }
        JsonNode role = send(command("deleteRole", Map.of("rolename", role(device))));
        if (error(role).isPresent() && !error(role).get().contains("not found")) {
            throw failed("deleteRole", role);
        }
    }

    /**
     * Gives the platform's client (an existing dynsec client, e.g. the admin the host connects as) the
     * access its link needs: publish under {@code qleven/#}, subscribe there and through shared
     * subscriptions ({@code $share/+/qleven/#}: Mosquitto checks the full filter). Idempotent.
     */
    public void ensurePlatformAccess(String platformUsername) {
        String all = DeviceTopics.ROOT + "/#";
        JsonNode created = send(command("createRole", Map.of("rolename", PLATFORM_ROLE, "acls", List.of(
                acl("publishClientSend", all), acl("publishClientReceive", all), acl("subscribePattern", all),
                acl("subscribePattern", "$share/+/" + all)))));
        if (error(created).isPresent() && !error(created).get().contains("already exists")) {
            throw failed("createRole", created);
        }
        if (holdsPlatformRole(platformUsername)) {
            return;
        }
        try {
            JsonNode added = send(command("addClientRole",
                    Map.of("username", platformUsername, "rolename", PLATFORM_ROLE, "priority", 1)));
            if (error(added).isPresent()) {
                throw failed("addClientRole", added);
            }
        } catch (ProvisioningException e) {
            // Mosquitto kicks every connection of a client whose roles change, this one included when the
            // platform provisions as itself: the reply is lost, so read the client back.
            if (!holdsPlatformRole(platformUsername)) {
                throw e;
            }
        }
    }

    private boolean holdsPlatformRole(String username) {
        JsonNode client = send(command("getClient", Map.of("username", username)));
        if (error(client).isPresent()) {
            throw failed("getClient", client);
        }
        for (JsonNode r : client.path("data").path("client").path("roles")) {
            if (PLATFORM_ROLE.equals(r.path("rolename").asText())) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> acl(String type, String topic) {
        return Map.of("acltype", type, "topic", topic, "allow", true);
    }

    static String role(DeviceId device) {
        return "qleven-device-" + device.value();
    }

    private static Map<String, Object> command(String name, Map<String, Object> fields) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("command", name);
        c.putAll(fields);
        return c;
    }

    private static java.util.Optional<String> error(JsonNode response) {
        JsonNode e = response.get("error");
        return e == null || e.isNull() ? java.util.Optional.empty() : java.util.Optional.of(e.asText());
    }

    private ProvisioningException failed(String command, JsonNode response) {
        String why = error(response).orElse("no reply");
        LOG.log(Level.ERROR, "Mosquitto dynamic security {0} failed: {1}", command, why);
        return new ProvisioningException("Mosquitto dynamic security " + command + " failed: " + why, null);
    }

    private synchronized void ensureConnected() {
        if (client.isConnected()) {
            return;
        }
        try {
            // Mosquitto drops the admin whenever a role it holds changes: Paho may still be closing that
            // connection (32102) when the next command comes, so wait for it a little, boundedly.
            for (int attempt = 1; ; attempt++) {
                try {
                    client.connect(options);
                    break;
                } catch (MqttException e) {
                    if (e.getReasonCode() != MqttException.REASON_CODE_CLIENT_DISCONNECTING || attempt >= 40) {
                        throw e;
                    }
                    sleep(Duration.ofMillis(50));
                }
            }
            client.subscribe(RESPONSE, 1, (topic, message) -> received(message));
        } catch (MqttException e) {
            LOG.log(Level.ERROR, "Mosquitto dynamic security: cannot connect ({0})", e.getReasonCode());
            throw new ProvisioningException("cannot reach the Mosquitto broker's dynamic security (reason "
                    + e.getReasonCode() + ")", e);
        }
    }

    private static void sleep(Duration pause) throws MqttException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqttException(MqttException.REASON_CODE_CLIENT_DISCONNECTING);
        }
    }

    private void received(MqttMessage message) {
        try {
            JsonNode root = json.readTree(message.getPayload());
            for (JsonNode r : root.path("responses")) {
                CompletableFuture<JsonNode> f = pending.remove(r.path("correlationData").asText(""));
                if (f != null) {
                    f.complete(r);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Mosquitto dynamic security: unreadable reply dropped");
        }
    }

    private JsonNode send(Map<String, Object> command) {
        ensureConnected();
        String correlation = UUID.randomUUID().toString();
        Map<String, Object> c = new LinkedHashMap<>(command);
        c.put("correlationData", correlation);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(correlation, reply);
        try {
            List<Object> commands = new ArrayList<>();
            commands.add(c);
            MqttMessage m = new MqttMessage(json.writeValueAsBytes(Map.of("commands", commands)));
            m.setQos(1);
            client.publish(CONTROL, m);
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningException("interrupted waiting for Mosquitto's reply", e);
        } catch (TimeoutException e) {
            LOG.log(Level.ERROR, "Mosquitto dynamic security: no reply to {0} within {1} ms",
                    command.get("command"), timeout.toMillis());
            throw new ProvisioningException("no reply from Mosquitto's dynamic security to " + command.get("command"), e);
        } catch (MqttException | ExecutionException | com.fasterxml.jackson.core.JsonProcessingException e) {
            LOG.log(Level.ERROR, "Mosquitto dynamic security: {0} not sent ({1})", command.get("command"),
                    e.getClass().getSimpleName());
            throw new ProvisioningException("Mosquitto dynamic security " + command.get("command") + " not sent", e);
        } finally {
            pending.remove(correlation);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(2000);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.log(Level.DEBUG, "Mosquitto dynamic security: close ({0})", e.getReasonCode());
        }
    }
}

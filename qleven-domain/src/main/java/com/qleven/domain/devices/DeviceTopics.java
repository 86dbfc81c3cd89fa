package com.qleven.domain.devices;

import com.qleven.domain.shared.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The MQTT topic scheme, shared by the platform, the brokers' access rules and every device. Under
 * {@code qleven/{tenantId}/devices/{deviceId}/}:
 * <ul>
 *   <li>{@code status} (device → platform, retained, QoS 1): {@code {"online":true,"firmware":"2.1.0"}};
 *       the device's last will is {@code {"online":false}}, retained too, so a device that drops off
 *       reads offline to whoever subscribes later.</li>
 *   <li>{@code telemetry} (device → platform, QoS 0 or 1): {@code {"counters":{"shots":1200,
 *       "lampHours":310.5},"temperatures":{"handpiece":31.2},"errorCodes":["E12"]}}; every member
 *       optional, numbers only in counters and temperatures.</li>
 *   <li>{@code commands/{commandId}} (platform → device, QoS 1, not retained):
 *       {@code {"id","type","parameters":{…},"expiresAt":"2026-12-07T10:00:00Z"}}; a device
 *       deduplicates by id and acknowledges a repeated command again.</li>
 *   <li>{@code acks/{commandId}} (device → platform, QoS 1): {@code {"status":"accepted|rejected|done",
 *       "detail":"…"}}.</li>
 * </ul>
 * A device's MQTT username and client id are its {@link DeviceId}; the broker lets it publish and
 * subscribe only under its own prefix.
 */
public final class DeviceTopics {
    public static final String ROOT = "qleven";

    /** Which of a device's topics a topic is. */
    public enum Kind {
        STATUS,
        TELEMETRY,
        COMMAND,
        ACK
    }

    /** A parsed topic: the center, the device, the kind and, for commands and acks, the command. */
    public record Parsed(TenantId tenant, DeviceId device, Kind kind, Optional<DeviceCommandId> command) {
        public Parsed {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(command, "command");
            if (command.isPresent() != (kind == Kind.COMMAND || kind == Kind.ACK)) {
                throw new IllegalArgumentException("a command id exactly for commands and acks");
            }
        }
    }

    private DeviceTopics() {
    }

    /** {@code qleven/{tenantId}/devices/{deviceId}/}, with its trailing slash. */
    public static String prefix(TenantId tenant, DeviceId device) {
        return ROOT + "/" + tenant.value() + "/devices/" + device.value() + "/";
    }

    /** The filter of everything a device may touch: {@code qleven/{tenantId}/devices/{deviceId}/#}. */
    public static String ownFilter(TenantId tenant, DeviceId device) {
        return prefix(tenant, device) + "#";
    }

    public static String status(TenantId tenant, DeviceId device) {
        return prefix(tenant, device) + "status";
    }

    public static String telemetry(TenantId tenant, DeviceId device) {
        return prefix(tenant, device) + "telemetry";
    }

    public static String command(TenantId tenant, DeviceId device, DeviceCommandId command) {
        return prefix(tenant, device) + "commands/" + command.value();
    }

    public static String ack(TenantId tenant, DeviceId device, DeviceCommandId command) {
        return prefix(tenant, device) + "acks/" + command.value();
    }

    /** The filters the platform subscribes to, for every device of every center: status, telemetry, acks. */
    public static String allStatus() {
        return ROOT + "/+/devices/+/status";
    }

    public static String allTelemetry() {
        return ROOT + "/+/devices/+/telemetry";
    }

    public static String allAcks() {
        return ROOT + "/+/devices/+/acks/+";
    }

    /** The topic read back; empty for any topic not exactly of this scheme (ids must be UUIDs). */
    public static Optional<Parsed> parse(String topic) {
        if (topic == null) {
            return Optional.empty();
        }
        String[] p = topic.split("/", -1);
        if (p.length < 5 || p.length > 6 || !ROOT.equals(p[0]) || !"devices".equals(p[2])) {
            return Optional.empty();
        }
        Optional<UUID> tenant = uuid(p[1]);
        Optional<UUID> device = uuid(p[3]);
        if (tenant.isEmpty() || device.isEmpty()) {
            return Optional.empty();
        }
        TenantId t = new TenantId(tenant.get());
        DeviceId d = new DeviceId(device.get());
        if (p.length == 5) {
            return switch (p[4]) {
                case "status" -> Optional.of(new Parsed(t, d, Kind.STATUS, Optional.empty()));
                case "telemetry" -> Optional.of(new Parsed(t, d, Kind.TELEMETRY, Optional.empty()));
                default -> Optional.empty();
            };
        }
        Optional<UUID> command = uuid(p[5]);
        if (command.isEmpty()) {
            return Optional.empty();
        }
        return switch (p[4]) {
            case "commands" -> Optional.of(new Parsed(t, d, Kind.COMMAND, command.map(DeviceCommandId::new)));
            case "acks" -> Optional.of(new Parsed(t, d, Kind.ACK, command.map(DeviceCommandId::new)));
            default -> Optional.empty();
        };
    }

    private static Optional<UUID> uuid(String text) {
        if (text.length() != 36) {
            return Optional.empty();
        }
        try {
            UUID u = UUID.fromString(text);
            // UUID.fromString accepts forms that do not print back the same: only the canonical one is ours.
            return u.toString().equalsIgnoreCase(text) ? Optional.of(u) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

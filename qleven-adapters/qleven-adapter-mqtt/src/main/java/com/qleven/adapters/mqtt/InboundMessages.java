package com.qleven.adapters.mqtt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.qleven.domain.devices.AckStatus;
import com.qleven.domain.devices.DeviceTopics;
import com.qleven.ports.devices.in.CommandAck;
import com.qleven.ports.devices.in.DeviceInbound;
import com.qleven.ports.devices.in.DeviceStatusReport;
import com.qleven.ports.devices.in.TelemetryReport;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one message from a device (topic and JSON, shapes as in {@link DeviceTopics}) into a call on
 * {@link DeviceInbound}. Strict on what it reads: {@code online} a boolean, numbers only in counters and
 * temperatures and finite, {@code errorCodes} strings, an ack status among {@link AckStatus}, no duplicate
 * keys; members it does not know are ignored (a newer firmware may send more). Anything else is a
 * {@link Malformed} naming the reason, never the payload.
 */
final class InboundMessages {
    static final int MAX_NAME = 64;
    static final int MAX_TEXT = 512;
    static final int MAX_ENTRIES = 256;

    /** Why a message cannot be read. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        final MqttMetrics.DropReason reason;

        Malformed(MqttMetrics.DropReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }

    /** A read message, ready to hand over. */
    @FunctionalInterface
    interface Call {
        void deliver(DeviceInbound inbound);
    }

    private final ObjectMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private final int maxPayload;

    InboundMessages(int maxPayload) {
        this.maxPayload = maxPayload;
    }

    Call read(String topic, byte[] payload, Instant receivedAt) throws Malformed {
        DeviceTopics.Parsed t = DeviceTopics.parse(topic)
                .orElseThrow(() -> new Malformed(MqttMetrics.DropReason.UNKNOWN_TOPIC, "not a device topic"));
        if (payload.length > maxPayload) {
            throw new Malformed(MqttMetrics.DropReason.OVERSIZED, "payload of " + payload.length + " bytes");
        }
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new Malformed(MqttMetrics.DropReason.BAD_JSON, "not JSON");
        } catch (IOException e) {
            throw new Malformed(MqttMetrics.DropReason.BAD_JSON, "unreadable");
        }
        if (root == null || !root.isObject()) {
            throw shape("not a JSON object");
        }
        switch (t.kind()) {
            case STATUS -> {
                JsonNode online = root.get("online");
                if (online == null || !online.isBoolean()) {
                    throw shape("online must be a boolean");
                }
                Optional<String> firmware = optionalText(root, "firmware", MAX_NAME);
                DeviceStatusReport r = new DeviceStatusReport(online.booleanValue(), firmware, receivedAt);
                return in -> in.status(t.tenant(), t.device(), r);
            }
            case TELEMETRY -> {
                TelemetryReport r = new TelemetryReport(numbers(root, "counters"), numbers(root, "temperatures"),
                        codes(root), receivedAt);
                return in -> in.telemetry(t.tenant(), t.device(), r);
            }
            case ACK -> {
                JsonNode status = root.get("status");
                if (status == null || !status.isTextual()) {
                    throw shape("status must be a string");
                }
                AckStatus s = AckStatus.fromWire(status.textValue()).orElseThrow(() -> shape("unknown ack status"));
                CommandAck a = new CommandAck(s, optionalText(root, "detail", MAX_TEXT), receivedAt);
                return in -> in.ack(t.tenant(), t.device(), t.command().orElseThrow(), a);
            }
            default -> throw new Malformed(MqttMetrics.DropReason.UNKNOWN_TOPIC, "commands flow to devices only");
        }
    }

    private static Malformed shape(String why) {
        return new Malformed(MqttMetrics.DropReason.BAD_SHAPE, why);
    }

    private static Optional<String> optionalText(JsonNode root, String field, int max) throws Malformed {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual() || n.textValue().length() > max) {
            throw shape(field + " must be a string of at most " + max + " characters");
        }
        return Optional.of(n.textValue());
    }

    private static Map<String, Double> numbers(JsonNode root, String field) throws Malformed {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return Map.of();
        }
        if (!n.isObject() || n.size() > MAX_ENTRIES) {
            throw shape(field + " must be an object of at most " + MAX_ENTRIES + " numbers");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().isEmpty() || e.getKey().length() > MAX_NAME) {
                throw shape(field + " names must be 1 to " + MAX_NAME + " characters");
            }
            JsonNode v = e.getValue();
            if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                throw shape(field + " values must be finite numbers");
            }
            out.put(e.getKey(), v.doubleValue());
        }
        return out;
    }

    private static List<String> codes(JsonNode root) throws Malformed {
        JsonNode n = root.get("errorCodes");
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray() || n.size() > MAX_ENTRIES) {
            throw shape("errorCodes must be an array of at most " + MAX_ENTRIES + " strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode c : n) {
            if (!c.isTextual() || c.textValue().isEmpty() || c.textValue().length() > MAX_NAME) {
                throw shape("errorCodes must be strings of 1 to " + MAX_NAME + " characters");
            }
            out.add(c.textValue());
        }
        return out;
    }
}

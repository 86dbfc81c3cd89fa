package com.qleven.adapters.mqtt;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the MQTT link counts, for the host to expose (Micrometer function counters read these): messages
 * handed to the platform, messages dropped as malformed by reason, handler failures (the platform threw:
 * the message is not acknowledged and comes back after a reconnect), publishes that failed. Thread-safe.
 */
public final class MqttMetrics {
    /** Why a message was dropped before reaching the platform. */
    public enum DropReason {
        UNKNOWN_TOPIC,
        OVERSIZED,
        BAD_JSON,
        BAD_SHAPE
    }

    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong handlerFailures = new AtomicLong();
    private final AtomicLong publishFailures = new AtomicLong();
    private final Map<DropReason, AtomicLong> dropped = new ConcurrentHashMap<>();

    public MqttMetrics() {
        for (DropReason r : DropReason.values()) {
            dropped.put(r, new AtomicLong());
        }
    }

    void handled() {
        handled.incrementAndGet();
    }

    void dropped(DropReason reason) {
        dropped.get(reason).incrementAndGet();
    }

    void handlerFailed() {
        handlerFailures.incrementAndGet();
    }

    void publishFailed() {
        publishFailures.incrementAndGet();
    }

    public long handledCount() {
        return handled.get();
    }

    public long droppedCount(DropReason reason) {
        return dropped.get(reason).get();
    }

    public long droppedCount() {
        return dropped.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long handlerFailureCount() {
        return handlerFailures.get();
    }

    public long publishFailureCount() {
        return publishFailures.get();
    }
}

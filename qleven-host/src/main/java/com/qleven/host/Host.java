package com.qleven.host;

import com.qleven.host.http.HttpServer;
import com.qleven.host.http.ManagementServer;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running host: its listeners and everything they use, stopped gracefully in one call. */
public final class Host implements AutoCloseable {
    /** How long requests in flight may finish after a stop is asked for. */
    public static final Duration DRAIN = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(Host.class);

    private final HostComponent component;
    private final HttpServer server;
    private final ManagementServer management;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Host(HostComponent component, HttpServer server, ManagementServer management) {
        this.component = component;
        this.server = server;
        this.management = management;
    }

    /** Opens the store (and the embedded database), starts the listeners and logs where they are. */
    public static Host start(HostComponent component) {
        try {
            HttpServer server = component.httpServer();
            ManagementServer management = component.managementServer();
            // Built before anything listens, so that a wrong QLEVEN_WAITLIST_SWEEP_EVERY or
            // QLEVEN_WHATSAPP_DISPATCH_EVERY or QLEVEN_WHATSAPP_WEBHOOK_EVERY or QLEVEN_DEVICE_DISPATCH_EVERY stops
            // the start.
            WaitlistSweepJob waitlistSweep = component.waitlistSweepJob();
            WhatsAppDispatchJob whatsAppDispatch = component.whatsAppDispatchJob();
            WhatsAppWebhookJob whatsAppWebhooks = component.whatsAppWebhookJob();
            DeviceDispatchJob deviceDispatch = component.deviceDispatchJob();
            MqttService mqtt = component.mqttService();
            component.privacyRequestMetrics().start();
            // Before anything listens: a taken QLEVEN_MQTT_PORT stops the start here.
            mqtt.startBroker();
            management.start();
            try {
                server.start();
            } catch (RuntimeException | Error e) {
                management.stop(Duration.ZERO);
                throw e;
            }
            component.auditWitnessJob().start();
            // Registered after the witness, so closed before it: the last seal precedes the last witness.
            component.auditSealJob().start();
            component.mailDispatcher().start();
            component.housekeepingJob().start();
            waitlistSweep.start();
            whatsAppDispatch.start();
            whatsAppWebhooks.start();
            deviceDispatch.start();
            // Last, after the HTTP listener and the jobs (the device command dispatcher among them).
            mqtt.startLink();
            Host host = new Host(component, server, management);
            LOG.info("Qleven host {} serving {}; data in {}; metrics and health on {}", Version.current(),
                    String.join(" and ", server.urls()), component.config().dataLocation(),
                    String.join(" and ", management.urls()));
            return host;
        } catch (RuntimeException | Error e) {
            component.resources().close();
            throw e;
        }
    }

    public HostComponent component() {
        return component;
    }

    /** The plain HTTP listener's port; empty when {@code QLEVEN_HTTP_PORT=off}. */
    public OptionalInt httpPort() {
        return server.plainPort();
    }

    /** The management listener's port ({@code /metrics}, {@code /health/*}). */
    public int managementPort() {
        return management.port();
    }

    public OptionalInt httpsPort() {
        return server.httpsPort();
    }

    public List<String> urls() {
        return server.urls();
    }

    /** Refuses new requests, drains those in flight for up to {@link #DRAIN}, then closes the store and database. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            awaitStopped();
            return;
        }
        try {
            if (!server.stop(DRAIN)) {
                LOG.warn("requests were still running after {} s; stopping anyway", DRAIN.toSeconds());
            }
            management.stop(Duration.ofSeconds(1));
        } finally {
            component.resources().close();
            LOG.info("Qleven host stopped");
            stopped.countDown();
        }
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitStopped() {
        boolean interrupted = false;
        while (true) {
            try {
                stopped.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

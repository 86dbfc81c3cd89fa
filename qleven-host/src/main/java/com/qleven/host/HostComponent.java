package com.qleven.host;

import com.qleven.adapters.crypto.MasterKeys;
import com.qleven.adapters.postgres.PostgresSettings;
import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.host.audit.AuditSealJob;
import com.qleven.host.audit.AuditWitnessJob;
import com.qleven.host.config.ConfigModule;
import com.qleven.host.config.Environment;
import com.qleven.host.config.HostConfig;
import com.qleven.host.http.HttpModule;
import com.qleven.host.http.HttpServer;
import com.qleven.host.http.Router;
import dagger.BindsInstance;
import dagger.Component;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * The composition root. Nothing is opened until it is asked for: {@link #postgresSettings()} alone
 * (for {@code migrate}) starts no pool and no listener.
 */
@Singleton
@Component(modules = {ConfigModule.class, CoreModule.class, PostgresModule.class, HttpModule.class, AuditModule.class,
        MailModule.class, MqttModule.class, DevicesModule.class})
public interface HostComponent {

    HostConfig config();

    /** Everything opened so far; close it when done, also after a failed start. */
    Resources resources();

    PostgresSettings postgresSettings();

    Qleven qleven();

    /** The master key ring, for the {@code keys} commands. */
    MasterKeys masterKeys();

    /** The store, for operations under the use cases (re-wrapping data keys). */
    QlevenStore store();

    /** Seals appended audit events into their chains while serving; started by {@link Host}. */
    AuditSealJob auditSealJob();

    /** Writes the audit heads outside the database while serving; started by {@link Host}. */
    AuditWitnessJob auditWitnessJob();

    MailDispatcher mailDispatcher();

    /** Purges the operational tables at their ages while serving; started by {@link Host}. */
    HousekeepingJob housekeepingJob();

    /** Passes on lapsed waitlist offers while serving; started by {@link Host}. */
    WaitlistSweepJob waitlistSweepJob();

    /** Sends the WhatsApp outbox's due messages while serving; started by {@link Host}. */
    WhatsAppDispatchJob whatsAppDispatchJob();
    /** Processes kept WhatsApp webhook events while serving; started by {@link Host}. */
    WhatsAppWebhookJob whatsAppWebhookJob();

    /** Publishes the device command outbox's due commands while serving; started by {@link Host}. */
    DeviceDispatchJob deviceDispatchJob();

    /** The embedded MQTT broker and the link to the machines; started by {@link Host}. */
    MqttService mqttService();

    Router router();

    HttpServer httpServer();

    /** {@code /metrics} and {@code /health/*} off the public port; started by {@link Host}. */
    com.qleven.host.http.ManagementServer managementServer();

    /** The privacy deadline gauges, counted in the background; started by {@link Host}. */
    com.qleven.host.privacy.PrivacyRequestMetrics privacyRequestMetrics();

    static Builder builder() {
        return DaggerHostComponent.builder();
    }

    @Component.Builder
    interface Builder {
        @BindsInstance
        Builder environment(Environment environment);

        @BindsInstance
        Builder clock(Clock clock);

        @BindsInstance
        Builder policies(CorePolicies policies);

        HostComponent build();
    }
}

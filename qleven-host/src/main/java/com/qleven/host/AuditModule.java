package com.qleven.host;

import com.qleven.adapters.crypto.FileAuditHeadWitness;
import com.qleven.application.Qleven;
import com.qleven.host.audit.AuditSealJob;
import com.qleven.host.audit.AuditSettings;
import com.qleven.host.audit.AuditWitnessJob;
import com.qleven.host.audit.MeteredSecurityAlerts;
import com.qleven.host.config.Environment;
import com.qleven.host.config.HostConfig;
import com.qleven.ports.audit.out.AuditHeadWitness;
import com.qleven.ports.audit.out.SecurityAlerts;
import dagger.Module;
import dagger.Provides;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * The audit trail's parts that live in the host: the sealer's schedule, the head witness file and
 * its schedule, and the alerts.
 */
@Module
public final class AuditModule {
    /** The witness file's name in the data directory, beside the master key. */
    public static final String WITNESS_FILE = "audit-heads";

    private AuditModule() {
    }

    @Provides
    @Singleton
    static AuditSettings auditSettings(Environment environment) {
        return AuditSettings.fromEnvironment(environment.variables());
    }

    @Provides
    @Singleton
    static AuditHeadWitness auditHeadWitness(HostConfig config, Clock clock) {
        Path dir = DataDirectory.ensure(config.dataDir());
        return new FileAuditHeadWitness(dir.resolve(WITNESS_FILE), clock);
    }

    @Provides
    @Singleton
    static SecurityAlerts securityAlerts(PrometheusMeterRegistry registry) {
        return new MeteredSecurityAlerts(registry);
    }

    @Provides
    @Singleton
    static AuditSealJob auditSealJob(Qleven qleven, AuditSettings settings, Resources resources) {
        return resources.register("audit sealer", new AuditSealJob(qleven, settings.sealEvery()));
    }

    @Provides
    @Singleton
    static AuditWitnessJob auditWitnessJob(Qleven qleven, AuditSettings settings, Resources resources) {
        return resources.register("audit head witness", new AuditWitnessJob(qleven, settings.witnessEvery()));
    }
}

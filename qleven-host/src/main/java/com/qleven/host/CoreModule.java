package com.qleven.host;

import com.qleven.adapters.crypto.AesGcmFieldCipher;
import com.qleven.adapters.crypto.Argon2idPasswordHasher;
import com.qleven.adapters.crypto.HmacChainSigner;
import com.qleven.adapters.crypto.MasterKeys;
import com.qleven.adapters.phone.LibphonenumberPhoneNumbers;
import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.host.audit.AuditSettings;
import com.qleven.host.config.ConfigException;
import com.qleven.host.config.HostConfig;
import com.qleven.ports.audit.out.AuditHeadWitness;
import com.qleven.ports.audit.out.ChainSigner;
import com.qleven.ports.audit.out.SecurityAlerts;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.shared.out.PhoneNumbers;
import dagger.Module;
import dagger.Provides;
import java.io.UncheckedIOException;
import java.time.Clock;
import javax.inject.Singleton;

/**
 * The core, wired with {@link Qleven#builder()} exactly as an embedder wires it, so the HTTP API
 * and an embedding partner get the same rules.
 */
@Module
public final class CoreModule {
    private CoreModule() {
    }

    @Provides
    @Singleton
    static MasterKeys masterKeys(HostConfig config) {
        if (config.masterKeyFile().isPresent()) {
            // A configured key file that is missing must stop the host: a new key would make the
            // existing data unreadable.
            try {
                return MasterKeys.load(config.masterKeyFile().get());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(HostConfig.MASTER_KEY_FILE + ": " + e.getMessage());
            }
        }
        DataDirectory.ensure(config.dataDir());
        try {
            return MasterKeys.loadOrCreate(config.masterKeyPath());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ConfigException(HostConfig.DATA_DIR + ": the master key file " + config.masterKeyPath()
                    + " cannot be used: " + e.getMessage());
        }
    }

    @Provides
    @Singleton
    static FieldCipher cipher(MasterKeys keys, QlevenStore store, Clock clock) {
        return new AesGcmFieldCipher(keys, store.shared().dataKeys(), store.shared().transactions(), clock);
    }

    @Provides
    @Singleton
    static HousekeepingJob housekeepingJob(Qleven qleven, Resources resources) {
        return resources.register("housekeeping", new HousekeepingJob(qleven.platform()::purgeOperationalRecords));
    }

    @Provides
    @Singleton
    static WaitlistSweepJob waitlistSweepJob(Qleven qleven, com.qleven.host.config.Environment environment,
                                             Resources resources) {
        return resources.register("waitlist sweep",
                new WaitlistSweepJob(qleven, WaitlistSweepJob.every(environment.variables())));
    }

    @Provides
    @Singleton
    static WhatsAppDispatchJob whatsAppDispatchJob(Qleven qleven, com.qleven.host.config.Environment environment,
                                                   Resources resources) {
        return resources.register("whatsapp dispatch",
                new WhatsAppDispatchJob(qleven, WhatsAppDispatchJob.every(environment.variables())));
    }

    @Provides
    @Singleton
    static WhatsAppWebhookJob whatsAppWebhookJob(Qleven qleven, Clock clock,
                                                 com.qleven.host.config.Environment environment, Resources resources) {
        return resources.register("whatsapp webhooks",
                new WhatsAppWebhookJob(qleven, clock, WhatsAppWebhookJob.every(environment.variables())));
    }

    @Provides
    @Singleton
    static ChainSigner chainSigner(MasterKeys keys) {
        return new HmacChainSigner(keys);
    }

    @Provides
    @Singleton
    static PhoneNumbers phoneNumbers() {
        return new LibphonenumberPhoneNumbers();
    }

    @Provides
    @Singleton
    static PasswordHasher passwordHasher(HostConfig config) {
        return new Argon2idPasswordHasher(config.argon2());
    }

    @Provides
    @Singleton
    static Qleven qleven(QlevenStore store, FieldCipher cipher, PasswordHasher hasher, ChainSigner chainSigner,
                         PhoneNumbers phoneNumbers, Clock clock, CorePolicies policies, AuditHeadWitness witness,
                         SecurityAlerts alerts, AuditSettings audit, com.qleven.ports.shared.out.Mailer mailer,
                         HostConfig config, java.util.Optional<com.qleven.adapters.mqtt.PahoDeviceLink> deviceLink,
                         com.qleven.ports.devices.out.BrokerProvisioning brokerProvisioning) {
        Qleven.Builder builder = Qleven.builder();
        deviceLink.ifPresent(builder::deviceLink);
        return builder
                .store(store)
                .cipher(cipher)
                .passwordHasher(hasher)
                .chainSigner(chainSigner)
                .phoneNumbers(phoneNumbers)
                .clock(clock)
                .signInThrottle(policies.signInThrottle())
                .sessionPolicy(policies.sessionPolicy())
                .signupsPerAddressPerHour(policies.signupsPerAddressPerHour())
                .publicBookingLimits(policies.publicBookings())
                .accountLifecycle(com.qleven.domain.tenancy.AccountLifecyclePolicy.DEFAULT
                        .withMailsPerCenterPerHour(policies.centerMailsPerHour()))
                .auditHeadWitness(witness)
                .securityAlerts(alerts)
                .clientReadBurst(audit.clientReads())
                .failedSignInBurst(audit.failedSignIns())
                .mailer(mailer)
                .calendarRenderer(new com.qleven.adapters.ical.Ical4jCalendarRenderer())
                .invoiceRenderer(new com.qleven.adapters.pdf.OpenPdfInvoiceRenderer(clock))
                .publicUrl(config.mail().publicUrl())
                .whatsAppGateway(com.qleven.adapters.whatsapp.CloudApiWhatsAppGateway.create(
                        config.whatsApp().graphUrl(), config.whatsApp().apiVersion(),
                        config.whatsApp().appId().orElse(""), config.whatsApp().appSecret().orElse("")))
                .whatsAppSignupConfigured(config.whatsApp().appId().isPresent()
                        && config.whatsApp().appSecret().isPresent())
                .webhookParser(new com.qleven.adapters.whatsapp.JacksonWebhookParser())
                .brokerProvisioning(brokerProvisioning)
                .build();
    }
}

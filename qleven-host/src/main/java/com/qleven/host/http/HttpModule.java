package com.qleven.host.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.qleven.application.Qleven;
import com.qleven.host.CorePolicies;
import com.qleven.host.Resources;
import com.qleven.host.config.HostConfig;
import com.qleven.host.http.audit.AuditEndpoints;
import com.qleven.host.http.clients.ClientEndpoints;
import com.qleven.host.http.tenancy.LifecycleEndpoints;
import com.qleven.host.http.tenancy.TenancyEndpoints;
import com.qleven.host.privacy.PrivacyRequestMetrics;
import dagger.Module;
import dagger.Provides;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Singleton;
import javax.net.ssl.SSLContext;

/** The HTTP API: JSON, metrics, the route table and the Undertow listeners. */
@Module
public final class HttpModule {
    private HttpModule() {
    }

    /**
     * The routes that do not run in one unit of work with their authentication: those that need no
     * session, those that hash a password (which happens outside any transaction) and one's own
     * memberships, which act in or read other centers than the one signed in to.
     */
    static final java.util.Set<String> SEPARATE_UNITS = java.util.Set.of(
            "POST /v1/signup", "POST /v1/auth/login", "POST /v1/invitations/accept", "POST /v1/memberships/accept",
            "POST /v1/auth/password-reset", "POST /v1/auth/password-reset/confirm",
            "GET /health/live", "GET /health/ready", "GET /openapi.json",
            "POST /v1/users", "POST /v1/auth/password",
            "GET /v1/me/memberships", "GET /v1/me/memberships/{id}", "POST /v1/me/memberships/{id}/accept",
            "POST /v1/me/memberships/{id}/decline", "GET /v1/calendar/{feed}",
            // Online booking: no session; each use case opens the one unit it needs.
            "GET /v1/public/centers/{slug}/services", "GET /v1/public/centers/{slug}/availability",
            "POST /v1/public/centers/{slug}/bookings", "GET /v1/public/bookings/{token}",
            "POST /v1/public/bookings/{token}/confirm", "POST /v1/public/bookings/{token}/cancel",
            "POST /v1/public/bookings/{token}/reschedule",
            // WhatsApp: these call Meta, which must never happen while a unit of work holds a connection.
            "POST " + com.qleven.host.http.messaging.WhatsAppAccountEndpoints.SIGNUP,
            "POST " + com.qleven.host.http.messaging.TemplateEndpoints.SYNC,
            "POST " + com.qleven.host.http.messaging.TemplateEndpoints.TEMPLATES,
            // Meta's webhook: the signature is the credential; receiving opens the one unit that stores it.
            "GET /webhooks/whatsapp", "POST /webhooks/whatsapp");

    @Provides
    @Singleton
    static ObjectMapper objectMapper() {
        return Json.mapper();
    }

    @Provides
    @Singleton
    static PrometheusMeterRegistry meterRegistry(Resources resources) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        resources.register("JVM GC metrics", new JvmGcMetrics()).bindTo(registry);
        resources.register("meter registry", registry::close);
        return registry;
    }

    @Provides
    @Singleton
    static HttpMetrics httpMetrics(PrometheusMeterRegistry registry) {
        return new HttpMetrics(registry);
    }

    @Provides
    @Singleton
    static LifecycleEndpoints lifecycleEndpoints(Qleven qleven) {
        return new LifecycleEndpoints(qleven);
    }

    @Provides
    @Singleton
    static TenancyEndpoints tenancyEndpoints(Qleven qleven, HttpMetrics metrics, CorePolicies policies) {
        return new TenancyEndpoints(qleven, metrics, policies.sessionPolicy().absolute());
    }

    @Provides
    @Singleton
    static ClientEndpoints clientEndpoints(Qleven qleven) {
        return new ClientEndpoints(qleven);
    }

    @Provides
    @Singleton
    static com.qleven.host.http.consent.ConsentEndpoints consentEndpoints(Qleven qleven) {
        return new com.qleven.host.http.consent.ConsentEndpoints(qleven);
    }

    @Provides
    @Singleton
    static AuditEndpoints auditEndpoints(Qleven qleven) {
        return new AuditEndpoints(qleven);
    }

    @Provides
    @Singleton
    static com.qleven.host.http.privacy.IncidentEndpoints incidentEndpoints(Qleven qleven) {
        return new com.qleven.host.http.privacy.IncidentEndpoints(qleven);
    }

    @Provides
    @Singleton
    static com.qleven.host.http.privacy.PrivacyRequestEndpoints privacyRequestEndpoints(Qleven qleven) {
        return new com.qleven.host.http.privacy.PrivacyRequestEndpoints(qleven);
    }

    @Provides
    @Singleton
    static com.qleven.host.http.scheduling.SchedulingEndpoints schedulingEndpoints(Qleven qleven) {
        return new com.qleven.host.http.scheduling.SchedulingEndpoints(qleven);
    }

    @Provides
    @Singleton
    static com.qleven.host.http.billing.BillingEndpoints billingEndpoints(Qleven qleven) {
        return new com.qleven.host.http.billing.BillingEndpoints(qleven);
    }

    @Provides
    @Singleton
    static com.qleven.host.http.messaging.WhatsAppAccountEndpoints whatsAppAccountEndpoints(Qleven qleven) {
        return new com.qleven.host.http.messaging.WhatsAppAccountEndpoints(qleven);
    }

    @Provides
    @Singleton
    static com.qleven.host.http.messaging.TemplateEndpoints templateEndpoints(Qleven qleven) {
        return new com.qleven.host.http.messaging.TemplateEndpoints(qleven);
    }

    @Provides
    @Singleton
    static com.qleven.host.http.whatsapp.WhatsAppWebhookEndpoints whatsAppWebhookEndpoints(Qleven qleven,
                                                                                         HostConfig config) {
        return new com.qleven.host.http.whatsapp.WhatsAppWebhookEndpoints(qleven, config.whatsApp());
    }

    @Provides
    @Singleton
    static com.qleven.host.http.scheduling.CalendarFeedEndpoints calendarFeedEndpoints(Qleven qleven) {
        return new com.qleven.host.http.scheduling.CalendarFeedEndpoints(qleven);
    }

    /** The deadline gauges, counted in the background; {@link com.qleven.host.Host} starts them. */
    @Provides
    @Singleton
    static PrivacyRequestMetrics privacyRequestMetrics(Qleven qleven, PrometheusMeterRegistry registry,
                                                       Resources resources) {
        return resources.register("privacy request gauges",
                PrivacyRequestMetrics.register(registry, qleven.privacy()::countDeadlines));
    }

    @Provides
    @Singleton
    static com.qleven.host.http.scheduling.AppointmentEndpoints appointmentEndpoints(Qleven qleven) {
        return new com.qleven.host.http.scheduling.AppointmentEndpoints(qleven);
    }

    @Provides
    @Singleton
    static com.qleven.host.http.scheduling.PublicBookingEndpoints publicBookingEndpoints(Qleven qleven) {
        return new com.qleven.host.http.scheduling.PublicBookingEndpoints(qleven);
    }

    @Provides
    @Singleton
    static com.qleven.host.http.messaging.MessagingSettingsEndpoints messagingSettingsEndpoints(Qleven qleven) {
        return new com.qleven.host.http.messaging.MessagingSettingsEndpoints(qleven);
    }

    @Provides
    @Singleton
    static com.qleven.host.http.messaging.MessageEndpoints messageEndpoints(Qleven qleven) {
        return new com.qleven.host.http.messaging.MessageEndpoints(qleven);
    }

    @Provides
    @Singleton
    static com.qleven.host.http.messaging.CampaignEndpoints campaignEndpoints(Qleven qleven) {
        return new com.qleven.host.http.messaging.CampaignEndpoints(qleven);
    }

    @Provides
    @Singleton
    static com.qleven.host.http.messaging.ConversationEndpoints conversationEndpoints(Qleven qleven) {
        return new com.qleven.host.http.messaging.ConversationEndpoints(qleven);
    }

    @Provides
    @Singleton
    static com.qleven.host.http.devices.DeviceEndpoints deviceEndpoints(Qleven qleven) {
        return new com.qleven.host.http.devices.DeviceEndpoints(qleven);
    }

    @Provides
    @Singleton
    static com.qleven.host.http.devices.DeviceCommandEndpoints deviceCommandEndpoints(Qleven qleven) {
        return new com.qleven.host.http.devices.DeviceCommandEndpoints(qleven);
    }

    @Provides
    @Singleton
    static OpsEndpoints opsEndpoints(Readiness readiness, PrometheusMeterRegistry registry) {
        return new OpsEndpoints(readiness, registry);
    }

    /** The one route table: every route the host serves, and nothing else. */
    @Provides
    @Singleton
    static Router router(TenancyEndpoints tenancy, ClientEndpoints clients, AuditEndpoints audit, OpsEndpoints ops,
                         LifecycleEndpoints lifecycle,
                         com.qleven.host.http.consent.ConsentEndpoints consents,
                         com.qleven.host.http.privacy.IncidentEndpoints incidents,
                         com.qleven.host.http.privacy.PrivacyRequestEndpoints privacyRequests,
                         com.qleven.host.http.scheduling.AppointmentEndpoints appointments,
                         com.qleven.host.http.scheduling.SchedulingEndpoints scheduling,
                         com.qleven.host.http.billing.BillingEndpoints billing,
                         com.qleven.host.http.messaging.WhatsAppAccountEndpoints whatsAppAccount,
                         com.qleven.host.http.messaging.TemplateEndpoints templates,
                         com.qleven.host.http.scheduling.PublicBookingEndpoints publicBooking,
                         com.qleven.host.http.scheduling.CalendarFeedEndpoints calendarFeeds,
                         com.qleven.host.http.messaging.MessagingSettingsEndpoints messagingSettings,
                         com.qleven.host.http.messaging.MessageEndpoints messages,
                         com.qleven.host.http.messaging.CampaignEndpoints campaigns,
                         com.qleven.host.http.messaging.ConversationEndpoints conversations,
                         com.qleven.host.http.whatsapp.WhatsAppWebhookEndpoints whatsAppWebhooks,
                         com.qleven.host.http.devices.DeviceEndpoints devices,
                         com.qleven.host.http.devices.DeviceCommandEndpoints deviceCommands) {
        List<Route> routes = new ArrayList<>();
        routes.addAll(tenancy.routes());
        routes.addAll(lifecycle.routes());
        routes.addAll(clients.routes());
        routes.addAll(consents.routes());
        routes.addAll(audit.routes());
        routes.addAll(incidents.routes());
        routes.addAll(privacyRequests.routes());
        routes.addAll(appointments.routes());
        routes.addAll(scheduling.routes());
        routes.addAll(billing.routes());
        routes.addAll(whatsAppAccount.routes());
        routes.addAll(templates.routes());
        routes.addAll(publicBooking.routes());
        routes.addAll(calendarFeeds.routes());
        routes.addAll(messagingSettings.routes());
        routes.addAll(messages.routes());
        routes.addAll(campaigns.routes());
        routes.addAll(conversations.routes());
        routes.addAll(whatsAppWebhooks.routes());
        routes.addAll(devices.routes());
        routes.addAll(deviceCommands.routes());
        routes.addAll(ops.routes());
        return new Router(routes);
    }

    @Provides
    @Singleton
    static HttpServer httpServer(HostConfig config, Optional<SSLContext> tls, Router router, ObjectMapper mapper,
                                 HttpMetrics metrics, Qleven qleven) {
        ApiHandler handler = new ApiHandler(router.withCore(qleven, mapper)
                .withOneUnitPerRequest(qleven.tenancy().authenticator(), SEPARATE_UNITS), mapper,
                        new Cors(config.corsOrigins()), metrics,
                config.trustedCountryHeader(), config.trustedProxies());
        return new HttpServer(config.bind(), config.plainHttpPort(), tls,
                config.tls().map(HostConfig.Tls::httpsPort).orElse(0), handler, 0, 0);
    }

    /** Metrics and health on their own listener, off the public port. */
    @Provides
    @Singleton
    static ManagementServer managementServer(HostConfig config, OpsEndpoints ops, ObjectMapper mapper,
                                             HttpMetrics metrics) {
        return new ManagementServer(config.managementBind(), config.managementPort(),
                new Router(ops.managementRoutes()), mapper, metrics);
    }
}

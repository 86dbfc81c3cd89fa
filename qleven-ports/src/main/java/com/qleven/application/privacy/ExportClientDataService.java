package com.qleven.application.privacy;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.privacy.in.ExportClientData;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the export from every registered section in one unit of work of the client's center, so
 * the sections agree with each other, and audits it as a read of the client.
 */
public final class ExportClientDataService implements ExportClientData {
    /**
     * What Art. 15(1) asks beyond the data itself, as the privacy policy states it (sections 5, 7,
     * 8 and 10): the center is the controller and the platform its processor.
     */
    private static final Map<String, Object> PROCESSING = Map.of(
            "controller", "the center named by centerId",
            "processor", "Qleven, the platform operating on the center's behalf",
            "source", "recorded by the center's staff, or by the client through the center's channels",
            "purposes", List.of("appointments", "whatsapp_confirmations_and_reminders", "marketing_with_consent",
                    "billing_and_packages", "analytics", "security"),
            "recipients", List.of("Meta (WhatsApp Business Platform): message content, recipient phone, delivery"
                    + " metadata, only with consent"),
            "retention", Map.of("accountData", "P3Y after the service ends", "whatsappMessages", "P90D",
                    "usageLogs", "P12M", "financialRecords", "P10Y"));

    private final Transactions transactions;
    private final Clients clients;
    private final PrivacyRegistry registry;
    private final AuditTrail audit;
    private final Clock clock;

    public ExportClientDataService(Transactions transactions, Clients clients, PrivacyRegistry registry,
                                   AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.clients = clients;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> export(Principal principal, ClientId client) {
        Required.field(client, "client");
        Permissions.require(principal, Permission.HANDLE_PRIVACY_REQUESTS);
        TenantId tenant = principal.requireTenant();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return transactions.inTenant(tenant, () -> {
            if (clients.byId(tenant, client).isEmpty()) {
                throw new NotFoundException("client");
            }
            // Recorded first, so the export's own access log shows this export.
            audit.record(AuditEvent.by(principal, "client.export", "client", Optional.of(client.value()),
                    PrivacyRequestAccess.PURPOSE, 1, now));
            Map<String, Object> sections = new LinkedHashMap<>();
            registry.exporters().forEach((section, exporter) -> sections.put(section, exporter.export(tenant, client)));
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("schema", SCHEMA);
            document.put("version", VERSION);
            document.put("exportedAt", now.toString());
            document.put("centerId", tenant.toString());
            document.put("clientId", client.toString());
            document.put("processing", PROCESSING);
            document.put("sections", sections);
            return document;
        });
    }
}

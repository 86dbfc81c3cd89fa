package com.qleven.adapters.memory;

import com.qleven.application.QlevenStore;
import com.qleven.ports.audit.out.AuditLog;
import com.qleven.ports.audit.out.AuditStore;
import com.qleven.ports.billing.out.BillingStore;
import com.qleven.ports.devices.out.DeviceCommands;
import com.qleven.ports.devices.out.DeviceMaintenanceRules;
import com.qleven.ports.devices.out.DeviceTelemetryLog;
import com.qleven.ports.devices.out.DeviceWorkStore;
import com.qleven.ports.devices.out.TreatmentSessions;
import com.qleven.ports.devices.out.Devices;
import com.qleven.ports.devices.out.DevicesStore;
import com.qleven.ports.messaging.out.Campaigns;
import com.qleven.ports.messaging.out.DeliveryReports;
import com.qleven.ports.messaging.out.InboundMessages;
import com.qleven.ports.messaging.out.WhatsAppContacts;
import com.qleven.ports.messaging.out.MessagingCenters;
import com.qleven.ports.messaging.out.MessagingStore;
import com.qleven.ports.messaging.out.Outbox;
import com.qleven.ports.messaging.out.SendBudgets;
import com.qleven.ports.messaging.out.WebhookInbox;
import com.qleven.ports.messaging.out.WhatsAppAccounts;
import com.qleven.ports.messaging.out.WhatsAppTemplates;
import com.qleven.ports.billing.out.BillingCenters;
import com.qleven.ports.billing.out.InvoiceSeries;
import com.qleven.ports.billing.out.Invoices;
import com.qleven.ports.billing.out.Payments;
import com.qleven.ports.billing.out.Packages;
import com.qleven.ports.billing.out.TaxRates;
import com.qleven.ports.clients.out.ClientDuplicates;
import com.qleven.ports.clients.out.ClientRestrictions;
import com.qleven.ports.clients.out.ClientStore;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.consent.out.ConsentLedger;
import com.qleven.ports.consent.out.ConsentNotices;
import com.qleven.ports.consent.out.ConsentPurposes;
import com.qleven.ports.consent.out.ConsentStore;
import com.qleven.ports.privacy.out.CenterNotifications;
import com.qleven.ports.privacy.out.Incidents;
import com.qleven.ports.privacy.out.PolicyVersions;
import com.qleven.ports.privacy.out.PrivacyRequests;
import com.qleven.ports.privacy.out.PrivacyStore;
import com.qleven.ports.privacy.out.Subprocessors;
import com.qleven.ports.privacy.out.Suppressions;
import com.qleven.ports.scheduling.out.Appointments;
import com.qleven.ports.scheduling.out.CalendarFeeds;
import com.qleven.ports.scheduling.out.Catalogue;
import com.qleven.ports.scheduling.out.ManageLinks;
import com.qleven.ports.scheduling.out.SchedulingSettingsRepository;
import com.qleven.ports.scheduling.out.SchedulingStore;
import com.qleven.ports.scheduling.out.StaffSchedules;
import com.qleven.ports.scheduling.out.WaitlistEntries;
import com.qleven.ports.scheduling.out.WaitlistOffersDue;
import com.qleven.ports.shared.out.DataKeys;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.IdempotencyRecords;
import com.qleven.ports.shared.out.MailOutbox;
import com.qleven.ports.shared.out.OperationalRecords;
import com.qleven.ports.shared.out.RateLimits;
import com.qleven.ports.shared.out.SharedStore;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.out.AccountTokens;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.Centers;
import com.qleven.ports.tenancy.out.Invitations;
import com.qleven.ports.tenancy.out.Memberships;
import com.qleven.ports.tenancy.out.SessionGate;
import com.qleven.ports.tenancy.out.Sessions;
import com.qleven.ports.tenancy.out.TenancyStore;
import java.util.UUID;

/**
 * Every out-port in memory: for embedding without a database, for examples and for fast tests of the
 * use cases. Behaves as the PostgreSQL store does (the same contract suites run against both),
 * including atomic units of work and per-center visibility. Nothing survives the JVM. It only
 * composes the repositories, one class each, over one {@link InMemoryTransactions}.
 */
public final class InMemoryStore implements QlevenStore {
    private final SharedStore shared;
    private final TenancyStore tenancy;
    private final ClientStore clients;
    private final ConsentStore consent;
    private final PrivacyStore privacy;
    private final AuditStore audit;
    private final SchedulingStore scheduling;
    private final BillingStore billing;
    private final MessagingStore messaging;
    private final DeviceWorkStore deviceWork;
    private final DevicesStore devices;

    public InMemoryStore() {
        InMemoryTransactions tx = new InMemoryTransactions();
        InMemoryCenters centers = new InMemoryCenters(tx);
        InMemoryMemberships memberships = new InMemoryMemberships(tx, centers);
        InMemoryDirectory directory = new InMemoryDirectory(tx, centers, memberships);
        InMemorySessions sessions = new InMemorySessions(tx);
        InMemoryAccountTokens accountTokens = new InMemoryAccountTokens(tx);
        InMemoryClients clientRecords = new InMemoryClients(tx);
        shared = new Shared(tx, directory, new InMemoryRateLimits(tx), new InMemoryDataKeys(tx),
                new InMemoryIdempotencyRecords(tx),
                new InMemoryOperationalRecords(tx, directory, sessions, accountTokens), new InMemoryMailOutbox(tx));
        tenancy = new Tenancy(centers, new InMemoryAccounts(tx), memberships,
                new InMemoryInvitations(tx), accountTokens, sessions,
                SessionGate.composed(tx, directory, sessions, memberships));
        clients = new ClientGroup(clientRecords, new InMemoryClientRestrictions(tx, clientRecords),
                new InMemoryClientDuplicates(tx));
        consent = new Consent(new InMemoryConsentLedger(tx, clientRecords), new InMemoryConsentPurposes(tx),
                new InMemoryConsentNotices(tx));
        privacy = new Privacy(new InMemoryIncidents(tx), new InMemoryCenterNotifications(tx),
                new InMemorySubprocessors(tx), new InMemoryPrivacyRequests(tx), new InMemorySuppressions(tx),
                new InMemoryPolicyVersions(tx));
        audit = new Audit(new InMemoryAuditLog(tx));
        InMemoryWaitlistEntries waitlist = new InMemoryWaitlistEntries(tx);
        InMemoryCatalogue catalogue = new InMemoryCatalogue(tx);
        InMemorySchedulingSettings schedulingSettings = new InMemorySchedulingSettings(tx, centers, catalogue);
        scheduling = new Scheduling(schedulingSettings, catalogue,
                new InMemoryStaffSchedules(tx, memberships), new InMemoryAppointments(tx), waitlist,
                new InMemoryWaitlistOffersDue(tx, waitlist), new InMemoryCalendarFeeds(tx), new InMemoryManageLinks(tx));
        InMemoryInvoiceSeries invoiceSeries = new InMemoryInvoiceSeries(tx);
        InMemoryInvoices invoices = new InMemoryInvoices(tx, invoiceSeries);
        billing = new Billing(new InMemoryTaxRates(tx), invoiceSeries, invoices,
                new InMemoryBillingCenters(tx, centers, schedulingSettings), new InMemoryPayments(tx, invoices),
                new InMemoryPackages(tx));
        InMemoryOutbox outbox = new InMemoryOutbox(tx);
        InMemoryInboundMessages inbound = new InMemoryInboundMessages(tx, outbox);
        messaging = new Messaging(new InMemoryWhatsAppAccounts(tx), new InMemoryWhatsAppTemplates(tx),
                outbox, new InMemorySendBudgets(tx), new InMemoryWebhookInbox(tx),
                new InMemoryMessagingCenters(tx), new InMemoryDeliveryReports(tx),
                new InMemoryWhatsAppContacts(tx, inbound), inbound, new InMemoryCampaigns(tx, outbox, inbound));
        deviceWork = new DeviceWork(new InMemoryDeviceCommands(tx), new InMemoryDeviceTelemetryLog(tx),
                new InMemoryDeviceMaintenanceRules(tx), new InMemoryTreatmentSessions(tx));
        devices = new DevicesGroup(new InMemoryDevices(tx));
    }

    /** PostgreSQL orders uuids by their bytes, unsigned; {@link UUID#compareTo} compares signed longs. */
    static int compareAsPostgres(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    @Override
    public SharedStore shared() {
        return shared;
    }

    @Override
    public TenancyStore tenancy() {
        return tenancy;
    }

    @Override
    public ClientStore clients() {
        return clients;
    }

    @Override
    public ConsentStore consent() {
        return consent;
    }

    @Override
    public PrivacyStore privacy() {
        return privacy;
    }

    @Override
    public AuditStore audit() {
        return audit;
    }

    @Override
    public SchedulingStore scheduling() {
        return scheduling;
    }

    @Override
    public BillingStore billing() {
        return billing;
    }

    @Override
    public MessagingStore messaging() {
        return messaging;
    }

    @Override
    public DeviceWorkStore deviceWork() {
        return deviceWork;
    }

    @Override
    public DevicesStore devices() {
        return devices;
    }

    private record Shared(Transactions transactions, Directory directory, RateLimits rateLimits, DataKeys dataKeys,
                          IdempotencyRecords idempotencyRecords, OperationalRecords operationalRecords,
                          MailOutbox mailOutbox) implements SharedStore {
    }

    private record Tenancy(Centers centers, Accounts accounts, Memberships memberships, Invitations invitations,
                           AccountTokens accountTokens, Sessions sessions, SessionGate sessionGate)
            implements TenancyStore {
    }

    private record ClientGroup(Clients clients, ClientRestrictions clientRestrictions,
                               ClientDuplicates clientDuplicates) implements ClientStore {
    }

    private record Consent(ConsentLedger consentLedger, ConsentPurposes consentPurposes,
                           ConsentNotices consentNotices) implements ConsentStore {
    }

    private record Privacy(Incidents incidents, CenterNotifications centerNotifications, Subprocessors subprocessors,
                           PrivacyRequests privacyRequests, Suppressions suppressions, PolicyVersions policyVersions)
            implements PrivacyStore {
    }

    private record Audit(AuditLog auditLog) implements AuditStore {
    }

    private record Scheduling(SchedulingSettingsRepository settings, Catalogue catalogue,
                              StaffSchedules staffSchedules, Appointments appointments, WaitlistEntries waitlist,
                              WaitlistOffersDue waitlistOffersDue, CalendarFeeds calendarFeeds,
                              ManageLinks manageLinks) implements SchedulingStore {
    }

    private record Billing(TaxRates taxRates, InvoiceSeries invoiceSeries, Invoices invoices, BillingCenters centers,
                           Payments payments, Packages packages) implements BillingStore {
    }

    private record Messaging(WhatsAppAccounts accounts, WhatsAppTemplates templates, Outbox outbox,
                             SendBudgets sendBudgets, WebhookInbox webhookInbox, MessagingCenters centers,
                             DeliveryReports deliveryReports, WhatsAppContacts contacts,
                             InboundMessages inbound, Campaigns campaigns) implements MessagingStore {
    }

    private record DeviceWork(DeviceCommands commands, DeviceTelemetryLog telemetry,
                              DeviceMaintenanceRules maintenanceRules, TreatmentSessions sessions)
            implements DeviceWorkStore {
    }

    private record DevicesGroup(Devices devices) implements DevicesStore {
    }
}

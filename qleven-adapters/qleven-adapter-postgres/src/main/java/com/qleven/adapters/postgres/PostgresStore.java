package com.qleven.adapters.postgres;

import com.qleven.adapters.postgres.audit.AuditRepositories;
import com.qleven.adapters.postgres.billing.BillingRepositories;
import com.qleven.adapters.postgres.devices.DevicesRepositories;
import com.qleven.adapters.postgres.messaging.MessagingRepositories;
import com.qleven.ports.devices.out.DevicesStore;
import com.qleven.ports.messaging.out.MessagingStore;
import com.qleven.adapters.postgres.clients.ClientsRepositories;
import com.qleven.adapters.postgres.consent.ConsentRepositories;
import com.qleven.adapters.postgres.privacy.IncidentRepositories;
import com.qleven.adapters.postgres.privacy.PrivacyRequestRepositories;
import com.qleven.adapters.postgres.scheduling.SchedulingRepositories;
import com.qleven.adapters.postgres.shared.MailRepositories;
import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.SharedRepositories;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.adapters.postgres.shared.SqlFailures;
import com.qleven.adapters.postgres.tenancy.AccountLifecycleRepositories;
import com.qleven.adapters.postgres.tenancy.TenancyRepositories;
import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.InfrastructureException;
import com.qleven.ports.audit.out.AuditLog;
import com.qleven.ports.audit.out.AuditStore;
import com.qleven.ports.billing.out.BillingCenters;
import com.qleven.ports.billing.out.BillingStore;
import com.qleven.ports.billing.out.Invoices;
import com.qleven.ports.billing.out.Payments;
import com.qleven.ports.billing.out.Packages;
import com.qleven.ports.billing.out.InvoiceSeries;
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
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The PostgreSQL store: every out-port of {@link QlevenStore} over one connection pool.
 *
 * <p>{@link #open} migrates the schema as the owner, makes sure the pool's own unprivileged role
 * exists and may use the schema, then opens the pool logged in as that role, so row-level security
 * holds for every statement the store runs. Each unit of work is one transaction on one pooled
 * connection, bound to the calling thread; a center's unit sees only that center's rows.
 */
public final class PostgresStore implements QlevenStore, AutoCloseable {
    private static final int READY_TIMEOUT_SECONDS = 2;

    private final HikariDataSource pool;
    private final SharedStore shared;
    private final TenancyStore tenancy;
    private final ClientStore clients;
    private final ConsentStore consent;
    private final PrivacyStore privacy;
    private final AuditStore audit;
    private final SchedulingStore scheduling;
    private final BillingStore billing;
    private final MessagingStore messaging;
    private final com.qleven.ports.devices.out.DeviceWorkStore deviceWork;
    private final DevicesStore devices;
    private final ExecutorService probes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "qleven-postgres-ready");
        t.setDaemon(true);
        return t;
    });

    private final Jdbi jdbi;

    private PostgresStore(HikariDataSource pool) {
        this.pool = pool;
        this.jdbi = Sql.configure(Jdbi.create(pool));
        PostgresTransactions tx = new PostgresTransactions(jdbi);
        this.shared = new Shared(tx, SharedRepositories.directory(tx),
                SharedRepositories.rateLimits(tx), SharedRepositories.dataKeys(tx),
                SharedRepositories.idempotencyRecords(tx), SharedRepositories.operationalRecords(tx),
                MailRepositories.mailOutbox(tx));
        Memberships memberships = TenancyRepositories.memberships(tx);
        Sessions sessions = TenancyRepositories.sessions(tx);
        this.tenancy = new Tenancy(TenancyRepositories.centers(tx), TenancyRepositories.accounts(tx),
                memberships, AccountLifecycleRepositories.invitations(tx),
                AccountLifecycleRepositories.accountTokens(tx), sessions,
                TenancyRepositories.sessionGate(tx, shared.directory(), sessions, memberships));
        this.clients = new ClientGroup(ClientsRepositories.clients(tx),
                ClientsRepositories.clientRestrictions(tx), ClientsRepositories.clientDuplicates(tx));
        this.consent = new Consent(ConsentRepositories.consentLedger(tx),
                ConsentRepositories.consentPurposes(tx), ConsentRepositories.consentNotices(tx));
        this.privacy = new Privacy(IncidentRepositories.incidents(tx),
                IncidentRepositories.centerNotifications(tx), IncidentRepositories.subprocessors(tx),
                PrivacyRequestRepositories.privacyRequests(tx),
                PrivacyRequestRepositories.suppressions(tx), IncidentRepositories.policyVersions(tx));
        this.audit = new Audit(AuditRepositories.auditLog(tx));
        this.scheduling = new Scheduling(SchedulingRepositories.settings(tx), SchedulingRepositories.catalogue(tx),
                SchedulingRepositories.staffSchedules(tx), SchedulingRepositories.appointments(tx),
                SchedulingRepositories.waitlist(tx), SchedulingRepositories.waitlistOffersDue(tx),
                SchedulingRepositories.calendarFeeds(tx), SchedulingRepositories.manageLinks(tx));
        this.billing = new Billing(BillingRepositories.taxRates(tx), BillingRepositories.invoiceSeries(tx),
                BillingRepositories.invoices(tx), BillingRepositories.centers(tx), BillingRepositories.payments(tx),
                BillingRepositories.packages(tx));
        this.messaging = MessagingRepositories.store(tx);
        this.deviceWork = com.qleven.adapters.postgres.devices.DeviceWorkRepositories.store(tx);
        this.devices = DevicesRepositories.store(tx);
    }

    /**
     * Lets a measurement observe the statements and transactions sent from now on, such as a
     * counting {@link org.jdbi.v3.core.statement.SqlLogger} or a counting transaction handler
     * (the statement budget test); units of work opened later use what it configures.
     */
    public void instrument(java.util.function.Consumer<Jdbi> instrumentation) {
        instrumentation.accept(jdbi);
    }

    /**
     * Migrates, prepares the pool's role and opens the pool.
     *
     * @throws InfrastructureException when the database cannot be reached or migrated (retryable
     *                                 when the failure may pass)
     * @throws IllegalStateException   when the pool's role cannot be made safe with these settings
     */
    public static PostgresStore open(PostgresSettings settings) {
        Objects.requireNonNull(settings, "settings");
        AppRole.Login login = prepare(settings);
        return new PostgresStore(pool(settings, login));
    }

    /** Migrates the schema and prepares the pool's role and its grants, without opening a pool. */
    public static void migrate(PostgresSettings settings) {
        Objects.requireNonNull(settings, "settings");
        prepare(settings);
    }

    private static AppRole.Login prepare(PostgresSettings settings) {
        Migrations.migrate(settings);
        return AppRole.ensure(settings);
    }

    private static HikariDataSource pool(PostgresSettings settings, AppRole.Login login) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("qleven-postgres");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(login.user());
        config.setPassword(login.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setConnectionTimeout(10_000);
        config.setValidationTimeout(READY_TIMEOUT_SECONDS * 1_000L);
        config.addDataSourceProperty("ApplicationName", "qleven");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new InfrastructureException("cannot open the connection pool as " + login.user() + ": "
                    + e.getMessage(), SqlFailures.isRetryable(e), e);
        }
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
    public com.qleven.ports.devices.out.DeviceWorkStore deviceWork() {
        return deviceWork;
    }

    @Override
    public DevicesStore devices() {
        return devices;
    }

    /**
     * Whether the pool can run a query now: at most about {@value #READY_TIMEOUT_SECONDS} seconds,
     * never throws.
     */
    public boolean isReady() {
        if (pool.isClosed()) {
            return false;
        }
        try {
            return CompletableFuture.supplyAsync(this::probe, probes)
                    .get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private boolean probe() {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(READY_TIMEOUT_SECONDS);
            return st.execute("SELECT 1");
        } catch (Exception e) {
            return false;
        }
    }

    /** The pool, logged in as the unprivileged app role: for tests that look under the ports. */
    public DataSource appDataSource() {
        return pool;
    }

    @Override
    public void close() {
        probes.shutdownNow();
        pool.close();
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
}

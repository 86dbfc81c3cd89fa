package com.qleven.adapters.postgres;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.SharedRepositories;
import com.qleven.adapters.postgres.shared.SqlFailures;
import com.qleven.adapters.postgres.clients.ClientsRepositories;
import com.qleven.adapters.postgres.tenancy.TenancyRepositories;
import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.InfrastructureException;
import com.qleven.adapters.postgres.audit.AuditRepositories;
import com.qleven.ports.audit.out.AuditLog;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.shared.out.DataKeys;
import com.qleven.ports.shared.out.IdempotencyRecords;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.RateLimits;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.Centers;
import com.qleven.ports.tenancy.out.Memberships;
import com.qleven.ports.tenancy.out.Sessions;
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
    private final PostgresTransactions transactions;
    private final Directory directory;
    private final RateLimits rateLimits;
    private final DataKeys dataKeys;
    private final IdempotencyRecords idempotencyRecords;
    private final com.qleven.ports.shared.out.OperationalRecords operationalRecords;
    private final AuditLog auditLog;
    private final Centers centers;
    private final Accounts accounts;
    private final Memberships memberships;
    private final com.qleven.ports.tenancy.out.Invitations invitations;
    private final com.qleven.ports.tenancy.out.AccountTokens accountTokens;
    private final com.qleven.ports.shared.out.MailOutbox mailOutbox;
    private final Sessions sessions;
    private final Clients clients;
    private final com.qleven.ports.consent.out.ConsentLedger consentLedger;
    private final com.qleven.ports.consent.out.ConsentPurposes consentPurposes;
    private final com.qleven.ports.privacy.out.PrivacyRequests privacyRequests;
    private final com.qleven.ports.privacy.out.Suppressions suppressions;
    private final com.qleven.ports.privacy.out.PolicyVersions policyVersions;
    private final com.qleven.ports.clients.out.ClientRestrictions clientRestrictions;
    private final com.qleven.ports.privacy.out.Incidents incidents;
    private final com.qleven.ports.privacy.out.CenterNotifications centerNotifications;
    private final com.qleven.ports.privacy.out.Subprocessors subprocessors;
    private final ExecutorService probes = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "qleven-postgres-ready");
        t.setDaemon(true);
        return t;
    });

    private final Jdbi jdbi;

    private PostgresStore(HikariDataSource pool) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        this.transactions = new PostgresTransactions(jdbi);
        this.directory = SharedRepositories.directory(transactions);
        this.rateLimits = SharedRepositories.rateLimits(transactions);
        this.dataKeys = SharedRepositories.dataKeys(transactions);
        this.idempotencyRecords = SharedRepositories.idempotencyRecords(transactions);
        this.operationalRecords = SharedRepositories.operationalRecords(transactions);
        this.clients = ClientsRepositories.clients(transactions);
        this.consentLedger = com.qleven.adapters.postgres.consent.ConsentRepositories.consentLedger(transactions);
        this.consentPurposes = com.qleven.adapters.postgres.consent.ConsentRepositories.consentPurposes(transactions);
        this.privacyRequests = com.qleven.adapters.postgres.privacy.PrivacyRequestRepositories.privacyRequests(transactions);
        this.suppressions = com.qleven.adapters.postgres.privacy.PrivacyRequestRepositories.suppressions(transactions);
        this.clientRestrictions = ClientsRepositories.clientRestrictions(transactions);
        this.incidents = com.qleven.adapters.postgres.privacy.IncidentRepositories.incidents(transactions);
        this.centerNotifications =
                com.qleven.adapters.postgres.privacy.IncidentRepositories.centerNotifications(transactions);
        this.subprocessors = com.qleven.adapters.postgres.privacy.IncidentRepositories.subprocessors(transactions);
        this.policyVersions = com.qleven.adapters.postgres.privacy.IncidentRepositories.policyVersions(transactions);
        this.auditLog = AuditRepositories.auditLog(transactions);
        this.centers = TenancyRepositories.centers(transactions);
        this.accounts = TenancyRepositories.accounts(transactions);
        this.memberships = TenancyRepositories.memberships(transactions);
        this.invitations = com.qleven.adapters.postgres.tenancy.AccountLifecycleRepositories.invitations(transactions);
        this.accountTokens = com.qleven.adapters.postgres.tenancy.AccountLifecycleRepositories.accountTokens(transactions);
        this.mailOutbox = com.qleven.adapters.postgres.shared.MailRepositories.mailOutbox(transactions);
        this.sessions = TenancyRepositories.sessions(transactions);
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
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public Directory directory() {
        return directory;
    }

    @Override
    public RateLimits rateLimits() {
        return rateLimits;
    }

    @Override
    public DataKeys dataKeys() {
        return dataKeys;
    }

    @Override
    public IdempotencyRecords idempotencyRecords() {
        return idempotencyRecords;
    }

    @Override
    public com.qleven.ports.shared.out.OperationalRecords operationalRecords() {
        return operationalRecords;
    }

    @Override
    public AuditLog auditLog() {
        return auditLog;
    }

    @Override
    public Centers centers() {
        return centers;
    }

    @Override
    public Accounts accounts() {
        return accounts;
    }

    @Override
    public Memberships memberships() {
        return memberships;
    }

    @Override
    public com.qleven.ports.tenancy.out.Invitations invitations() {
        return invitations;
    }

    @Override
    public com.qleven.ports.tenancy.out.AccountTokens accountTokens() {
        return accountTokens;
    }

    @Override
    public com.qleven.ports.shared.out.MailOutbox mailOutbox() {
        return mailOutbox;
    }

    @Override
    public Clients clients() {
        return clients;
    }

    @Override
    public com.qleven.ports.consent.out.ConsentLedger consentLedger() {
        return consentLedger;
    }

    @Override
    public com.qleven.ports.consent.out.ConsentPurposes consentPurposes() {
        return consentPurposes;
    }

    @Override
    public com.qleven.ports.privacy.out.Incidents incidents() {
        return incidents;
    }

    @Override
    public com.qleven.ports.privacy.out.CenterNotifications centerNotifications() {
        return centerNotifications;
    }

    @Override
    public com.qleven.ports.privacy.out.Subprocessors subprocessors() {
        return subprocessors;
    }

    @Override
    public com.qleven.ports.privacy.out.PrivacyRequests privacyRequests() {
        return privacyRequests;
    }

    @Override
    public com.qleven.ports.privacy.out.Suppressions suppressions() {
        return suppressions;
    }

    @Override
    public com.qleven.ports.privacy.out.PolicyVersions policyVersions() {
        return policyVersions;
    }

    @Override
    public com.qleven.ports.clients.out.ClientRestrictions clientRestrictions() {
        return clientRestrictions;
    }

    @Override
    public Sessions sessions() {
        return sessions;
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
}

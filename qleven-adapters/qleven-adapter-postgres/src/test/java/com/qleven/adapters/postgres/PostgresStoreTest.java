package com.qleven.adapters.postgres;

import static com.qleven.ports.contract.ContractFixtures.account;
import static com.qleven.ports.contract.ContractFixtures.center;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.adapters.postgres.testing.PostgresStoreExtension;
import com.qleven.adapters.postgres.testing.TestDatabases;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.InfrastructureException;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.tenancy.out.StoredAccount;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresStoreTest {
    @RegisterExtension
    static final PostgresStoreExtension DB = new PostgresStoreExtension();

    private static String currentUser(PostgresStore store) throws SQLException {
        try (Connection c = store.appDataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean isSuperuser(PostgresStore store) throws SQLException {
        try (Connection c = store.appDataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @Test
    void an_open_store_is_ready_and_a_closed_one_is_not() {
        PostgresStore second = PostgresStore.open(DB.settings());
        assertThat(second.isReady()).isTrue();

        second.close();

        assertThat(second.isReady()).isFalse();
        assertThat(DB.store().isReady()).isTrue();
    }

    @Test
    void opening_and_migrating_again_reuse_the_schema_and_the_role() throws SQLException {
        PostgresStore.migrate(DB.settings());
        try (PostgresStore again = PostgresStore.open(DB.settings())) {
            assertThat(currentUser(again)).isEqualTo(currentUser(DB.store()));
        }
    }

    @Test
    void a_repository_call_outside_any_unit_of_work_runs_in_a_unit_of_its_own() {
        TenantId tenant = newTenant();
        StoredAccount account = account(newUser());

        DB.store().tenancy().centers().add(center(tenant));
        DB.store().tenancy().accounts().add(account);

        assertThat(DB.store().tenancy().centers().byId(tenant)).contains(center(tenant));
        assertThat(DB.store().tenancy().accounts().byId(account.id())).isPresent();
    }

    @Test
    void units_of_work_belong_to_their_thread() {
        TenantId a = newTenant();
        TenantId b = newTenant();
        RuntimeException boom = new IllegalArgumentException("boom");

        assertThatThrownBy(() -> DB.store().shared().transactions().inTenant(a, () -> {
            DB.store().tenancy().centers().add(center(a));
            CompletableFuture.runAsync(() -> DB.store().shared().transactions().inTenant(b,
                    () -> DB.store().tenancy().centers().add(center(b)))).orTimeout(30, TimeUnit.SECONDS).join();
            throw boom;
        })).isSameAs(boom);

        assertThat(DB.store().shared().transactions().inTenant(a,
                () -> DB.store().tenancy().centers().byId(a))).isEmpty();
        assertThat(DB.store().shared().transactions().inTenant(b,
                () -> DB.store().tenancy().centers().byId(b))).isPresent();
    }

    @Test
    void a_duplicate_row_is_a_conflict() {
        TenantId tenant = newTenant();
        DB.store().shared().transactions().inTenant(tenant, () -> DB.store().tenancy().centers().add(center(tenant)));

        assertThatThrownBy(() -> DB.store().shared().transactions().inTenant(tenant,
                () -> DB.store().tenancy().centers().add(center(tenant)))).isInstanceOf(ConflictException.class);
    }

    @Test
    void writing_another_centers_row_is_refused_and_not_worth_a_retry() {
        TenantId a = newTenant();
        TenantId b = newTenant();

        assertThatThrownBy(() -> DB.store().shared().transactions().inTenant(a,
                () -> DB.store().tenancy().centers().add(center(b))))
                .isInstanceOfSatisfying(InfrastructureException.class, e -> assertThat(e.retryable()).isFalse());
    }

    @Test
    void an_unreachable_server_is_a_retryable_failure() {
        PostgresSettings nowhere = PostgresSettings.of("jdbc:postgresql://127.0.0.1:1/qleven?connectTimeout=2",
                "qleven", "", "derived", 1);

        assertThatThrownBy(() -> PostgresStore.open(nowhere))
                .isInstanceOfSatisfying(InfrastructureException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void a_database_whose_name_needs_quoting_gets_its_own_app_role() throws SQLException {
        PostgresSettings settings = TestDatabases.newDatabase("qleven-Dash");
        String database = settings.jdbcUrl().substring(settings.jdbcUrl().lastIndexOf('/') + 1);

        try (PostgresStore store = PostgresStore.open(settings)) {
            assertThat(currentUser(store)).isEqualTo(database + "_app");
            assertThat(isSuperuser(store)).isFalse();
            TenantId tenant = newTenant();
            store.shared().transactions().inTenant(tenant, () -> store.tenancy().centers().add(center(tenant)));
            assertThat(store.shared().transactions().inTenant(tenant,
                    () -> store.tenancy().centers().byId(tenant))).isPresent();
        }
    }

    @Test
    void a_given_app_user_is_used_and_granted() throws SQLException {
        PostgresSettings base = TestDatabases.newDatabase();
        String role = TestDatabases.uniqueName("qleven_given");
        TestDatabases.admin("CREATE ROLE " + role + " LOGIN PASSWORD 'given-secret'");
        TestDatabases.forgetRoleAtExit(role);
        PostgresSettings settings = new PostgresSettings(base.jdbcUrl(), base.ownerUser(), base.ownerPassword(),
                Optional.of(role), Optional.of("given-secret"), "", 2);

        try (PostgresStore store = PostgresStore.open(settings)) {
            assertThat(currentUser(store)).isEqualTo(role);
            TenantId tenant = newTenant();
            store.shared().transactions().inTenant(tenant, () -> store.tenancy().centers().add(center(tenant)));
            assertThat(store.shared().transactions().inTenant(tenant,
                    () -> store.tenancy().centers().byId(tenant))).isPresent();
        }
    }

    @Test
    void a_given_app_user_through_which_row_level_security_would_not_hold_is_refused() {
        PostgresSettings base = DB.settings();
        String superuser = TestDatabases.uniqueName("qleven_super");
        String member = TestDatabases.uniqueName("qleven_member");
        TestDatabases.admin("CREATE ROLE " + superuser + " NOLOGIN SUPERUSER",
                "CREATE ROLE " + member + " NOLOGIN",
                "GRANT " + TestDatabases.quote(base.ownerUser()) + " TO " + member);
        TestDatabases.forgetRoleAtExit(superuser);
        TestDatabases.forgetRoleAtExit(member);

        assertThatThrownBy(() -> PostgresStore.open(new PostgresSettings(base.jdbcUrl(), base.ownerUser(),
                base.ownerPassword(), Optional.of(superuser), Optional.empty(), "", 2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is a superuser")
                .hasMessageContaining("QLEVEN_DATABASE_APP_USER");
        assertThatThrownBy(() -> PostgresStore.open(new PostgresSettings(base.jdbcUrl(), base.ownerUser(),
                base.ownerPassword(), Optional.of(member), Optional.empty(), "", 2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SET ROLE");
        assertThatThrownBy(() -> PostgresStore.open(new PostgresSettings(base.jdbcUrl(), base.ownerUser(),
                base.ownerPassword(), Optional.of(TestDatabases.uniqueName("qleven_missing")), Optional.empty(), "",
                2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not exist");
    }

    /** A fresh, empty database owned by a new role that is not a superuser. */
    private static PostgresSettings emptyDatabaseOwnedBy(String roleOptions) {
        String owner = TestDatabases.uniqueName("qleven_owner");
        String database = TestDatabases.uniqueName("qleven_o");
        TestDatabases.admin("CREATE ROLE " + owner + " LOGIN NOSUPERUSER PASSWORD 'owner-secret' " + roleOptions,
                "CREATE DATABASE " + database + " OWNER " + owner + " TEMPLATE template0");
        TestDatabases.forgetAtExit(database, true);
        TestDatabases.forgetRoleAtExit(owner);
        return PostgresSettings.of(TestDatabases.settingsFor(database).jdbcUrl(), owner, "owner-secret",
                "derived-secret", 2);
    }

    @Test
    void an_owner_that_may_create_roles_but_is_no_superuser_migrates_and_creates_the_app_role() throws SQLException {
        PostgresSettings settings = emptyDatabaseOwnedBy("CREATEROLE");

        try (PostgresStore store = PostgresStore.open(settings)) {
            assertThat(currentUser(store)).endsWith("_app");
            assertThat(isSuperuser(store)).isFalse();
        }
        // The second start finds the role and must not need a superuser to check it.
        try (PostgresStore store = PostgresStore.open(settings)) {
            assertThat(store.isReady()).isTrue();
        }
    }

    @Test
    void an_owner_that_may_not_create_roles_is_told_to_set_the_app_user() {
        PostgresSettings settings = emptyDatabaseOwnedBy("NOCREATEROLE");

        assertThatThrownBy(() -> PostgresStore.open(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("may not create roles")
                .hasMessageContaining("QLEVEN_DATABASE_APP_USER");
    }
}

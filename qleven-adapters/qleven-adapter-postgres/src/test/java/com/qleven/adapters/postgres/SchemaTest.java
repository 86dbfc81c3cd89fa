package com.qleven.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.adapters.postgres.testing.PostgresStoreExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rules of the schema that every later migration must keep, checked in the catalog. */
class SchemaTest {
    @RegisterExtension
    static final PostgresStoreExtension DB = new PostgresStoreExtension();

    private static List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DB.store().appDataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Test
    void there_are_no_views_since_a_view_runs_with_its_owners_rights() throws SQLException {
        assertThat(strings("""
                SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('v', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')""")).isEmpty();
    }

    @Test
    void the_app_role_may_use_every_schema_that_holds_tables() throws SQLException {
        List<String> schemas = strings("""
                SELECT DISTINCT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                  AND n.nspname NOT LIKE 'pg_toast%'""");

        assertThat(schemas).containsExactlyInAnyOrderElementsOf(Migrations.SCHEMAS);
        assertThat(strings("""
                SELECT nspname FROM pg_namespace WHERE nspname = ANY(ARRAY['public', 'directory', 'keystore'])
                  AND NOT has_schema_privilege(current_user, oid, 'USAGE')""")).isEmpty();
    }

    @Test
    void the_app_role_may_read_and_write_every_table_but_the_migration_history() throws SQLException {
        assertThat(strings("""
                SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND n.nspname IN ('public', 'directory', 'keystore')
                  AND c.relname <> 'flyway_schema_history'
                  AND NOT (has_table_privilege(current_user, c.oid, 'SELECT')
                       AND has_table_privilege(current_user, c.oid, 'INSERT')
                       AND has_table_privilege(current_user, c.oid, 'UPDATE')
                       AND has_table_privilege(current_user, c.oid, 'DELETE'))""")).isEmpty();
        assertThat(strings("""
                SELECT privilege FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) AS privilege
                WHERE has_table_privilege(current_user, 'public.flyway_schema_history', privilege)""")).isEmpty();
    }

    @Test
    void the_app_role_owns_nothing_and_cannot_change_the_schema() throws SQLException {
        assertThat(strings("""
                SELECT c.relname FROM pg_class c WHERE c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
                UNION ALL SELECT p.proname FROM pg_proc p
                  WHERE p.proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
                UNION ALL SELECT n.nspname FROM pg_namespace n
                  WHERE n.nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)""")).isEmpty();
        assertThat(strings("""
                SELECT nspname FROM pg_namespace WHERE nspname = ANY(ARRAY['public', 'directory', 'keystore'])
                  AND has_schema_privilege(current_user, oid, 'CREATE')""")).isEmpty();
    }

    @Test
    void no_function_of_the_schema_runs_with_its_owners_rights() throws SQLException {
        assertThat(strings("""
                SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname IN ('public', 'directory', 'keystore') AND p.prosecdef""")).isEmpty();
    }

    @Test
    void btree_gist_is_installed_for_exclusion_constraints() throws SQLException {
        assertThat(strings("SELECT extname FROM pg_extension")).contains("btree_gist");
    }
}

package com.qleven.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.adapters.postgres.testing.TestDatabases;
import com.qleven.domain.shared.InfrastructureException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Migration V14 seals the incident register's text, which SQL cannot encrypt: on a database whose
 * register already holds an incident in clear it refuses, in one transaction, leaving the register
 * and the schema as they were; an empty register gets its text columns as bytea.
 */
class SealedIncidentTextMigrationTest {

    /** A fresh database migrated up to V13, as a host of the previous build left it. */
    private static PostgresSettings atV13() {
        return TestDatabases.migratedTo("qleven_v14", "13");
    }

    private static List<String> strings(PostgresSettings settings, String sql) throws SQLException {
        return TestDatabases.strings(settings, sql);
    }

    private static final String TEXT_TYPES = "SELECT table_name || '.' || column_name || ' ' || data_type"
            + " FROM information_schema.columns WHERE table_schema = 'public' AND ((table_name = 'privacy_incidents'"
            + " AND column_name = 'description') OR (table_name = 'center_notifications'"
            + " AND column_name IN ('title', 'body'))) ORDER BY 1";

    @Test
    void a_register_holding_an_incident_in_clear_is_refused_and_left_as_it_was() throws SQLException {
        PostgresSettings settings = atV13();
        try (Connection c = TestDatabases.superuserConnection(settings); Statement st = c.createStatement()) {
            st.execute("INSERT INTO public.accounts (id, full_name, email, password_hash, age_confirmed_at,"
                    + " is_operator, created_at) VALUES ('01940000-0000-7000-8000-0000000000a1', '\\x01', '\\x01',"
                    + " 'x', now(), true, now())");
            st.execute("INSERT INTO public.privacy_incidents (id, detected_at, description, categories,"
                    + " affected_centers, reported_by, reported_at) VALUES ('01940000-0000-7000-8000-0000000000b1',"
                    + " now(), 'The file of Teodora Villalobos was readable', ARRAY['contact'],"
                    + " ARRAY['01940000-0000-7000-8000-0000000000c1']::uuid[], '01940000-0000-7000-8000-0000000000a1',"
                    + " now())");
        }

        assertThatThrownBy(() -> SchemaMigrations.migrate(settings)).isInstanceOf(InfrastructureException.class)
                .hasMessageContaining("V14 seals incident text at rest");

        assertThat(strings(settings, "SELECT description FROM public.privacy_incidents"))
                .containsExactly("The file of Teodora Villalobos was readable");
        assertThat(strings(settings, TEXT_TYPES)).containsExactly("center_notifications.body text",
                "center_notifications.title text", "privacy_incidents.description text");
        assertThat(strings(settings, "SELECT max(version::int)::text FROM public." + Migrations.HISTORY_TABLE
                + " WHERE success")).containsExactly("13");
    }

    @Test
    void control_an_empty_register_gets_its_text_columns_as_bytea() throws SQLException {
        PostgresSettings settings = atV13();

        SchemaMigrations.migrate(settings);

        assertThat(strings(settings, TEXT_TYPES)).containsExactly("center_notifications.body bytea",
                "center_notifications.title bytea", "privacy_incidents.description bytea");
    }
}

package com.qleven.adapters.postgres;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.testing.PostgresStoreExtension;
import com.qleven.adapters.postgres.testing.TestDatabases;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.consent.NoticeText;
import com.qleven.domain.shared.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V22's notice texts: a center's purposes described before V22 become version 1 of their notices
 * (so the center keeps taking consents online), and a published version cannot be changed nor
 * removed, even by SQL that skips the repository.
 */
class ConsentNoticesMigrationTest {
    @RegisterExtension
    static final PostgresStoreExtension DB = new PostgresStoreExtension();

    private static final String CENTER = "01940000-0000-7000-8000-0000000000c1";
    private static final String OTHER = "01940000-0000-7000-8000-0000000000c2";

    /**
     * A fresh database migrated up to V19, as a host of the build before V20–V22 left it (the test
     * then migrates through V22 and on).
     */
    private static PostgresSettings beforeV22() {
        return TestDatabases.migratedTo("qleven_v22", "19");
    }

    private static List<String> strings(PostgresSettings settings, String sql) throws SQLException {
        return TestDatabases.strings(settings, sql);
    }

    @Test
    void a_purposes_description_becomes_version_1_of_its_notice() throws SQLException {
        PostgresSettings settings = beforeV22();
        try (Connection c = TestDatabases.superuserConnection(settings); Statement st = c.createStatement()) {
            for (String center : List.of(CENTER, OTHER)) {
                st.execute("INSERT INTO public.centers (tenant_id, name, address, tax_id, country, time_zone, currency,"
                        + " created_at) VALUES ('" + center + "', 'Clínica', 'Calle 1', 'B1', 'ES', 'Europe/Madrid',"
                        + " 'EUR', '2026-01-01T00:00:00Z')");
                st.execute("INSERT INTO directory.memberships (user_id, tenant_id) VALUES"
                        + " ('01940000-0000-7000-8000-0000000000a1', '" + center + "')");
            }
            st.execute("INSERT INTO public.consent_purposes (tenant_id, code, description, marketing, created_at)"
                    + " VALUES ('" + CENTER + "', 'newsletter', 'Our monthly newsletter', false,"
                    + " '2026-02-01T10:00:00Z'), ('" + CENTER + "', 'reviews', 'Asking for a review', false,"
                    + " '2026-02-02T10:00:00Z')");
        }

        SchemaMigrations.migrate(settings);

        assertThat(strings(settings, "SELECT tenant_id || ' ' || purpose || ' ' || version || ' ' || text || ' '"
                + " || (published_at = (SELECT created_at FROM public.consent_purposes p WHERE p.tenant_id ="
                + " n.tenant_id AND p.code = n.purpose)) || ' ' || (published_by IS NULL)"
                + " FROM public.consent_notices n ORDER BY purpose")).containsExactly(
                CENTER + " newsletter 1 Our monthly newsletter true true",
                CENTER + " reviews 1 Asking for a review true true");
        assertThat(strings(settings, "SELECT current_setting('qleven.tenant_id', true)"))
                .allSatisfy(v -> assertThat(v == null || v.isEmpty()).isTrue());
    }

    private static PostgresTransactions tx() {
        return (PostgresTransactions) DB.store().shared().transactions();
    }

    private static <T> T in(TenantId tenant, Function<Handle, T> sql) {
        return tx().inTenant(tenant, () -> tx().withHandle("test", sql));
    }

    @Test
    void a_published_version_cannot_be_changed_nor_removed() {
        TenantId tenant = newTenant();
        addCenter(DB.store(), tenant);
        tx().inTenant(tenant, () -> DB.store().consent().consentNotices().add(new NoticeText(tenant,
                ConsentPurpose.WHATSAPP, 1, "Mensajes de sus citas.", T0, Optional.empty())));

        for (String sql : List.of("UPDATE consent_notices SET text = 'Otra cosa'",
                "UPDATE consent_notices SET version = 2", "DELETE FROM consent_notices",
                "TRUNCATE consent_notices")) {
            // The trigger refuses UPDATE and DELETE; TRUNCATE is not even granted to the pool's role.
            assertThatThrownBy(() -> in(tenant, h -> h.execute(sql))).as(sql)
                    .hasStackTraceContaining("SQLSTATE 42501")
                    .hasStackTraceContaining(sql.startsWith("TRUNCATE") ? "permission denied" : "append-only");
        }
        assertThat(tx().inTenant(tenant, () -> DB.store().consent().consentNotices().latest(tenant,
                ConsentPurpose.WHATSAPP))).hasValueSatisfying(n -> assertThat(n.text())
                .isEqualTo("Mensajes de sus citas."));
    }
}

package com.qleven.adapters.postgres.consent;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.consent.CenterPurpose;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.consent.out.ConsentPurposes;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** The centers' consent purposes in {@code consent_purposes}, under row-level security. */
final class PostgresConsentPurposes implements ConsentPurposes {
    private static final String COLUMNS = "tenant_id, code, description, marketing, created_at";
    private static final RowMapper<CenterPurpose> PURPOSE = (rs, ctx) -> new CenterPurpose(
            new TenantId(Sql.uuid(rs, "tenant_id")), new ConsentPurpose(rs.getString("code")),
            rs.getString("description"), rs.getBoolean("marketing"), Sql.instant(rs, "created_at"));

    private final PostgresTransactions tx;

    PostgresConsentPurposes(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean add(CenterPurpose purpose) {
        return tx.withHandle(Optional.of(purpose.tenant()), "add a consent purpose", h -> h
                .createUpdate("INSERT INTO public.consent_purposes (" + COLUMNS + ") VALUES (:tenant, :code,"
                        + " :description, :marketing, :createdAt) ON CONFLICT (tenant_id, code) DO NOTHING")
                .bind("tenant", purpose.tenant().value())
                .bind("code", purpose.purpose().code())
                .bind("description", purpose.description())
                .bind("marketing", purpose.marketing())
                .bind("createdAt", purpose.createdAt())
                .execute()) == 1;
    }

    @Override
    public Optional<CenterPurpose> byCode(TenantId tenant, ConsentPurpose code) {
        return tx.withHandle(Optional.of(tenant), "find a consent purpose", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.consent_purposes"
                        + " WHERE tenant_id = :tenant AND code = :code")
                .bind("tenant", tenant.value())
                .bind("code", code.code())
                .map(PURPOSE)
                .findOne());
    }

    @Override
    public List<CenterPurpose> list(TenantId tenant) {
        return tx.withHandle(Optional.of(tenant), "list the consent purposes", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.consent_purposes WHERE tenant_id = :tenant"
                        + " ORDER BY code COLLATE \"C\"")
                .bind("tenant", tenant.value())
                .map(PURPOSE)
                .list());
    }
}

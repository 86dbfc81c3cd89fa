package com.qleven.adapters.postgres.billing;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.billing.TaxRate;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.billing.out.StoredTaxRate;
import com.qleven.ports.billing.out.TaxRates;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** A center's tax rates, under row-level security; a retired rate keeps its row. */
final class PostgresTaxRates implements TaxRates {
    private static final String COLUMNS = "code, name, rate, exempt, legal_mention, created_at, retired_at";
    private static final RowMapper<StoredTaxRate> RATE = (rs, ctx) -> new StoredTaxRate(
            new TaxRate(rs.getString("code"), rs.getString("name"), rs.getBigDecimal("rate"),
                    rs.getBoolean("exempt"), rs.getString("legal_mention")),
            Sql.instant(rs, "created_at"), Sql.optionalInstant(rs, "retired_at"));

    private final PostgresTransactions tx;

    PostgresTaxRates(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(TenantId tenant, TaxRate rate, Instant at) {
        int added = tx.withHandle(Optional.of(tenant), "add a tax rate", h -> h.createUpdate("""
                        INSERT INTO public.tax_rates (tenant_id, code, name, rate, exempt, legal_mention, created_at)
                        VALUES (:tenant, :code, :name, :rate, :exempt, :mention, :at)
                        ON CONFLICT (tenant_id, code) DO NOTHING""")
                .bind("tenant", tenant.value())
                .bind("code", rate.code())
                .bind("name", rate.name())
                .bind("rate", rate.rate())
                .bind("exempt", rate.exempt())
                .bind("mention", rate.legalMention())
                .bind("at", at)
                .execute());
        if (added == 0) {
            throw new ConflictException("the center has a tax rate of this code already",
                    Map.of("field", "code", "code", rate.code()));
        }
    }

    @Override
    public void addMissing(TenantId tenant, List<TaxRate> seeds, Instant at) {
        tx.withHandle(Optional.of(tenant), "seed tax rates", h -> h.createUpdate("""
                        INSERT INTO public.tax_rates (tenant_id, code, name, rate, exempt, legal_mention, created_at)
                        SELECT :tenant, s.code, s.name, s.rate::numeric, s.exempt, s.mention, :at
                        FROM unnest(:codes, :names, :rates, :exempts, :mentions) AS s(code, name, rate, exempt, mention)
                        ON CONFLICT (tenant_id, code) DO NOTHING""")
                .bind("tenant", tenant.value())
                .bind("at", at)
                .bindArray("codes", String.class, seeds.stream().map(TaxRate::code).toList())
                .bindArray("names", String.class, seeds.stream().map(TaxRate::name).toList())
                .bindArray("rates", String.class, seeds.stream().map(r -> r.rate().toPlainString()).toList())
                .bindArray("exempts", Boolean.class, seeds.stream().map(TaxRate::exempt).toList())
                .bindArray("mentions", String.class, seeds.stream().map(TaxRate::legalMention).toList())
                .execute());
    }

    @Override
    public List<StoredTaxRate> list(TenantId tenant, boolean includeRetired) {
        return tx.withHandle(Optional.of(tenant), "list tax rates", h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM public.tax_rates WHERE tenant_id = :tenant"
                                + (includeRetired ? "" : " AND retired_at IS NULL") + " ORDER BY code")
                .bind("tenant", tenant.value())
                .map(RATE)
                .list());
    }

    @Override
    public Optional<StoredTaxRate> byCode(TenantId tenant, String code) {
        return tx.withHandle(Optional.of(tenant), "find a tax rate", h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM public.tax_rates WHERE tenant_id = :tenant AND code = :code")
                .bind("tenant", tenant.value())
                .bind("code", code)
                .map(RATE)
                .findOne());
    }

    @Override
    public boolean retire(TenantId tenant, String code, Instant at) {
        return tx.withHandle(Optional.of(tenant), "retire a tax rate", h -> h.createUpdate("""
                        UPDATE public.tax_rates SET retired_at = :at
                        WHERE tenant_id = :tenant AND code = :code AND retired_at IS NULL""")
                .bind("tenant", tenant.value())
                .bind("code", code)
                .bind("at", at)
                .execute()) == 1;
    }
}

package com.qleven.adapters.postgres.tenancy;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Center;
import com.qleven.domain.tenancy.CenterProfile;
import com.qleven.ports.tenancy.out.Centers;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;

/** The centers, one row each, seen through row-level security. */
final class PostgresCenters implements Centers {
    private final PostgresTransactions tx;

    PostgresCenters(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(Center center) {
        CenterProfile p = center.profile();
        tx.withHandle(Optional.of(center.id()), "add a center", h -> h
                .createUpdate("""
                        INSERT INTO public.centers (tenant_id, name, address, tax_id, country, time_zone, currency, created_at)
                        VALUES (:tenant, :name, :address, :taxId, :country, :zone, :currency, :created)""")
                .bind("tenant", center.id().value())
                .bind("name", p.name())
                .bind("address", p.address())
                .bind("taxId", p.taxId())
                .bind("country", p.country())
                .bind("zone", p.timeZone().getId())
                .bind("currency", p.currency().getCurrencyCode())
                .bind("created", center.createdAt())
                .execute());
    }

    @Override
    public Optional<Center> byId(TenantId id) {
        return tx.withHandle(Optional.of(id), "find a center", h -> h
                .createQuery("""
                        SELECT tenant_id, name, address, tax_id, country, time_zone, currency, created_at
                        FROM public.centers WHERE tenant_id = :tenant""")
                .bind("tenant", id.value())
                .map((rs, ctx) -> new Center(new TenantId(Sql.uuid(rs, "tenant_id")),
                        new CenterProfile(rs.getString("name"), rs.getString("address"), rs.getString("tax_id"),
                                rs.getString("country"), ZoneId.of(rs.getString("time_zone")),
                                Currency.getInstance(rs.getString("currency"))),
                        Sql.instant(rs, "created_at")))
                .findOne());
    }
}

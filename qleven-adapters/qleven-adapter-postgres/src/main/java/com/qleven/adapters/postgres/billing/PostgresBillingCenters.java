package com.qleven.adapters.postgres.billing;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.domain.billing.BillingSettings;
import com.qleven.domain.billing.PriceBasis;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.CenterProfile;
import com.qleven.ports.billing.out.BillingCenters;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * The center, its locale and its billing settings ({@code billing_settings}, V26) in one statement,
 * under row-level security; the defaults while the center has no row.
 */
final class PostgresBillingCenters implements BillingCenters {
    private final PostgresTransactions tx;

    PostgresBillingCenters(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<BillingCenter> byId(TenantId tenant) {
        return tx.withHandle(Optional.of(tenant), "read a center's billing settings", h -> h.createQuery("""
                        SELECT c.name, c.address, c.tax_id, c.country, c.time_zone, c.currency, s.locale,
                               b.price_basis, b.legal_name, b.ice, b.if_number
                        FROM public.centers c
                        LEFT JOIN public.scheduling_settings s ON s.tenant_id = c.tenant_id
                        LEFT JOIN public.billing_settings b ON b.tenant_id = c.tenant_id
                        WHERE c.tenant_id = :tenant""")
                .bind("tenant", tenant.value())
                .map((rs, ctx) -> new BillingCenter(tenant,
                        new CenterProfile(rs.getString("name"), rs.getString("address"), rs.getString("tax_id"),
                                rs.getString("country"), ZoneId.of(rs.getString("time_zone")),
                                Currency.getInstance(rs.getString("currency"))),
                        Optional.ofNullable(rs.getString("locale")).map(Locale::forLanguageTag),
                        rs.getString("price_basis") == null ? BillingSettings.defaults() : new BillingSettings(
                                PriceBasis.fromWire(rs.getString("price_basis"), "priceBasis"),
                                Optional.ofNullable(rs.getString("legal_name")),
                                Optional.ofNullable(rs.getString("ice")),
                                Optional.ofNullable(rs.getString("if_number")))))
                .findOne());
    }

    @Override
    public void save(TenantId tenant, BillingSettings settings, Instant at) {
        tx.withHandle(Optional.of(tenant), "save a center's billing settings", h -> h.createUpdate("""
                        INSERT INTO public.billing_settings (tenant_id, price_basis, legal_name, ice, if_number,
                            updated_at)
                        VALUES (:tenant, :basis, :legalName, :ice, :ifNumber, :at)
                        ON CONFLICT (tenant_id) DO UPDATE SET price_basis = excluded.price_basis,
                            legal_name = excluded.legal_name, ice = excluded.ice, if_number = excluded.if_number,
                            updated_at = excluded.updated_at""")
                .bind("tenant", tenant.value())
                .bind("basis", settings.priceBasis().wireName())
                .bind("legalName", settings.legalName().orElse(null))
                .bind("ice", settings.ice().orElse(null))
                .bind("ifNumber", settings.ifNumber().orElse(null))
                .bind("at", at)
                .execute());
    }
}

package com.qleven.adapters.postgres.billing;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.domain.billing.BillingSettings;
import com.qleven.domain.billing.Fee;
import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.PriceBasis;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.CenterProfile;
import com.qleven.ports.billing.out.BillingCenters;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * The center, its locale and its billing settings ({@code billing_settings}, V26; its fee policy, V30)
 * in one statement,
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
                               b.price_basis, b.legal_name, b.ice, b.if_number, b.no_show_fee_minor,
                               b.no_show_fee_percent, b.late_cancellation_fee_minor, b.late_cancellation_fee_percent
                        FROM public.centers c
                        LEFT JOIN public.scheduling_settings s ON s.tenant_id = c.tenant_id
                        LEFT JOIN public.billing_settings b ON b.tenant_id = c.tenant_id
                        WHERE c.tenant_id = :tenant""")
                .bind("tenant", tenant.value())
                .map((rs, ctx) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    return new BillingCenter(tenant,
                            new CenterProfile(rs.getString("name"), rs.getString("address"), rs.getString("tax_id"),
                                    rs.getString("country"), ZoneId.of(rs.getString("time_zone")), currency),
                            Optional.ofNullable(rs.getString("locale")).map(Locale::forLanguageTag),
                            rs.getString("price_basis") == null ? BillingSettings.defaults() : new BillingSettings(
                                    PriceBasis.fromWire(rs.getString("price_basis"), "priceBasis"),
                                    Optional.ofNullable(rs.getString("legal_name")),
                                    Optional.ofNullable(rs.getString("ice")),
                                    Optional.ofNullable(rs.getString("if_number")),
                                    fee(rs, "no_show_fee", currency), fee(rs, "late_cancellation_fee", currency)));
                })
                .findOne());
    }

    @Override
    public void save(TenantId tenant, BillingSettings settings, Instant at) {
        tx.withHandle(Optional.of(tenant), "save a center's billing settings", h -> h.createUpdate("""
                        INSERT INTO public.billing_settings (tenant_id, price_basis, legal_name, ice, if_number,
                            no_show_fee_minor, no_show_fee_percent, late_cancellation_fee_minor,
                            late_cancellation_fee_percent, updated_at)
                        VALUES (:tenant, :basis, :legalName, :ice, :ifNumber, :noShowMinor, :noShowPercent,
                            :lateMinor, :latePercent, :at)
                        ON CONFLICT (tenant_id) DO UPDATE SET price_basis = excluded.price_basis,
                            legal_name = excluded.legal_name, ice = excluded.ice, if_number = excluded.if_number,
                            no_show_fee_minor = excluded.no_show_fee_minor,
                            no_show_fee_percent = excluded.no_show_fee_percent,
                            late_cancellation_fee_minor = excluded.late_cancellation_fee_minor,
                            late_cancellation_fee_percent = excluded.late_cancellation_fee_percent,
                            updated_at = excluded.updated_at""")
                .bind("tenant", tenant.value())
                .bind("basis", settings.priceBasis().wireName())
                .bind("legalName", settings.legalName().orElse(null))
                .bind("ice", settings.ice().orElse(null))
                .bind("ifNumber", settings.ifNumber().orElse(null))
                .bindByType("noShowMinor", minor(settings.noShowFee()), Long.class)
                .bindByType("noShowPercent", percent(settings.noShowFee()), BigDecimal.class)
                .bindByType("lateMinor", minor(settings.lateCancellationFee()), Long.class)
                .bindByType("latePercent", percent(settings.lateCancellationFee()), BigDecimal.class)
                .bind("at", at)
                .execute());
    }

    /** A fee from its two columns (at most one set, by a check): a fixed one is in the center's currency. */
    private static Optional<Fee> fee(ResultSet rs, String column, Currency currency) throws SQLException {
        Long minor = rs.getObject(column + "_minor", Long.class);
        BigDecimal percent = rs.getBigDecimal(column + "_percent");
        if (minor != null) {
            return Optional.of(new Fee.Fixed(new Money(minor, currency)));
        }
        return Optional.ofNullable(percent).map(Fee.Percent::new);
    }

    private static Long minor(Optional<Fee> fee) {
        return fee.filter(Fee.Fixed.class::isInstance).map(f -> ((Fee.Fixed) f).amount().amountMinor()).orElse(null);
    }

    private static BigDecimal percent(Optional<Fee> fee) {
        return fee.filter(Fee.Percent.class::isInstance).map(f -> ((Fee.Percent) f).percent()).orElse(null);
    }
}

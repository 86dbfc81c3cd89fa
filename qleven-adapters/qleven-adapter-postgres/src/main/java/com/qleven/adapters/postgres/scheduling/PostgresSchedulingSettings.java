package com.qleven.adapters.postgres.scheduling;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.domain.scheduling.OpeningHours;
import com.qleven.domain.scheduling.SchedulingSettings;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.CenterProfile;
import com.qleven.ports.scheduling.out.SchedulingSettingsRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.jdbi.v3.core.JdbiException;

/**
 * Settings in a tenant-owned row under row-level security; the slug also in
 * {@code directory.center_slugs}, whose primary key makes it unique across the platform.
 */
final class PostgresSchedulingSettings implements SchedulingSettingsRepository {
    private final PostgresTransactions tx;

    PostgresSchedulingSettings(PostgresTransactions tx) {
        this.tx = tx;
    }

    /** The center's profile, its name and currency renamed so that a service's can sit beside them. */
    private static final String CENTER_COLUMNS = "c.name AS center_name, c.address, c.tax_id, c.country, c.time_zone,"
            + " c.currency AS center_currency";
    /** A service's columns from {@code v}, under the names {@link PostgresCatalogue#SERVICE} maps. */
    private static final String SERVICE_COLUMNS = java.util.Arrays.stream(PostgresCatalogue.SERVICE_COLUMNS.split(","))
            .map(column -> "v." + column.strip()).collect(java.util.stream.Collectors.joining(", "));
    private static final String SETTINGS_COLUMNS = """
            s.slug, s.locale, s.slot_minutes, s.opening_weekly, s.closed_days::text[] AS closed_days,
            s.cancellation_window_hours, s.waitlist_offer_hold_minutes""";

    /** The settings of a row that has them; empty when the (left-joined) slug is null. */
    private static Optional<SchedulingSettings> settings(ResultSet rs) throws SQLException {
        String slug = rs.getString("slug");
        if (slug == null) {
            return Optional.empty();
        }
        TreeSet<LocalDate> closed = new TreeSet<>();
        Columns.texts(rs, "closed_days").forEach(d -> closed.add(LocalDate.parse(d)));
        return Optional.of(new SchedulingSettings(slug, Locale.forLanguageTag(rs.getString("locale")),
                rs.getInt("slot_minutes"),
                new OpeningHours(Columns.weekly(Columns.texts(rs, "opening_weekly")), closed),
                rs.getInt("cancellation_window_hours"), rs.getInt("waitlist_offer_hold_minutes")));
    }

    @Override
    public Optional<SchedulingSettings> get(TenantId tenant) {
        return tx.withHandle(Optional.of(tenant), "read the scheduling settings", h -> h.createQuery(
                        "SELECT " + SETTINGS_COLUMNS + " FROM public.scheduling_settings s WHERE s.tenant_id = :tenant")
                .bind("tenant", tenant.value())
                .map((rs, ctx) -> settings(rs))
                .findOne()
                .flatMap(found -> found));
    }

    @Override
    public Optional<CenterWithSettings> centerWithSettings(TenantId tenant) {
        return tx.withHandle(Optional.of(tenant), "read the center and its scheduling settings", h -> h.createQuery(
                        "SELECT " + CENTER_COLUMNS + ", " + SETTINGS_COLUMNS + """

                                FROM public.centers c
                                LEFT JOIN public.scheduling_settings s ON s.tenant_id = c.tenant_id
                                WHERE c.tenant_id = :tenant""")
                .bind("tenant", tenant.value())
                .map((rs, ctx) -> center(rs))
                .findOne());
    }

    /** A center's profile and settings, from {@link #CENTER_COLUMNS} and {@link #SETTINGS_COLUMNS}. */
    private static CenterWithSettings center(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CenterWithSettings(new CenterProfile(rs.getString("center_name"), rs.getString("address"),
                rs.getString("tax_id"), rs.getString("country"), ZoneId.of(rs.getString("time_zone")),
                Currency.getInstance(rs.getString("center_currency"))), settings(rs));
    }

    @Override
    public Optional<CenterWithService> centerWithService(TenantId tenant, ServiceId service) {
        return tx.withHandle(Optional.of(tenant), "read the center, its scheduling settings and a service",
                h -> h.createQuery("SELECT " + CENTER_COLUMNS + ", " + SETTINGS_COLUMNS + ", " + SERVICE_COLUMNS + """

                                FROM public.centers c
                                LEFT JOIN public.scheduling_settings s ON s.tenant_id = c.tenant_id
                                LEFT JOIN public.services v ON v.tenant_id = c.tenant_id AND v.id = :service
                                WHERE c.tenant_id = :tenant""")
                        .bind("tenant", tenant.value())
                        .bind("service", service.value())
                        .map((rs, ctx) -> new CenterWithService(center(rs), rs.getObject("id") == null
                                ? Optional.empty() : Optional.of(PostgresCatalogue.SERVICE.map(rs, ctx))))
                        .findOne());
    }

    @Override
    public void put(TenantId tenant, SchedulingSettings settings, Instant at) {
        tx.withHandle(Optional.of(tenant), "store the scheduling settings", h -> {
            try {
                // Claims the slug first: the directory's primary key refuses one another center holds.
                h.createUpdate("""
                                INSERT INTO directory.center_slugs (slug, tenant_id) VALUES (:slug, :tenant)
                                ON CONFLICT (tenant_id) DO UPDATE SET slug = EXCLUDED.slug
                                WHERE center_slugs.slug <> EXCLUDED.slug""")
                        .bind("slug", settings.slug())
                        .bind("tenant", tenant.value())
                        .execute();
            } catch (JdbiException e) {
                if (e.getCause() instanceof java.sql.SQLException s && "23505".equals(s.getSQLState())) {
                    throw new ConflictException("this public slug is taken by another center",
                            Map.of("field", "slug", "slug", settings.slug()));
                }
                throw e;
            }
            return h.createUpdate("""
                            INSERT INTO public.scheduling_settings (tenant_id, slug, locale, slot_minutes, opening_weekly,
                                closed_days, cancellation_window_hours, waitlist_offer_hold_minutes, updated_at)
                            VALUES (:tenant, :slug, :locale, :slot, :weekly, CAST(:closed AS date[]), :window, :hold, :at)
                            ON CONFLICT (tenant_id) DO UPDATE SET slug = EXCLUDED.slug, locale = EXCLUDED.locale,
                                slot_minutes = EXCLUDED.slot_minutes, opening_weekly = EXCLUDED.opening_weekly,
                                closed_days = EXCLUDED.closed_days,
                                cancellation_window_hours = EXCLUDED.cancellation_window_hours,
                                waitlist_offer_hold_minutes = EXCLUDED.waitlist_offer_hold_minutes,
                                updated_at = EXCLUDED.updated_at""")
                    .bind("tenant", tenant.value())
                    .bind("slug", settings.slug())
                    .bind("locale", settings.locale().toLanguageTag())
                    .bind("slot", settings.slotMinutes())
                    .bindArray("weekly", String.class, Columns.weekly(settings.openingHours().weekly()))
                    .bindArray("closed", String.class, settings.openingHours().closedDays().stream()
                            .map(LocalDate::toString).toList())
                    .bind("window", settings.cancellationWindowHours())
                    .bind("hold", settings.waitlistOfferHoldMinutes())
                    .bind("at", at)
                    .execute();
        });
    }

    @Override
    public Optional<TenantId> centerBySlug(String slug) {
        return tx.withHandle("find a center by its slug", h -> h.createQuery(
                        "SELECT tenant_id FROM directory.center_slugs WHERE slug = :slug")
                .bind("slug", slug)
                .mapTo(UUID.class).map(TenantId::new)
                .findOne());
    }
}

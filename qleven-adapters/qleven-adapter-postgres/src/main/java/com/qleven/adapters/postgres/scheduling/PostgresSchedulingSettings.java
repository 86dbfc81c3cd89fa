package com.qleven.adapters.postgres.scheduling;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.domain.scheduling.OpeningHours;
import com.qleven.domain.scheduling.SchedulingSettings;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.scheduling.out.SchedulingSettingsRepository;
import java.time.Instant;
import java.time.LocalDate;
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

    @Override
    public Optional<SchedulingSettings> get(TenantId tenant) {
        return tx.withHandle(Optional.of(tenant), "read the scheduling settings", h -> h.createQuery("""
                        SELECT slug, locale, slot_minutes, opening_weekly, closed_days::text[] AS closed_days,
                               cancellation_window_hours, waitlist_offer_hold_minutes
                        FROM public.scheduling_settings WHERE tenant_id = :tenant""")
                .bind("tenant", tenant.value())
                .map((rs, ctx) -> {
                    TreeSet<LocalDate> closed = new TreeSet<>();
                    Columns.texts(rs, "closed_days").forEach(d -> closed.add(LocalDate.parse(d)));
                    return new SchedulingSettings(rs.getString("slug"), Locale.forLanguageTag(rs.getString("locale")),
                            rs.getInt("slot_minutes"),
                            new OpeningHours(Columns.weekly(Columns.texts(rs, "opening_weekly")), closed),
                            rs.getInt("cancellation_window_hours"), rs.getInt("waitlist_offer_hold_minutes"));
                })
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

package com.qleven.adapters.postgres.scheduling;

import com.qleven.adapters.postgres.shared.KeysetCursor;
import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.FreedSlot;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.scheduling.WaitlistEntry;
import com.qleven.domain.scheduling.WaitlistEntryId;
import com.qleven.domain.scheduling.WaitlistOffer;
import com.qleven.domain.scheduling.WaitlistStatus;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.scheduling.out.WaitlistEntries;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

/**
 * The waitlist under row-level security: entries with their current offer, and every offer made
 * ({@code waitlist_offers}) so that {@link #firstFor} passes over an entry already offered the slot.
 */
final class PostgresWaitlistEntries implements WaitlistEntries {
    private static final String COLUMNS = "id, client_id, service_id, from_day, to_day, professional_id, status, "
            + "offer_professional_id, offer_start_at, offer_end_at, offered_at, offer_expires_at, created_at, "
            + "appointment_id";
    private static final RowMapper<WaitlistEntry> ENTRY = (rs, ctx) -> {
        ServiceId service = new ServiceId(Sql.uuid(rs, "service_id"));
        UUID professional = Sql.uuid(rs, "professional_id");
        UUID appointment = Sql.uuid(rs, "appointment_id");
        Optional<Instant> expires = Sql.optionalInstant(rs, "offer_expires_at");
        WaitlistOffer offer = expires.isEmpty() ? null : new WaitlistOffer(new FreedSlot(service,
                new UserId(Sql.uuid(rs, "offer_professional_id")), Sql.instant(rs, "offer_start_at"),
                Sql.instant(rs, "offer_end_at")), Sql.instant(rs, "offered_at"), expires.get());
        return new WaitlistEntry(new WaitlistEntryId(Sql.uuid(rs, "id")), new ClientId(Sql.uuid(rs, "client_id")),
                service, rs.getObject("from_day", LocalDate.class), rs.getObject("to_day", LocalDate.class),
                professional == null ? null : new UserId(professional),
                WaitlistStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), offer,
                Sql.instant(rs, "created_at"), appointment == null ? null : new AppointmentId(appointment));
    };

    private final PostgresTransactions tx;

    PostgresWaitlistEntries(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(TenantId tenant, WaitlistEntry entry) {
        tx.withHandle(Optional.of(tenant), "add a waitlist entry", h -> {
            bind(h.createUpdate("INSERT INTO public.waitlist_entries (tenant_id, " + COLUMNS + ") VALUES (:tenant, "
                    + ":id, :client, :service, :from, :to, :professional, :status, :offerProfessional, :offerStart, "
                    + ":offerEnd, :offeredAt, :expiresAt, :createdAt, :appointment)"), tenant, entry).execute();
            recordOffer(h, tenant, entry);
            return null;
        });
    }

    @Override
    public boolean update(TenantId tenant, WaitlistEntry entry) {
        return tx.withHandle(Optional.of(tenant), "update a waitlist entry", h -> {
            int updated = bind(h.createUpdate("""
                    UPDATE public.waitlist_entries SET status = :status, offer_professional_id = :offerProfessional,
                        offer_start_at = :offerStart, offer_end_at = :offerEnd, offered_at = :offeredAt,
                        offer_expires_at = :expiresAt, appointment_id = :appointment
                    WHERE tenant_id = :tenant AND id = :id"""), tenant, entry).execute();
            if (updated == 1) {
                recordOffer(h, tenant, entry);
            }
            return updated == 1;
        });
    }

    private static Update bind(Update update, TenantId tenant, WaitlistEntry e) {
        Optional<WaitlistOffer> offer = Optional.ofNullable(e.offer());
        return update.bind("tenant", tenant.value())
                .bind("id", e.id().value())
                .bind("client", e.client().value())
                .bind("service", e.service().value())
                .bind("from", e.from())
                .bind("to", e.to())
                .bind("professional", e.professional() == null ? null : e.professional().value())
                .bind("status", e.status().wireName())
                .bind("offerProfessional", offer.map(o -> o.slot().professional().value()).orElse(null))
                .bindByType("offerStart", offer.map(o -> o.slot().start()).orElse(null), Instant.class)
                .bindByType("offerEnd", offer.map(o -> o.slot().end()).orElse(null), Instant.class)
                .bindByType("offeredAt", offer.map(WaitlistOffer::offeredAt).orElse(null), Instant.class)
                .bindByType("expiresAt", offer.map(WaitlistOffer::expiresAt).orElse(null), Instant.class)
                .bind("createdAt", e.createdAt())
                .bind("appointment", e.appointment() == null ? null : e.appointment().value());
    }

    private static void recordOffer(org.jdbi.v3.core.Handle h, TenantId tenant, WaitlistEntry e) {
        if (e.offer() == null) {
            return;
        }
        WaitlistOffer o = e.offer();
        h.createUpdate("""
                        INSERT INTO public.waitlist_offers (tenant_id, entry_id, professional_id, start_at, end_at,
                            offered_at, expires_at)
                        VALUES (:tenant, :id, :professional, :start, :end, :offeredAt, :expiresAt)
                        ON CONFLICT (tenant_id, entry_id, professional_id, start_at, end_at) DO UPDATE
                        SET offered_at = EXCLUDED.offered_at, expires_at = EXCLUDED.expires_at""")
                .bind("tenant", tenant.value())
                .bind("id", e.id().value())
                .bind("professional", o.slot().professional().value())
                .bind("start", o.slot().start())
                .bind("end", o.slot().end())
                .bind("offeredAt", o.offeredAt())
                .bind("expiresAt", o.expiresAt())
                .execute();
    }

    @Override
    public Optional<WaitlistEntry> byId(TenantId tenant, WaitlistEntryId id) {
        return tx.withHandle(Optional.of(tenant), "find a waitlist entry", h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM public.waitlist_entries WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .map(ENTRY)
                .findOne());
    }

    @Override
    public Optional<WaitlistEntry> lock(TenantId tenant, WaitlistEntryId id) {
        return tx.withHandle(Optional.of(tenant), "lock a waitlist entry", h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM public.waitlist_entries WHERE tenant_id = :tenant AND id = :id"
                                + " FOR UPDATE")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .map(ENTRY)
                .findOne());
    }

    @Override
    public Page<WaitlistEntry> list(TenantId tenant, PageRequest page) {
        Optional<KeysetCursor> after = page.cursor().map(KeysetCursor::decode);
        List<WaitlistEntry> rows = tx.withHandle(Optional.of(tenant), "list the waitlist", h -> {
            var q = h.createQuery("SELECT " + COLUMNS + " FROM public.waitlist_entries WHERE tenant_id = :tenant"
                            + (after.isPresent() ? " AND (created_at, id) > (:afterAt, :afterId)" : "")
                            + " ORDER BY created_at, id LIMIT :limit")
                    .bind("tenant", tenant.value())
                    .bind("limit", page.limit() + 1);
            after.ifPresent(c -> q.bind("afterAt", c.at()).bind("afterId", c.id()));
            return q.map(ENTRY).list();
        });
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<WaitlistEntry> items = rows.subList(0, page.limit());
        WaitlistEntry last = items.get(items.size() - 1);
        return new Page<>(items, Optional.of(new KeysetCursor(last.createdAt(), last.id().value()).encode()));
    }

    @Override
    public List<WaitlistEntry> openOf(TenantId tenant, com.qleven.domain.clients.ClientId client) {
        return tx.withHandle(Optional.of(tenant), "find a client's open waitlist entries", h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM public.waitlist_entries WHERE tenant_id = :tenant"
                                + " AND client_id = :client AND status IN ('waiting', 'offered') ORDER BY created_at, id")
                .bind("tenant", tenant.value())
                .bind("client", client.value())
                .map(ENTRY)
                .list());
    }

    @Override
    public Optional<WaitlistEntry> firstFor(TenantId tenant, FreedSlot slot, LocalDate day) {
        return tx.withHandle(Optional.of(tenant), "find the first waiting client", h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM public.waitlist_entries e"
                                + " WHERE tenant_id = :tenant AND status = 'waiting' AND service_id = :service"
                                + " AND from_day <= :day AND to_day >= :day"
                                + " AND (professional_id IS NULL OR professional_id = :professional)"
                                + " AND NOT EXISTS (SELECT 1 FROM public.waitlist_offers o WHERE o.tenant_id = e.tenant_id"
                                + " AND o.entry_id = e.id AND o.professional_id = :professional"
                                + " AND o.start_at = :start AND o.end_at = :end)"
                                + " ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
                .bind("tenant", tenant.value())
                .bind("service", slot.service().value())
                .bind("day", day)
                .bind("professional", slot.professional().value())
                .bind("start", slot.start())
                .bind("end", slot.end())
                .map(ENTRY)
                .findOne());
    }

    @Override
    public List<WaitlistEntry> lapsedOffers(TenantId tenant, Instant now, int limit) {
        return tx.withHandle(Optional.of(tenant), "find lapsed waitlist offers", h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM public.waitlist_entries WHERE tenant_id = :tenant"
                                + " AND status = 'offered' AND offer_expires_at <= :now"
                                + " ORDER BY offer_expires_at, id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .bind("tenant", tenant.value())
                .bind("now", now)
                .bind("limit", limit)
                .map(ENTRY)
                .list());
    }
}

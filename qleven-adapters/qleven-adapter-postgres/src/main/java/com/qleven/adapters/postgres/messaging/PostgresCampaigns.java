package com.qleven.adapters.postgres.messaging;

import com.qleven.adapters.postgres.shared.KeysetCursor;
import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.Campaign;
import com.qleven.domain.messaging.CampaignId;
import com.qleven.domain.messaging.CampaignSegment;
import com.qleven.domain.messaging.CampaignStatus;
import com.qleven.domain.messaging.MessageStatus;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.messaging.SkipReason;
import com.qleven.domain.messaging.TemplateId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.messaging.out.Campaigns;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * Campaigns in {@code public.campaigns} and {@code public.campaign_recipients} (V37), under row-level
 * security, every call one statement (the creation two: the campaign, then every recipient's link in
 * one INSERT of unnested arrays). Progress is one aggregate over the links joined to their messages.
 */
final class PostgresCampaigns implements Campaigns {
    private static final String COLUMNS = "id, name, template_id, status, last_visit_before, include_never_visited,"
            + " service_ids, birthday_month, package_holders, no_shows_at_least, client_ids, created_by, created_at,"
            + " cancelled_at";
    private final PostgresTransactions tx;

    PostgresCampaigns(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(TenantId tenant, Campaign campaign, List<Recipient> recipients) {
        CampaignSegment s = campaign.segment();
        tx.withHandle(Optional.of(tenant), "store a campaign", h -> h.createUpdate("""
                        INSERT INTO public.campaigns (tenant_id, id, name, template_id, status, last_visit_before,
                            include_never_visited, service_ids, birthday_month, package_holders, no_shows_at_least,
                            client_ids, created_by, created_at, cancelled_at)
                        VALUES (:tenant, :id, :name, :template, :status, :lastVisitBefore, :includeNeverVisited,
                            :serviceIds, :birthdayMonth, :packageHolders, :noShows, :clientIds, :createdBy, :createdAt,
                            :cancelledAt)""")
                .bind("tenant", tenant.value())
                .bind("id", campaign.id().value())
                .bind("name", campaign.name())
                .bind("template", campaign.template().value())
                .bind("status", campaign.status().wireName())
                .bind("lastVisitBefore", s.lastVisitBefore().orElse(null))
                .bind("includeNeverVisited", s.includeNeverVisited())
                .bindArray("serviceIds", UUID.class, List.copyOf(s.serviceIds()))
                .bind("birthdayMonth", s.birthdayMonth().isPresent() ? (Integer) s.birthdayMonth().getAsInt() : null)
                .bind("packageHolders", s.packageHolders())
                .bind("noShows", s.noShowsAtLeast().isPresent() ? (Integer) s.noShowsAtLeast().getAsInt() : null)
                .bindArray("clientIds", UUID.class, List.copyOf(s.clientIds()))
                .bind("createdBy", campaign.createdBy().value())
                .bind("createdAt", campaign.createdAt())
                .bind("cancelledAt", campaign.cancelledAt().orElse(null))
                .execute());
        if (recipients.isEmpty()) {
            return;
        }
        tx.withHandle(Optional.of(tenant), "store a campaign's recipients", h -> h.createUpdate("""
                        INSERT INTO public.campaign_recipients (tenant_id, campaign_id, client_id, message_id)
                        SELECT :tenant, :campaign, r.client, r.message FROM unnest(:clients, :messages) AS r(client, message)""")
                .bind("tenant", tenant.value())
                .bind("campaign", campaign.id().value())
                .bindArray("clients", UUID.class, recipients.stream().map(r -> r.client().value()).toList())
                .bindArray("messages", UUID.class, recipients.stream().map(r -> r.message().value()).toList())
                .execute());
    }

    @Override
    public Optional<Campaign> find(TenantId tenant, CampaignId id) {
        return one(tenant, id, " FOR UPDATE");
    }

    @Override
    public Optional<Campaign> read(TenantId tenant, CampaignId id) {
        return one(tenant, id, "");
    }

    private Optional<Campaign> one(TenantId tenant, CampaignId id, String lock) {
        return tx.withHandle(Optional.of(tenant), "find a campaign", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.campaigns WHERE tenant_id = :tenant AND id = :id"
                        + lock)
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .map((rs, ctx) -> campaign(rs))
                .findOne());
    }

    @Override
    public Page<Campaign> list(TenantId tenant, PageRequest page) {
        Optional<KeysetCursor> after = page.cursor().map(KeysetCursor::decode);
        String sql = "SELECT " + COLUMNS + " FROM public.campaigns WHERE tenant_id = :tenant"
                + after.map(c -> " AND (created_at, id) < (:afterAt, :afterId)").orElse("")
                + " ORDER BY created_at DESC, id DESC LIMIT :limit";
        List<Campaign> rows = tx.withHandle(Optional.of(tenant), "list campaigns", h -> {
            var q = h.createQuery(sql).bind("tenant", tenant.value()).bind("limit", page.limit() + 1);
            after.ifPresent(c -> q.bind("afterAt", c.at()).bind("afterId", c.id()));
            return q.map((rs, ctx) -> campaign(rs)).list();
        });
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<Campaign> items = rows.subList(0, page.limit());
        Campaign last = items.get(items.size() - 1);
        return new Page<>(items, Optional.of(new KeysetCursor(last.createdAt(), last.id().value()).encode()));
    }

    @Override
    public void update(TenantId tenant, Campaign campaign) {
        int rows = tx.withHandle(Optional.of(tenant), "update a campaign", h -> h.createUpdate("""
                        UPDATE public.campaigns SET status = :status, cancelled_at = :cancelledAt
                        WHERE tenant_id = :tenant AND id = :id""")
                .bind("tenant", tenant.value())
                .bind("id", campaign.id().value())
                .bind("status", campaign.status().wireName())
                .bind("cancelledAt", campaign.cancelledAt().orElse(null))
                .execute());
        if (rows != 1) {
            throw new IllegalStateException("no campaign " + campaign.id() + " to update");
        }
    }

    @Override
    public Map<CampaignId, Progress> progress(TenantId tenant, Collection<CampaignId> campaigns) {
        Map<CampaignId, Progress> out = new HashMap<>();
        if (campaigns.isEmpty()) {
            return out;
        }
        record Row(CampaignId campaign, String status, String skipReason, long count, long replied) {
        }
        List<Row> rows = tx.withHandle(Optional.of(tenant), "count a campaign's progress", h -> h.createQuery(
                        PROGRESS)
                .bind("tenant", tenant.value())
                .bindArray("campaigns", UUID.class, campaigns.stream().map(CampaignId::value).distinct().toList())
                .map((rs, ctx) -> new Row(new CampaignId(Sql.uuid(rs, "campaign_id")), rs.getString("status"),
                        rs.getString("skip_reason"), rs.getLong("n"), rs.getLong("replied")))
                .list());
        Map<CampaignId, Map<MessageStatus, Long>> byStatus = new HashMap<>();
        Map<CampaignId, Map<SkipReason, Long>> skipped = new HashMap<>();
        Map<CampaignId, long[]> totals = new HashMap<>();
        for (Row r : rows) {
            MessageStatus status = MessageStatus.valueOf(r.status().toUpperCase(Locale.ROOT));
            byStatus.computeIfAbsent(r.campaign(), c -> new EnumMap<>(MessageStatus.class))
                    .merge(status, r.count(), Long::sum);
            if (r.skipReason() != null) {
                skipReason(r.skipReason()).ifPresent(reason -> skipped
                        .computeIfAbsent(r.campaign(), c -> new EnumMap<>(SkipReason.class))
                        .merge(reason, r.count(), Long::sum));
            }
            long[] t = totals.computeIfAbsent(r.campaign(), c -> new long[2]);
            t[0] += r.count();
            t[1] += r.replied();
        }
        totals.forEach((id, t) -> out.put(id, new Progress(t[0], byStatus.getOrDefault(id, Map.of()),
                skipped.getOrDefault(id, Map.of()), t[1])));
        return out;
    }

    /**
     * The links joined to their messages, grouped by campaign, status and skip reason; with each group,
     * how many of its recipients replied ({@link Campaigns.Progress}'s rule; the 72 hours are its
     * {@code REPLY_WINDOW}), each recipient looked up by the inbound messages' index of client and time.
     */
    private static final String PROGRESS = """
            SELECT r.campaign_id, m.status, m.skip_reason, count(*) AS n,
                   count(*) FILTER (WHERE m.wamid IS NOT NULL AND EXISTS (
                       SELECT 1 FROM public.inbound_messages i
                       WHERE i.tenant_id = r.tenant_id AND i.client_id = r.client_id
                         AND i.kind NOT IN ('reaction', 'system')
                         AND (i.context_wamid = m.wamid
                              OR (i.received_at >= m.created_at AND i.received_at < m.created_at + interval '72 hours'))))
                       AS replied
            FROM public.campaign_recipients r
            JOIN public.outbound_messages m ON m.tenant_id = r.tenant_id AND m.id = r.message_id
            WHERE r.tenant_id = :tenant AND r.campaign_id = ANY(:campaigns)
            GROUP BY r.campaign_id, m.status, m.skip_reason""";

    private static Optional<SkipReason> skipReason(String wire) {
        return Arrays.stream(SkipReason.values()).filter(r -> r.wireName().equals(wire)).findFirst();
    }

    @Override
    public Page<RecipientStatus> recipients(TenantId tenant, CampaignId id, PageRequest page) {
        Optional<KeysetCursor> after = page.cursor().map(KeysetCursor::decode);
        String sql = """
                SELECT r.client_id, r.message_id, m.status, m.status_at, m.skip_reason
                FROM public.campaign_recipients r
                JOIN public.outbound_messages m ON m.tenant_id = r.tenant_id AND m.id = r.message_id
                WHERE r.tenant_id = :tenant AND r.campaign_id = :campaign"""
                + after.map(c -> " AND r.client_id > :afterId").orElse("")
                + " ORDER BY r.client_id LIMIT :limit";
        List<RecipientStatus> rows = tx.withHandle(Optional.of(tenant), "list a campaign's recipients", h -> {
            var q = h.createQuery(sql).bind("tenant", tenant.value()).bind("campaign", id.value())
                    .bind("limit", page.limit() + 1);
            after.ifPresent(c -> q.bind("afterId", c.id()));
            return q.map((rs, ctx) -> new RecipientStatus(new ClientId(Sql.uuid(rs, "client_id")),
                    new OutboundMessageId(Sql.uuid(rs, "message_id")),
                    MessageStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), Sql.instant(rs, "status_at"),
                    Optional.ofNullable(rs.getString("skip_reason")).flatMap(PostgresCampaigns::skipReason))).list();
        });
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<RecipientStatus> items = rows.subList(0, page.limit());
        RecipientStatus last = items.get(items.size() - 1);
        return new Page<>(items, Optional.of(new KeysetCursor(Instant.EPOCH, last.client().value()).encode()));
    }

    @Override
    public int skipQueued(TenantId tenant, CampaignId id, Instant at) {
        return tx.withHandle(Optional.of(tenant), "skip a campaign's queued messages", h -> h.createUpdate("""
                        UPDATE public.outbound_messages m SET status = 'skipped', status_at = :at, next_attempt_at = NULL,
                            skip_reason = 'campaign_cancelled'
                        FROM public.campaign_recipients r
                        WHERE r.tenant_id = :tenant AND r.campaign_id = :campaign
                          AND m.tenant_id = r.tenant_id AND m.id = r.message_id AND m.status = 'queued'""")
                .bind("tenant", tenant.value())
                .bind("campaign", id.value())
                .bind("at", Sql.micros(at))
                .execute());
    }

    @Override
    public List<Membership> ofClient(TenantId tenant, ClientId client) {
        return tx.withHandle(Optional.of(tenant), "list a client's campaigns", h -> h.createQuery("""
                        SELECT c.id, c.name, c.created_at, r.message_id
                        FROM public.campaign_recipients r
                        JOIN public.campaigns c ON c.tenant_id = r.tenant_id AND c.id = r.campaign_id
                        WHERE r.tenant_id = :tenant AND r.client_id = :client
                        ORDER BY c.created_at, c.id""")
                .bind("tenant", tenant.value())
                .bind("client", client.value())
                .map((rs, ctx) -> new Membership(new CampaignId(Sql.uuid(rs, "id")), rs.getString("name"),
                        Sql.instant(rs, "created_at"), new OutboundMessageId(Sql.uuid(rs, "message_id"))))
                .list());
    }

    @Override
    public int eraseClient(TenantId tenant, ClientId client) {
        return tx.withHandle(Optional.of(tenant), "erase a client's campaign links", h -> h.createQuery("""
                        WITH gone AS (
                            DELETE FROM public.campaign_recipients WHERE tenant_id = :tenant AND client_id = :client
                            RETURNING campaign_id),
                        listed AS (
                            UPDATE public.campaigns SET client_ids = array_remove(client_ids, :client)
                            WHERE tenant_id = :tenant AND :client = ANY(client_ids)
                            RETURNING id)
                        SELECT (SELECT count(*) FROM gone) + (SELECT count(*) FROM listed)""")
                .bind("tenant", tenant.value())
                .bind("client", client.value())
                .mapTo(Integer.class)
                .one());
    }

    private static Campaign campaign(ResultSet rs) throws SQLException {
        LocalDate lastVisit = rs.getObject("last_visit_before", LocalDate.class);
        Integer month = (Integer) rs.getObject("birthday_month", Integer.class);
        Integer noShows = (Integer) rs.getObject("no_shows_at_least");
        CampaignSegment segment = new CampaignSegment(Optional.ofNullable(lastVisit),
                rs.getBoolean("include_never_visited"), uuids(rs.getArray("service_ids")),
                month == null ? OptionalInt.empty() : OptionalInt.of(month), rs.getBoolean("package_holders"),
                noShows == null ? OptionalInt.empty() : OptionalInt.of(noShows), uuids(rs.getArray("client_ids")));
        return new Campaign(new CampaignId(Sql.uuid(rs, "id")), rs.getString("name"),
                new TemplateId(Sql.uuid(rs, "template_id")), segment, CampaignStatus.parse(rs.getString("status")),
                new UserId(Sql.uuid(rs, "created_by")), Sql.instant(rs, "created_at"),
                Sql.optionalInstant(rs, "cancelled_at"));
    }

    private static Set<UUID> uuids(Array array) throws SQLException {
        Set<UUID> out = new LinkedHashSet<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add((UUID) o);
        }
        return out;
    }
}

package com.qleven.adapters.postgres.messaging;

import com.qleven.adapters.postgres.shared.KeysetCursor;
import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.InboundKind;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.ConversationEntry;
import com.qleven.ports.messaging.out.InboundMessage;
import com.qleven.ports.messaging.out.InboundMessages;
import com.qleven.ports.messaging.out.QueuedMessage;
import com.qleven.ports.messaging.out.StoredPreferenceChange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * {@code inbound_messages} and {@code whatsapp_preference_changes} (V35), under row-level security.
 * Every call is one statement but the conversation's page: the page's keys over both directions in
 * one, then its inbound and its outbound rows in one each (three, whatever the page's size).
 */
final class PostgresInboundMessages implements InboundMessages {
    private static final String COLUMNS = "tenant_id, id, wamid, contact_id, client_id, kind, received_at, stored_at,"
            + " context_wamid, reply_id, media_id, media_mime_type, media_filename, reaction_target, reaction_emoji,"
            + " system_type, content";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM public.inbound_messages";
    private final PostgresTransactions tx;

    PostgresInboundMessages(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean add(InboundMessage m) {
        return tx.withHandle(Optional.of(m.tenant()), "store an inbound message", h -> h.createUpdate(
                        "INSERT INTO public.inbound_messages (" + COLUMNS + """
                        ) VALUES (:tenant, :id, :wamid, :contact, :client, :kind, :receivedAt, :storedAt, :context,
                            :reply, :mediaId, :mime, :filename, :target, :emoji, :system, :content)
                        ON CONFLICT DO NOTHING""")
                .bind("tenant", m.tenant().value())
                .bind("id", m.id())
                .bind("wamid", m.wamid())
                .bind("contact", m.contact())
                .bind("client", m.client().map(ClientId::value).orElse(null))
                .bind("kind", m.kind().wireName())
                .bind("receivedAt", m.receivedAt())
                .bind("storedAt", m.storedAt())
                .bind("context", m.contextWamid().orElse(null))
                .bind("reply", m.replyId().orElse(null))
                .bind("mediaId", m.mediaId().orElse(null))
                .bind("mime", m.mediaMimeType().orElse(null))
                .bind("filename", m.sealedFilename().orElse(null))
                .bind("target", m.reactionTarget().orElse(null))
                .bind("emoji", m.reactionEmoji().orElse(null))
                .bind("system", m.systemType().orElse(null))
                .bind("content", m.sealedContent().orElse(null))
                .execute()) == 1;
    }

    @Override
    public Optional<InboundMessage> byWamid(TenantId tenant, String wamid) {
        return tx.withHandle(Optional.of(tenant), "find an inbound message", h -> h
                .createQuery(SELECT + " WHERE tenant_id = :tenant AND wamid = :wamid")
                .bind("tenant", tenant.value())
                .bind("wamid", wamid)
                .map((rs, ctx) -> message(rs))
                .findOne());
    }

    @Override
    public Map<String, InboundMessage> latestReactions(TenantId tenant, Collection<String> targets) {
        if (targets.isEmpty()) {
            return Map.of();
        }
        List<InboundMessage> rows = tx.withHandle(Optional.of(tenant), "read reactions", h -> h
                .createQuery("SELECT DISTINCT ON (reaction_target) " + COLUMNS + " FROM public.inbound_messages"
                        + " WHERE tenant_id = :tenant AND kind = 'reaction' AND reaction_target = ANY(:targets)"
                        + " ORDER BY reaction_target, received_at DESC, wamid COLLATE \"C\" DESC")
                .bind("tenant", tenant.value())
                .bindArray("targets", String.class, targets.stream().distinct().toList())
                .map((rs, ctx) -> message(rs))
                .list());
        Map<String, InboundMessage> latest = new LinkedHashMap<>();
        rows.forEach(m -> latest.put(m.reactionTarget().orElseThrow(), m));
        return latest;
    }

    private record Key(boolean inbound, UUID id) {
    }

    @Override
    public Page<ConversationEntry> conversation(TenantId tenant, ClientId client, PageRequest page) {
        Optional<KeysetCursor> after = page.cursor().map(KeysetCursor::decode);
        String before = after.map(a -> " AND (%s, id) < (:afterAt, :afterId)").orElse("");
        String sql = "(SELECT true AS inbound, id, received_at AS at FROM public.inbound_messages"
                + " WHERE tenant_id = :tenant AND client_id = :client AND kind <> 'reaction'"
                + before.formatted("received_at") + " ORDER BY received_at DESC, id DESC LIMIT :limit)"
                + " UNION ALL (SELECT false, id, created_at FROM public.outbound_messages"
                + " WHERE tenant_id = :tenant AND client_id = :client" + before.formatted("created_at")
                + " ORDER BY created_at DESC, id DESC LIMIT :limit)"
                + " ORDER BY at DESC, id DESC LIMIT :limit";
        List<ConversationEntry> rows = tx.withHandle(Optional.of(tenant), "read a client's conversation", h -> {
            var q = h.createQuery(sql).bind("tenant", tenant.value()).bind("client", client.value())
                    .bind("limit", page.limit() + 1);
            after.ifPresent(a -> q.bind("afterAt", a.at()).bind("afterId", a.id()));
            List<Key> keys = q.map((rs, ctx) -> new Key(rs.getBoolean("inbound"), Sql.uuid(rs, "id"))).list();
            Map<UUID, InboundMessage> in = inboundByIds(h, tenant,
                    keys.stream().filter(Key::inbound).map(Key::id).toList());
            Map<UUID, QueuedMessage> out = PostgresOutbox.byIds(h, tenant,
                            keys.stream().filter(k -> !k.inbound()).map(Key::id).toList()).stream()
                    .collect(Collectors.toMap(m -> m.state().id().value(), Function.identity()));
            List<ConversationEntry> entries = new ArrayList<>();
            for (Key k : keys) {
                // A row gone between the two reads (an erasure in between) is left out.
                if (k.inbound() && in.containsKey(k.id())) {
                    entries.add(ConversationEntry.of(in.get(k.id())));
                } else if (!k.inbound() && out.containsKey(k.id())) {
                    entries.add(ConversationEntry.of(out.get(k.id())));
                }
            }
            return entries;
        });
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<ConversationEntry> items = rows.subList(0, page.limit());
        ConversationEntry last = items.get(items.size() - 1);
        return new Page<>(items, Optional.of(new KeysetCursor(last.at(), last.id()).encode()));
    }

    private static Map<UUID, InboundMessage> inboundByIds(Handle h, TenantId tenant, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return h.createQuery(SELECT + " WHERE tenant_id = :tenant AND id = ANY(:ids)")
                .bind("tenant", tenant.value())
                .bindArray("ids", UUID.class, ids)
                .map((rs, ctx) -> message(rs))
                .list().stream().collect(Collectors.toMap(InboundMessage::id, Function.identity()));
    }

    @Override
    public int attribute(TenantId tenant, UUID contact, ClientId client) {
        return tx.withHandle(Optional.of(tenant), "attribute a contact's messages", h -> h.createUpdate(
                        "UPDATE public.inbound_messages SET client_id = :client WHERE tenant_id = :tenant"
                                + " AND contact_id = :contact AND client_id IS NULL")
                .bind("tenant", tenant.value())
                .bind("contact", contact)
                .bind("client", client.value())
                .execute());
    }

    @Override
    public List<InboundMessage> allOfClient(TenantId tenant, ClientId client) {
        return tx.withHandle(Optional.of(tenant), "list a client's inbound messages", h -> h
                .createQuery(SELECT + " WHERE tenant_id = :tenant AND client_id = :client ORDER BY received_at, id")
                .bind("tenant", tenant.value())
                .bind("client", client.value())
                .map((rs, ctx) -> message(rs))
                .list());
    }

    @Override
    public List<UUID> contactsOfClient(TenantId tenant, ClientId client) {
        return tx.withHandle(Optional.of(tenant), "list a client's contacts", h -> h
                .createQuery("SELECT DISTINCT contact_id FROM public.inbound_messages WHERE tenant_id = :tenant"
                        + " AND client_id = :client ORDER BY contact_id")
                .bind("tenant", tenant.value())
                .bind("client", client.value())
                .mapTo(UUID.class)
                .list());
    }

    @Override
    public long countOfContact(TenantId tenant, UUID contact) {
        return tx.withHandle(Optional.of(tenant), "count a contact's messages", h -> h
                .createQuery("SELECT count(*) FROM public.inbound_messages WHERE tenant_id = :tenant"
                        + " AND contact_id = :contact")
                .bind("tenant", tenant.value())
                .bind("contact", contact)
                .mapTo(Long.class)
                .one());
    }

    @Override
    public int eraseClient(TenantId tenant, ClientId client) {
        return tx.withHandle(Optional.of(tenant), "erase a client's inbound messages", h -> h.createUpdate(
                        "DELETE FROM public.inbound_messages WHERE tenant_id = :tenant AND client_id = :client")
                .bind("tenant", tenant.value())
                .bind("client", client.value())
                .execute());
    }

    @Override
    public boolean addPreference(StoredPreferenceChange p) {
        return tx.withHandle(Optional.of(p.tenant()), "store a preference change", h -> h.createUpdate("""
                        INSERT INTO public.whatsapp_preference_changes (tenant_id, id, contact_id, category, value,
                            changed_at, detail, stored_at)
                        VALUES (:tenant, :id, :contact, :category, :value, :changedAt, :detail, :storedAt)
                        ON CONFLICT DO NOTHING""")
                .bind("tenant", p.tenant().value())
                .bind("id", p.id())
                .bind("contact", p.contact())
                .bind("category", p.category())
                .bind("value", p.value())
                .bind("changedAt", p.changedAt())
                .bind("detail", p.detail().orElse(null))
                .bind("storedAt", p.storedAt())
                .execute()) == 1;
    }

    @Override
    public List<StoredPreferenceChange> preferencesOf(TenantId tenant, UUID contact) {
        return tx.withHandle(Optional.of(tenant), "list a contact's preference changes", h -> h
                .createQuery("SELECT tenant_id, id, contact_id, category, value, changed_at, detail, stored_at"
                        + " FROM public.whatsapp_preference_changes WHERE tenant_id = :tenant"
                        + " AND contact_id = :contact ORDER BY changed_at, id")
                .bind("tenant", tenant.value())
                .bind("contact", contact)
                .map((rs, ctx) -> new StoredPreferenceChange(new TenantId(Sql.uuid(rs, "tenant_id")),
                        Sql.uuid(rs, "id"), Sql.uuid(rs, "contact_id"), rs.getString("category"),
                        rs.getString("value"), Sql.instant(rs, "changed_at"),
                        Optional.ofNullable(rs.getString("detail")), Sql.instant(rs, "stored_at")))
                .list());
    }

    private static InboundMessage message(ResultSet rs) throws SQLException {
        return new InboundMessage(new TenantId(Sql.uuid(rs, "tenant_id")), Sql.uuid(rs, "id"), rs.getString("wamid"),
                Sql.uuid(rs, "contact_id"), Optional.ofNullable((UUID) rs.getObject("client_id")).map(ClientId::new),
                InboundKind.of(rs.getString("kind")), Sql.instant(rs, "received_at"), Sql.instant(rs, "stored_at"),
                text(rs, "context_wamid"), text(rs, "reply_id"), text(rs, "media_id"), text(rs, "media_mime_type"),
                Optional.ofNullable(rs.getBytes("media_filename")), text(rs, "reaction_target"),
                text(rs, "reaction_emoji"), text(rs, "system_type"), Optional.ofNullable(rs.getBytes("content")));
    }

    private static Optional<String> text(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }
}

package com.qleven.adapters.postgres.messaging;

import com.qleven.adapters.postgres.shared.KeysetCursor;
import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.ContactSummary;
import com.qleven.ports.messaging.out.WhatsAppContact;
import com.qleven.ports.messaging.out.WhatsAppContacts;
import com.qleven.ports.shared.out.BlindIndex;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code whatsapp_contacts} (V35), under row-level security; every call is one statement. */
final class PostgresWhatsAppContacts implements WhatsAppContacts {
    private static final String COLUMNS = "c.tenant_id, c.id, c.phone_index, c.phone, c.profile_name, c.first_seen_at,"
            + " c.last_inbound_at, c.match, c.staff_told, c.moved_to";
    private final PostgresTransactions tx;

    PostgresWhatsAppContacts(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean add(WhatsAppContact c) {
        return tx.withHandle(Optional.of(c.tenant()), "store a WhatsApp contact", h -> h.createUpdate("""
                        INSERT INTO public.whatsapp_contacts (tenant_id, id, phone_index, phone, profile_name,
                            first_seen_at, last_inbound_at, match, staff_told, moved_to)
                        VALUES (:tenant, :id, :index, :phone, :name, :firstSeen, :lastInbound, :match, :told, :movedTo)
                        ON CONFLICT DO NOTHING""")
                .bind("tenant", c.tenant().value())
                .bind("id", c.id())
                .bind("index", c.phoneIndex().hex())
                .bind("phone", c.sealedNumber())
                .bind("name", c.sealedProfileName().orElse(null))
                .bind("firstSeen", c.firstSeenAt())
                .bind("lastInbound", c.lastInboundAt().orElse(null))
                .bind("match", c.match().wireName())
                .bind("told", c.staffTold())
                .bind("movedTo", c.movedTo().orElse(null))
                .execute()) == 1;
    }

    @Override
    public Optional<WhatsAppContact> find(TenantId tenant, UUID id) {
        return tx.withHandle(Optional.of(tenant), "read a WhatsApp contact", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.whatsapp_contacts c WHERE c.tenant_id = :tenant"
                        + " AND c.id = :id")
                .bind("tenant", tenant.value())
                .bind("id", id)
                .map((rs, ctx) -> contact(rs))
                .findOne());
    }

    @Override
    public Optional<WhatsAppContact> byIndex(TenantId tenant, BlindIndex phoneIndex) {
        return tx.withHandle(Optional.of(tenant), "find a WhatsApp contact by number", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.whatsapp_contacts c WHERE c.tenant_id = :tenant"
                        + " AND c.phone_index = :index")
                .bind("tenant", tenant.value())
                .bind("index", phoneIndex.hex())
                .map((rs, ctx) -> contact(rs))
                .findOne());
    }

    @Override
    public void recordInbound(TenantId tenant, UUID contact, Instant at, Optional<byte[]> sealedProfileName) {
        tx.withHandle(Optional.of(tenant), "record a contact's message", h -> h.createUpdate("""
                        UPDATE public.whatsapp_contacts SET
                            profile_name = CASE WHEN CAST(:name AS bytea) IS NOT NULL
                                AND (last_inbound_at IS NULL OR :at >= last_inbound_at)
                                THEN CAST(:name AS bytea) ELSE profile_name END,
                            last_inbound_at = GREATEST(last_inbound_at, :at)
                        WHERE tenant_id = :tenant AND id = :id""")
                .bind("tenant", tenant.value())
                .bind("id", contact)
                .bind("at", at)
                .bind("name", sealedProfileName.orElse(null))
                .execute());
    }

    @Override
    public void setMatch(TenantId tenant, UUID contact, WhatsAppContact.Match match) {
        tx.withHandle(Optional.of(tenant), "record a contact's match", h -> h.createUpdate(
                        "UPDATE public.whatsapp_contacts SET match = :match WHERE tenant_id = :tenant AND id = :id"
                                + " AND match <> :match")
                .bind("tenant", tenant.value())
                .bind("id", contact)
                .bind("match", match.wireName())
                .execute());
    }

    @Override
    public void markStaffTold(TenantId tenant, UUID contact) {
        tx.withHandle(Optional.of(tenant), "mark a contact told", h -> h.createUpdate(
                        "UPDATE public.whatsapp_contacts SET staff_told = true WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant.value())
                .bind("id", contact)
                .execute());
    }

    @Override
    public void moveTo(TenantId tenant, UUID contact, UUID to) {
        tx.withHandle(Optional.of(tenant), "move a contact", h -> h.createUpdate(
                        "UPDATE public.whatsapp_contacts SET moved_to = :to WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant.value())
                .bind("id", contact)
                .bind("to", to)
                .execute());
    }

    @Override
    public Page<ContactSummary> awaitingAttribution(TenantId tenant, WhatsAppContact.Match match, PageRequest page) {
        Optional<KeysetCursor> after = page.cursor().map(KeysetCursor::decode);
        String sql = "SELECT " + COLUMNS + ", m.unattributed, m.last_message_at FROM public.whatsapp_contacts c"
                + " JOIN LATERAL (SELECT count(*) AS unattributed, max(received_at) AS last_message_at"
                + " FROM public.inbound_messages i WHERE i.tenant_id = c.tenant_id AND i.contact_id = c.id"
                + " AND i.client_id IS NULL) m ON m.unattributed > 0"
                + " WHERE c.tenant_id = :tenant AND c.match = :match AND c.last_inbound_at IS NOT NULL"
                + after.map(a -> " AND (c.last_inbound_at, c.id) < (:afterAt, :afterId)").orElse("")
                + " ORDER BY c.last_inbound_at DESC, c.id DESC LIMIT :limit";
        List<ContactSummary> rows = tx.withHandle(Optional.of(tenant), "list contacts to attribute", h -> {
            var q = h.createQuery(sql).bind("tenant", tenant.value()).bind("match", match.wireName())
                    .bind("limit", page.limit() + 1);
            after.ifPresent(a -> q.bind("afterAt", a.at()).bind("afterId", a.id()));
            return q.map((rs, ctx) -> new ContactSummary(contact(rs), rs.getLong("unattributed"),
                    Sql.instant(rs, "last_message_at"))).list();
        });
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<ContactSummary> items = rows.subList(0, page.limit());
        WhatsAppContact last = items.get(items.size() - 1).contact();
        return new Page<>(items, Optional.of(new KeysetCursor(last.lastInboundAt().orElseThrow(), last.id()).encode()));
    }

    @Override
    public boolean delete(TenantId tenant, UUID contact) {
        return tx.withHandle(Optional.of(tenant), "delete a WhatsApp contact", h -> h.createUpdate(
                        "DELETE FROM public.whatsapp_contacts WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant.value())
                .bind("id", contact)
                .execute()) == 1;
    }

    private static WhatsAppContact contact(ResultSet rs) throws SQLException {
        return new WhatsAppContact(new TenantId(Sql.uuid(rs, "tenant_id")), Sql.uuid(rs, "id"),
                new BlindIndex(rs.getString("phone_index")), rs.getBytes("phone"),
                Optional.ofNullable(rs.getBytes("profile_name")), Sql.instant(rs, "first_seen_at"),
                Sql.optionalInstant(rs, "last_inbound_at"), WhatsAppContact.Match.parse(rs.getString("match")),
                rs.getBoolean("staff_told"), Optional.ofNullable((UUID) rs.getObject("moved_to")));
    }
}

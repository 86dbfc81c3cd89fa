package com.qleven.adapters.postgres.messaging;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.DeliveryReport;
import com.qleven.ports.messaging.out.DeliveryReports;
import com.qleven.ports.messaging.out.StatusUpdate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code message_delivery_reports} (V33), under row-level security; every call is one statement. */
final class PostgresDeliveryReports implements DeliveryReports {
    private static final String COLUMNS = "tenant_id, message_id, pricing_category, pricing_model, pricing_billable,"
            + " pricing_type, pricing_at, conversation_id, conversation_origin, conversation_at, error_code,"
            + " error_title, error_message, error_details, error_at";
    private final PostgresTransactions tx;

    PostgresDeliveryReports(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<DeliveryReport> find(TenantId tenant, OutboundMessageId message) {
        return tx.withHandle(Optional.of(tenant), "read a message's delivery report", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.message_delivery_reports"
                        + " WHERE tenant_id = :tenant AND message_id = :message")
                .bind("tenant", tenant.value())
                .bind("message", message.value())
                .map((rs, ctx) -> report(rs))
                .findOne());
    }

    @Override
    public List<DeliveryReport> ofMessages(TenantId tenant, Collection<OutboundMessageId> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        return tx.withHandle(Optional.of(tenant), "read messages' delivery reports", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.message_delivery_reports"
                        + " WHERE tenant_id = :tenant AND message_id = ANY(:ids) ORDER BY message_id")
                .bind("tenant", tenant.value())
                .bindArray("ids", UUID.class, messages.stream().map(OutboundMessageId::value).distinct().toList())
                .map((rs, ctx) -> report(rs))
                .list());
    }

    @Override
    public void save(DeliveryReport r) {
        Optional<StatusUpdate.Pricing> p = r.pricing();
        Optional<StatusUpdate.Conversation> c = r.conversation();
        Optional<StatusUpdate.StatusError> e = r.lastError();
        tx.withHandle(Optional.of(r.tenant()), "store a message's delivery report", h -> h.createUpdate("""
                        INSERT INTO public.message_delivery_reports (""" + COLUMNS + """
                        ) VALUES (:tenant, :message, :category, :model, :billable, :type, :pricingAt, :conversation,
                            :origin, :conversationAt, :code, :title, :text, :details, :errorAt)
                        ON CONFLICT (tenant_id, message_id) DO UPDATE SET
                            pricing_category = EXCLUDED.pricing_category, pricing_model = EXCLUDED.pricing_model,
                            pricing_billable = EXCLUDED.pricing_billable, pricing_type = EXCLUDED.pricing_type,
                            pricing_at = EXCLUDED.pricing_at, conversation_id = EXCLUDED.conversation_id,
                            conversation_origin = EXCLUDED.conversation_origin,
                            conversation_at = EXCLUDED.conversation_at, error_code = EXCLUDED.error_code,
                            error_title = EXCLUDED.error_title, error_message = EXCLUDED.error_message,
                            error_details = EXCLUDED.error_details, error_at = EXCLUDED.error_at""")
                .bind("tenant", r.tenant().value())
                .bind("message", r.message().value())
                .bind("category", p.flatMap(StatusUpdate.Pricing::category).orElse(null))
                .bind("model", p.flatMap(StatusUpdate.Pricing::model).orElse(null))
                .bind("billable", p.flatMap(StatusUpdate.Pricing::billable).orElse(null))
                .bind("type", p.flatMap(StatusUpdate.Pricing::type).orElse(null))
                .bind("pricingAt", r.pricingAt().orElse(null))
                .bind("conversation", c.map(StatusUpdate.Conversation::id).orElse(null))
                .bind("origin", c.flatMap(StatusUpdate.Conversation::origin).orElse(null))
                .bind("conversationAt", r.conversationAt().orElse(null))
                .bind("code", e.map(StatusUpdate.StatusError::code).orElse(null))
                .bind("title", e.flatMap(StatusUpdate.StatusError::title).orElse(null))
                .bind("text", e.flatMap(StatusUpdate.StatusError::message).orElse(null))
                .bind("details", e.flatMap(StatusUpdate.StatusError::details).orElse(null))
                .bind("errorAt", r.lastErrorAt().orElse(null))
                .execute());
    }

    private static DeliveryReport report(ResultSet rs) throws SQLException {
        Optional<Instant> pricingAt = Sql.optionalInstant(rs, "pricing_at");
        Optional<StatusUpdate.Pricing> pricing = pricingAt.isEmpty() ? Optional.empty()
                : Optional.of(new StatusUpdate.Pricing(text(rs, "pricing_category"), text(rs, "pricing_model"),
                        Optional.ofNullable((Boolean) rs.getObject("pricing_billable")), text(rs, "pricing_type")));
        Optional<Instant> conversationAt = Sql.optionalInstant(rs, "conversation_at");
        Optional<StatusUpdate.Conversation> conversation = conversationAt.isEmpty() ? Optional.empty()
                : Optional.of(new StatusUpdate.Conversation(rs.getString("conversation_id"),
                        text(rs, "conversation_origin")));
        Optional<Instant> errorAt = Sql.optionalInstant(rs, "error_at");
        Optional<StatusUpdate.StatusError> error = errorAt.isEmpty() ? Optional.empty()
                : Optional.of(new StatusUpdate.StatusError(rs.getInt("error_code"), text(rs, "error_title"),
                        text(rs, "error_message"), text(rs, "error_details")));
        return new DeliveryReport(new TenantId(Sql.uuid(rs, "tenant_id")),
                new OutboundMessageId(Sql.uuid(rs, "message_id")), pricing, pricingAt, conversation, conversationAt,
                error, errorAt);
    }

    private static Optional<String> text(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }
}

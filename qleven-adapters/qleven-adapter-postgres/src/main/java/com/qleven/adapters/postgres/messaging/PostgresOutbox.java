package com.qleven.adapters.postgres.messaging;

import com.qleven.adapters.postgres.shared.KeysetCursor;
import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.MessageStatus;
import com.qleven.domain.messaging.OutboundMessage;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.messaging.SendFailure;
import com.qleven.domain.messaging.SkipReason;
import com.qleven.domain.messaging.TemplateId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.Outbox;
import com.qleven.ports.messaging.out.QueuedMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The outbox in {@code public.outbound_messages} (V32), under row-level security, every call one
 * statement. The V32 trigger keeps {@code directory.whatsapp_dispatch_due} in step with each write
 * that adds, ends or moves dispatch work, in the writer's unit, whatever code path writes.
 */
final class PostgresOutbox implements Outbox {
    private static final String COLUMNS = "id, client_id, appointment_id, purpose, status, status_at, attempts,"
            + " next_attempt_at, wamid, failure_code, failure_kind, failure_detail, skip_reason, resend_of,"
            + " template_id, template_name, template_language, parameters, created_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM public.outbound_messages";
    private final PostgresTransactions tx;

    PostgresOutbox(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(QueuedMessage message) {
        TenantId tenant = message.tenant();
        OutboundMessage m = message.state();
        tx.withHandle(Optional.of(tenant), "queue a message", h -> {
            var insert = h.createUpdate("""
                    INSERT INTO public.outbound_messages (tenant_id, id, client_id, appointment_id, purpose, status,
                        status_at, attempts, next_attempt_at, wamid, failure_code, failure_kind, failure_detail,
                        skip_reason, resend_of, template_id, template_name, template_language, parameters, created_at)
                    VALUES (:tenant, :id, :client, :appointment, :purpose, :status, :statusAt, :attempts, :next,
                        :wamid, :failureCode, :failureKind, :failureDetail, :skipReason, :resendOf, :template,
                        :templateName, :templateLanguage, :parameters, :createdAt)""")
                    .bind("tenant", tenant.value())
                    .bind("client", message.client().value())
                    .bind("appointment", message.appointment().map(AppointmentId::value).orElse(null))
                    .bind("purpose", m.purpose().wireName())
                    .bind("resendOf", m.resendOf().map(OutboundMessageId::value).orElse(null))
                    .bind("template", message.template().map(TemplateId::value).orElse(null))
                    .bind("templateName", message.templateName().orElse(null))
                    .bind("templateLanguage", message.templateLanguage().orElse(null))
                    .bind("parameters", message.sealedParameters())
                    .bind("createdAt", m.createdAt());
            return bindFate(insert, m).execute();
        });
    }

    /**
     * One INSERT of every row, the columns passed as arrays and unnested together (no bind-parameter
     * limit, one statement whatever the number of messages); the parameters travel as base64 text.
     */
    @Override
    public void addAll(List<QueuedMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        TenantId tenant = messages.get(0).tenant();
        if (messages.stream().anyMatch(m -> !m.tenant().equals(tenant))) {
            throw new IllegalArgumentException("a batch of messages is one center's");
        }
        java.util.function.Function<java.util.function.Function<QueuedMessage, Object>, List<String>> column =
                f -> messages.stream().map(m -> {
                    Object v = f.apply(m);
                    return v == null ? null : v instanceof Instant at ? Sql.micros(at).toString() : v.toString();
                }).toList();
        java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
        tx.withHandle(Optional.of(tenant), "queue messages", h -> h.createUpdate("""
                        INSERT INTO public.outbound_messages (tenant_id, id, client_id, appointment_id, purpose, status,
                            status_at, attempts, next_attempt_at, wamid, failure_code, failure_kind, failure_detail,
                            skip_reason, resend_of, template_id, template_name, template_language, parameters, created_at)
                        SELECT :tenant, r.id::uuid, r.client::uuid, r.appointment::uuid, r.purpose, r.status,
                            r.status_at::timestamptz, r.attempts::integer, r.next_at::timestamptz, r.wamid,
                            r.failure_code::integer, r.failure_kind, r.failure_detail, r.skip_reason, r.resend_of::uuid,
                            r.template::uuid, r.template_name, r.template_language, decode(r.parameters, 'base64'),
                            r.created_at::timestamptz
                        FROM unnest(:ids, :clients, :appointments, :purposes, :statuses, :statusAts, :attempts, :nexts,
                            :wamids, :failureCodes, :failureKinds, :failureDetails, :skipReasons, :resendOfs,
                            :templates, :templateNames, :templateLanguages, :parameters, :createdAts)
                            AS r(id, client, appointment, purpose, status, status_at, attempts, next_at, wamid,
                                 failure_code, failure_kind, failure_detail, skip_reason, resend_of, template,
                                 template_name, template_language, parameters, created_at)""")
                .bind("tenant", tenant.value())
                .bindArray("ids", String.class, column.apply(m -> m.state().id().value()))
                .bindArray("clients", String.class, column.apply(m -> m.client().value()))
                .bindArray("appointments", String.class,
                        column.apply(m -> m.appointment().map(AppointmentId::value).orElse(null)))
                .bindArray("purposes", String.class, column.apply(m -> m.state().purpose().wireName()))
                .bindArray("statuses", String.class, column.apply(m -> m.state().status().wireName()))
                .bindArray("statusAts", String.class, column.apply(m -> m.state().statusAt()))
                .bindArray("attempts", String.class, column.apply(m -> m.state().attempts()))
                .bindArray("nexts", String.class, column.apply(m -> m.state().nextAttemptAt().orElse(null)))
                .bindArray("wamids", String.class, column.apply(m -> m.state().wamid().orElse(null)))
                .bindArray("failureCodes", String.class,
                        column.apply(m -> m.state().failure().map(SendFailure::graphCode).orElse(null)))
                .bindArray("failureKinds", String.class, column.apply(m -> m.state().failure()
                        .map(f -> f.kind().name().toLowerCase(Locale.ROOT)).orElse(null)))
                .bindArray("failureDetails", String.class,
                        column.apply(m -> m.state().failure().flatMap(SendFailure::detail).orElse(null)))
                .bindArray("skipReasons", String.class,
                        column.apply(m -> m.state().skipReason().map(SkipReason::wireName).orElse(null)))
                .bindArray("resendOfs", String.class,
                        column.apply(m -> m.state().resendOf().map(OutboundMessageId::value).orElse(null)))
                .bindArray("templates", String.class, column.apply(m -> m.template().map(TemplateId::value).orElse(null)))
                .bindArray("templateNames", String.class, column.apply(m -> m.templateName().orElse(null)))
                .bindArray("templateLanguages", String.class, column.apply(m -> m.templateLanguage().orElse(null)))
                .bindArray("parameters", String.class, column.apply(m -> base64.encodeToString(m.sealedParameters())))
                .bindArray("createdAts", String.class, column.apply(m -> m.state().createdAt()))
                .execute());
    }

    @Override
    public java.util.Map<ClientId, Long> marketingSince(TenantId tenant, java.util.Collection<ClientId> clients,
                                                        Instant since) {
        java.util.Map<ClientId, Long> counts = new java.util.HashMap<>();
        if (clients.isEmpty()) {
            return counts;
        }
        tx.withHandle(Optional.of(tenant), "count clients' marketing messages", h -> h.createQuery("""
                        SELECT client_id, count(*) AS sent FROM public.outbound_messages
                        WHERE tenant_id = :tenant AND client_id = ANY(:clients) AND purpose = 'marketing'
                          AND status IN ('sending', 'sent', 'delivered', 'read', 'uncertain') AND status_at >= :since
                        GROUP BY client_id""")
                .bind("tenant", tenant.value())
                .bindArray("clients", UUID.class, clients.stream().map(ClientId::value).distinct().toList())
                .bind("since", since)
                .map((rs, ctx) -> java.util.Map.entry(new ClientId(Sql.uuid(rs, "client_id")), rs.getLong("sent")))
                .list())
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** The columns a message's fate moves, bound on an insert or an update. */
    private static <S extends SqlStatement<S>> S bindFate(S statement, OutboundMessage m) {
        return statement.bind("id", m.id().value())
                .bind("status", m.status().wireName())
                .bind("statusAt", m.statusAt())
                .bind("attempts", m.attempts())
                .bind("next", m.nextAttemptAt().orElse(null))
                .bind("wamid", m.wamid().orElse(null))
                .bind("failureCode", m.failure().map(SendFailure::graphCode).orElse(null))
                .bind("failureKind", m.failure().map(f -> f.kind().name().toLowerCase(Locale.ROOT)).orElse(null))
                .bind("failureDetail", m.failure().flatMap(SendFailure::detail).orElse(null))
                .bind("skipReason", m.skipReason().map(SkipReason::wireName).orElse(null));
    }

    @Override
    public Optional<QueuedMessage> find(TenantId tenant, OutboundMessageId id) {
        return tx.withHandle(Optional.of(tenant), "find a message", h -> h
                .createQuery(SELECT + " WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .map(mapper(tenant))
                .findOne());
    }

    @Override
    public Optional<QueuedMessage> findByWamid(TenantId tenant, String wamid) {
        return tx.withHandle(Optional.of(tenant), "find a message by its wamid", h -> h
                .createQuery(SELECT + " WHERE tenant_id = :tenant AND wamid = :wamid FOR UPDATE")
                .bind("tenant", tenant.value())
                .bind("wamid", wamid)
                .map(mapper(tenant))
                .findOne());
    }

    @Override
    public void update(TenantId tenant, OutboundMessage state) {
        int rows = tx.withHandle(Optional.of(tenant), "update a message", h -> bindFate(h.createUpdate("""
                        UPDATE public.outbound_messages SET status = :status, status_at = :statusAt,
                            attempts = :attempts, next_attempt_at = :next, wamid = :wamid, failure_code = :failureCode,
                            failure_kind = :failureKind, failure_detail = :failureDetail, skip_reason = :skipReason
                        WHERE tenant_id = :tenant AND id = :id"""), state)
                .bind("tenant", tenant.value())
                .execute());
        if (rows != 1) {
            throw new IllegalStateException("no message " + state.id() + " to update");
        }
    }

    @Override
    public List<QueuedMessage> lockDue(TenantId tenant, Instant now, int limit) {
        requireLimit(limit);
        return tx.withHandle(Optional.of(tenant), "lock due messages", h -> h
                .createQuery(SELECT + """
                         WHERE tenant_id = :tenant AND status = 'queued' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .bind("tenant", tenant.value())
                .bind("now", now)
                .bind("limit", limit)
                .map(mapper(tenant))
                .list());
    }

    @Override
    public List<TenantId> claimDueCenters(Instant now, Instant leaseUntil, int limit) {
        requireLimit(limit);
        return tx.withHandle("claim centers with messages to dispatch", h -> h
                .createQuery("""
                        UPDATE directory.whatsapp_dispatch_due d SET lease_until = :lease
                        FROM (SELECT tenant_id, due_at FROM directory.whatsapp_dispatch_due
                              WHERE due_at <= :now AND (lease_until IS NULL OR lease_until <= :now)
                              ORDER BY due_at, tenant_id LIMIT :limit FOR UPDATE SKIP LOCKED) due
                        WHERE d.tenant_id = due.tenant_id
                        RETURNING d.tenant_id, due.due_at""")
                .bind("lease", leaseUntil)
                .bind("now", now)
                .bind("limit", limit)
                .map((rs, ctx) -> new Claimed(new TenantId(Sql.uuid(rs, "tenant_id")), Sql.instant(rs, "due_at")))
                .list()
                .stream()
                // RETURNING keeps no order: earliest first, as claimed.
                .sorted(Comparator.comparing(Claimed::dueAt).thenComparing(c -> c.tenant().value().toString()))
                .map(Claimed::tenant)
                .toList());
    }

    private record Claimed(TenantId tenant, Instant dueAt) {
    }

    @Override
    public List<QueuedMessage> sendingSince(TenantId tenant, Instant before, int limit) {
        requireLimit(limit);
        return tx.withHandle(Optional.of(tenant), "list messages left sending", h -> h
                .createQuery(SELECT + """
                         WHERE tenant_id = :tenant AND status = 'sending' AND status_at < :before
                        ORDER BY status_at, id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .bind("tenant", tenant.value())
                .bind("before", before)
                .bind("limit", limit)
                .map(mapper(tenant))
                .list());
    }

    @Override
    public Page<QueuedMessage> ofClient(TenantId tenant, ClientId client, PageRequest page) {
        return newestFirst(tenant, "client_id", client.value(), page);
    }

    @Override
    public Page<QueuedMessage> ofAppointment(TenantId tenant, AppointmentId appointment, PageRequest page) {
        return newestFirst(tenant, "appointment_id", appointment.value(), page);
    }

    private Page<QueuedMessage> newestFirst(TenantId tenant, String column, UUID value, PageRequest page) {
        Optional<KeysetCursor> after = page.cursor().map(KeysetCursor::decode);
        String sql = SELECT + " WHERE tenant_id = :tenant AND " + column + " = :value"
                + after.map(c -> " AND (created_at, id) < (:afterAt, :afterId)").orElse("")
                + " ORDER BY created_at DESC, id DESC LIMIT :limit";
        List<QueuedMessage> rows = tx.withHandle(Optional.of(tenant), "list messages", h -> {
            var q = h.createQuery(sql).bind("tenant", tenant.value()).bind("value", value)
                    .bind("limit", page.limit() + 1);
            after.ifPresent(c -> q.bind("afterAt", c.at()).bind("afterId", c.id()));
            return q.map(mapper(tenant)).list();
        });
        return page(rows, page, m -> m.state().createdAt());
    }

    @Override
    public Page<QueuedMessage> uncertain(TenantId tenant, PageRequest page) {
        Optional<KeysetCursor> after = page.cursor().map(KeysetCursor::decode);
        String sql = SELECT + " WHERE tenant_id = :tenant AND status = 'uncertain'"
                + after.map(c -> " AND (status_at, id) > (:afterAt, :afterId)").orElse("")
                + " ORDER BY status_at, id LIMIT :limit";
        List<QueuedMessage> rows = tx.withHandle(Optional.of(tenant), "list uncertain messages", h -> {
            var q = h.createQuery(sql).bind("tenant", tenant.value()).bind("limit", page.limit() + 1);
            after.ifPresent(c -> q.bind("afterAt", c.at()).bind("afterId", c.id()));
            return q.map(mapper(tenant)).list();
        });
        return page(rows, page, m -> m.state().statusAt());
    }

    private static Page<QueuedMessage> page(List<QueuedMessage> rows, PageRequest page,
                                            Function<QueuedMessage, Instant> at) {
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<QueuedMessage> items = rows.subList(0, page.limit());
        QueuedMessage last = items.get(items.size() - 1);
        return new Page<>(items, Optional.of(new KeysetCursor(at.apply(last), last.state().id().value()).encode()));
    }

    @Override
    public List<QueuedMessage> allOfClient(TenantId tenant, ClientId client) {
        return tx.withHandle(Optional.of(tenant), "list a client's messages", h -> h
                .createQuery(SELECT + " WHERE tenant_id = :tenant AND client_id = :client ORDER BY created_at, id")
                .bind("tenant", tenant.value())
                .bind("client", client.value())
                .map(mapper(tenant))
                .list());
    }

    /**
     * One statement: the never attempted messages go (a resent message is always one that was
     * attempted, so no resend points at them), the others keep their fate and lose their parameters.
     */
    @Override
    public int eraseClient(TenantId tenant, ClientId client) {
        return tx.withHandle(Optional.of(tenant), "erase a client's messages", h -> h
                .createQuery("""
                        WITH gone AS (
                            DELETE FROM public.outbound_messages
                            WHERE tenant_id = :tenant AND client_id = :client AND status IN ('queued', 'skipped')
                              AND attempts = 0
                            RETURNING id),
                        emptied AS (
                            UPDATE public.outbound_messages SET parameters = ''::bytea
                            WHERE tenant_id = :tenant AND client_id = :client AND parameters <> ''::bytea
                              AND id NOT IN (SELECT id FROM gone)
                            RETURNING id)
                        SELECT (SELECT count(*) FROM gone) + (SELECT count(*) FROM emptied)""")
                .bind("tenant", tenant.value())
                .bind("client", client.value())
                .mapTo(Integer.class)
                .one());
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("a limit is 1 to 1000: " + limit);
        }
    }

    /** The center's messages of these ids, in the caller's statement handle (the conversation's second read). */
    static List<QueuedMessage> byIds(org.jdbi.v3.core.Handle h, TenantId tenant, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return h.createQuery(SELECT + " WHERE tenant_id = :tenant AND id = ANY(:ids)")
                .bind("tenant", tenant.value())
                .bindArray("ids", UUID.class, ids)
                .map(mapper(tenant))
                .list();
    }

    private static RowMapper<QueuedMessage> mapper(TenantId tenant) {
        return (rs, ctx) -> message(tenant, rs);
    }

    private static QueuedMessage message(TenantId tenant, ResultSet rs) throws SQLException {
        Integer code = (Integer) rs.getObject("failure_code");
        Optional<SendFailure> failure = code == null ? Optional.empty()
                : Optional.of(new SendFailure(code,
                        SendFailure.Kind.valueOf(rs.getString("failure_kind").toUpperCase(Locale.ROOT)),
                        Optional.ofNullable(rs.getString("failure_detail"))));
        Optional<SkipReason> skip = Optional.ofNullable(rs.getString("skip_reason"))
                .map(s -> SkipReason.valueOf(s.toUpperCase(Locale.ROOT)));
        OutboundMessage state = new OutboundMessage(new OutboundMessageId(Sql.uuid(rs, "id")),
                MessagePurpose.parse(rs.getString("purpose")), Sql.instant(rs, "created_at"),
                MessageStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), Sql.instant(rs, "status_at"),
                rs.getInt("attempts"), Sql.optionalInstant(rs, "next_attempt_at"),
                Optional.ofNullable(rs.getString("wamid")), failure, skip,
                Optional.ofNullable((UUID) rs.getObject("resend_of")).map(OutboundMessageId::new));
        UUID appointment = (UUID) rs.getObject("appointment_id");
        UUID template = (UUID) rs.getObject("template_id");
        return new QueuedMessage(tenant, state, new ClientId(Sql.uuid(rs, "client_id")),
                Optional.ofNullable(appointment).map(AppointmentId::new),
                Optional.ofNullable(template).map(TemplateId::new), Optional.ofNullable(rs.getString("template_name")),
                Optional.ofNullable(rs.getString("template_language")), rs.getBytes("parameters"));
    }
}

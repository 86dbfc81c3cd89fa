package com.qleven.adapters.postgres.clients;

import com.qleven.adapters.postgres.shared.KeysetCursor;
import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.shared.out.BlindIndex;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/**
 * A center's clients: ciphertext columns, blind-index columns and the name tokens table. Every
 * statement filters by {@code tenant_id} on top of row-level security; lists and lookups page by
 * keyset on (created_at, id).
 */
final class PostgresClients implements Clients {
    static final String COLUMNS = "tenant_id, id, full_name, phone, email, birth_date, notes, phone_index,"
            + " email_index, birth_year, birth_month, created_at, updated_at, version, billing_identity,"
            + " preferred_language";
    /** The row of {@link #COLUMNS} as a stored client; also read by the restrictions' joined lookup. */
    static final RowMapper<StoredClient> CLIENT = (rs, ctx) -> new StoredClient(
            new ClientId(Sql.uuid(rs, "id")), new TenantId(Sql.uuid(rs, "tenant_id")),
            rs.getBytes("full_name"), rs.getBytes("phone"), rs.getBytes("email"), rs.getBytes("birth_date"),
            rs.getBytes("notes"),
            Optional.ofNullable(rs.getString("phone_index")).map(BlindIndex::new),
            Optional.ofNullable(rs.getString("email_index")).map(BlindIndex::new),
            smallint(rs, "birth_year"), smallint(rs, "birth_month"),
            Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), rs.getLong("version"),
            rs.getBytes("billing_identity"), Optional.ofNullable(rs.getString("preferred_language")));

    private final PostgresTransactions tx;

    PostgresClients(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(StoredClient client, Set<BlindIndex> nameTokens) {
        tx.withHandle(Optional.of(client.tenant()), "add a client", h -> {
            bindValues(h.createUpdate("INSERT INTO public.clients (" + COLUMNS + ") VALUES (:tenant, :id, :fullName,"
                            + " :phone, :email, :birthDate, :notes, :phoneIndex, :emailIndex, :birthYear, :birthMonth,"
                            + " :created, :updated, :version, :billingIdentity, :preferredLanguage)"), client)
                    .execute();
            addTokens(h, client, nameTokens);
            return null;
        });
    }

    @Override
    public Optional<StoredClient> byId(TenantId tenant, ClientId id) {
        return tx.withHandle(Optional.of(tenant), "find a client", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.clients WHERE tenant_id = :tenant AND id = :id")
                .bind("tenant", tenant.value())
                .bind("id", id.value())
                .map(CLIENT)
                .findOne());
    }

    @Override
    public Map<ClientId, byte[]> sealedNames(TenantId tenant, Collection<ClientId> ids) {
        Map<ClientId, byte[]> names = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        tx.withHandle(Optional.of(tenant), "read clients' names", h -> h.createQuery(
                        "SELECT id, full_name FROM public.clients WHERE tenant_id = :tenant AND id = ANY(:ids)")
                .bind("tenant", tenant.value())
                .bindArray("ids", java.util.UUID.class, ids.stream().map(ClientId::value).distinct().toList())
                .map((rs, ctx) -> Map.entry(new ClientId(Sql.uuid(rs, "id")), rs.getBytes("full_name")))
                .list())
                .forEach(e -> names.put(e.getKey(), e.getValue()));
        return names;
    }

    @Override
    public Map<ClientId, StoredClient> byIds(TenantId tenant, Collection<ClientId> ids) {
        Map<ClientId, StoredClient> found = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        tx.withHandle(Optional.of(tenant), "read clients", h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM public.clients WHERE tenant_id = :tenant AND id = ANY(:ids)")
                .bind("tenant", tenant.value())
                .bindArray("ids", java.util.UUID.class, ids.stream().map(ClientId::value).distinct().toList())
                .map(CLIENT)
                .list())
                .forEach(c -> found.put(c.id(), c));
        return found;
    }

    @Override
    public boolean update(StoredClient client, Set<BlindIndex> nameTokens, long expectedVersion) {
        return tx.withHandle(Optional.of(client.tenant()), "update a client", h -> {
            int changed = bindValues(h.createUpdate("""
                            UPDATE public.clients SET full_name = :fullName, phone = :phone, email = :email,
                                   birth_date = :birthDate, notes = :notes, phone_index = :phoneIndex,
                                   email_index = :emailIndex, birth_year = :birthYear, birth_month = :birthMonth,
                                   created_at = :created, updated_at = :updated, version = :version,
                                   billing_identity = :billingIdentity, preferred_language = :preferredLanguage
                            WHERE tenant_id = :tenant AND id = :id AND version = :expected"""), client)
                    .bind("expected", expectedVersion)
                    .execute();
            if (changed == 0) {
                return false;
            }
            h.createUpdate("DELETE FROM public.client_name_tokens WHERE tenant_id = :tenant AND client_id = :id")
                    .bind("tenant", client.tenant().value())
                    .bind("id", client.id().value())
                    .execute();
            addTokens(h, client, nameTokens);
            return true;
        });
    }

    @Override
    public Page<StoredClient> list(TenantId tenant, PageRequest page) {
        return page(tenant, "list clients", "", q -> { }, page);
    }

    @Override
    public Page<StoredClient> byPhone(TenantId tenant, BlindIndex phone, PageRequest page) {
        return page(tenant, "find clients by phone", " AND phone_index = :index",
                q -> q.bind("index", phone.hex()), page);
    }

    @Override
    public Page<StoredClient> byEmail(TenantId tenant, BlindIndex email, PageRequest page) {
        return page(tenant, "find clients by email", " AND email_index = :index",
                q -> q.bind("index", email.hex()), page);
    }

    @Override
    public Page<StoredClient> byNameTokens(TenantId tenant, Set<BlindIndex> tokens, PageRequest page) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("a name lookup needs at least one token");
        }
        // A client matches when it holds every token; tokens are unique per client (primary key).
        return page(tenant, "find clients by name", " AND id IN (SELECT client_id FROM public.client_name_tokens"
                        + " WHERE tenant_id = :tenant AND token = ANY(:tokens)"
                        + " GROUP BY client_id HAVING count(*) = :tokenCount)",
                q -> q.bindArray("tokens", String.class, tokens.stream().map(BlindIndex::hex).toList())
                        .bind("tokenCount", tokens.size()),
                page);
    }

    private Page<StoredClient> page(TenantId tenant, String action, String filter, Consumer<Query> params,
                                    PageRequest page) {
        Optional<KeysetCursor> after = page.cursor().map(KeysetCursor::decode);
        List<StoredClient> rows = tx.withHandle(Optional.of(tenant), action, h -> {
            Query query = h.createQuery("SELECT " + COLUMNS + " FROM public.clients WHERE tenant_id = :tenant"
                            + filter
                            + (after.isPresent() ? " AND (created_at, id) > (:afterAt, :afterId)" : "")
                            + " ORDER BY created_at, id LIMIT :limit")
                    .bind("tenant", tenant.value())
                    // One more than asked tells whether another page follows.
                    .bind("limit", page.limit() + 1);
            params.accept(query);
            after.ifPresent(c -> query
                    .bind("afterAt", c.at())
                    .bind("afterId", c.id()));
            return query.map(CLIENT).list();
        });
        if (rows.size() <= page.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<StoredClient> items = rows.subList(0, page.limit());
        StoredClient last = items.get(items.size() - 1);
        return new Page<>(items, Optional.of(new KeysetCursor(last.createdAt(), last.id().value()).encode()));
    }

    private static void addTokens(Handle h, StoredClient client, Set<BlindIndex> nameTokens) {
        if (nameTokens.isEmpty()) {
            return;
        }
        h.createUpdate("""
                        INSERT INTO public.client_name_tokens (tenant_id, client_id, token)
                        SELECT :tenant, :id, t FROM unnest(:tokens) AS t""")
                .bind("tenant", client.tenant().value())
                .bind("id", client.id().value())
                .bindArray("tokens", String.class, nameTokens.stream().map(BlindIndex::hex).toList())
                .execute();
    }

    /** The row's values, each by its type so that an absent one is a NULL of its column's type. */
    private static Update bindValues(Update statement, StoredClient c) {
        return statement.bind("tenant", c.tenant().value())
                .bind("id", c.id().value())
                .bind("fullName", c.fullName())
                .bind("phone", c.phone())
                .bind("email", c.email())
                .bind("birthDate", c.birthDate())
                .bind("notes", c.notes())
                .bind("phoneIndex", c.phoneIndex().map(BlindIndex::hex).orElse(null))
                .bind("emailIndex", c.emailIndex().map(BlindIndex::hex).orElse(null))
                .bind("birthYear", c.birthYear().map(Integer::shortValue).orElse(null))
                .bind("birthMonth", c.birthMonth().map(Integer::shortValue).orElse(null))
                .bind("created", c.createdAt())
                .bind("updated", c.updatedAt())
                .bind("version", c.version())
                .bind("billingIdentity", c.billingIdentity())
                .bind("preferredLanguage", c.preferredLanguage().orElse(null));
    }

    private static Optional<Integer> smallint(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public Map<ClientId, StoredClient> all(TenantId tenant, int limit) {
        if (limit < 1 || limit > 100_000) {
            throw new IllegalArgumentException("a limit is 1 to 100000: " + limit);
        }
        Map<ClientId, StoredClient> found = new java.util.LinkedHashMap<>();
        tx.withHandle(Optional.of(tenant), "read the center's clients", h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM public.clients WHERE tenant_id = :tenant ORDER BY id LIMIT :limit")
                .bind("tenant", tenant.value())
                .bind("limit", limit)
                .map(CLIENT)
                .list())
                .forEach(c -> found.put(c.id(), c));
        return found;
    }
}

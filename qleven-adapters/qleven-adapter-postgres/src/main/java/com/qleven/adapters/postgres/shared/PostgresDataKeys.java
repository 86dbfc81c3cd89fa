package com.qleven.adapters.postgres.shared;

import com.qleven.ports.shared.out.DataKeys;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.shared.out.WrappedKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** Wrapped data keys in the keystore schema. */
final class PostgresDataKeys implements DataKeys {
    private static final String COLUMNS = "id, scope_kind, scope_owner, master_key_id, wrapped, created_at";
    private static final RowMapper<WrappedKey> KEY = (rs, ctx) -> new WrappedKey(Sql.uuid(rs, "id"),
            new KeyScope(rs.getString("scope_kind"), Sql.uuid(rs, "scope_owner")),
            rs.getString("master_key_id"), rs.getBytes("wrapped"), Sql.instant(rs, "created_at"));

    private final PostgresTransactions tx;

    PostgresDataKeys(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<WrappedKey> byId(UUID keyId) {
        return tx.withHandle("find a data key", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM keystore.data_keys WHERE id = :id")
                .bind("id", keyId)
                .map(KEY)
                .findOne());
    }

    @Override
    public List<WrappedKey> byIds(Collection<UUID> keyIds) {
        if (keyIds.isEmpty()) {
            return List.of();
        }
        return tx.withHandle("find data keys", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM keystore.data_keys WHERE id = ANY(:ids)")
                .bindArray("ids", UUID.class, keyIds.stream().distinct().toList())
                .map(KEY)
                .list());
    }

    @Override
    public java.util.Map<KeyScope, WrappedKey> currentOf(Collection<KeyScope> scopes) {
        java.util.Map<KeyScope, WrappedKey> found = new java.util.HashMap<>();
        if (scopes.isEmpty()) {
            return found;
        }
        List<KeyScope> distinct = scopes.stream().distinct().toList();
        tx.withHandle("find the current data keys", h -> h
                .createQuery("SELECT DISTINCT ON (k.scope_kind, k.scope_owner) " + COLUMNS.replaceAll("(^|, )", "$1k.")
                        + " FROM keystore.data_keys k"
                        + " JOIN unnest(:kinds, :owners) AS s(kind, owner) ON k.scope_kind = s.kind AND k.scope_owner = s.owner"
                        + " ORDER BY k.scope_kind, k.scope_owner, k.created_at DESC, k.id DESC")
                .bindArray("kinds", String.class, distinct.stream().map(KeyScope::kind).toList())
                .bindArray("owners", java.util.UUID.class, distinct.stream().map(KeyScope::owner).toList())
                .map(KEY)
                .list())
                .forEach(k -> found.put(k.scope(), k));
        return found;
    }

    @Override
    public Optional<WrappedKey> current(KeyScope scope) {
        return tx.withHandle("find the current data key", h -> current(h, scope));
    }

    @Override
    public WrappedKey addIfAbsent(WrappedKey key) {
        return tx.withHandle("add a data key", h -> {
            // Scopes may hold several keys after a rotation, so no unique key can arbitrate between
            // two hosts creating the first one: a lock per scope, held to the end of the
            // transaction, makes the second wait and then see the first one's key.
            h.createQuery("SELECT pg_advisory_xact_lock(hashtextextended(:scope, 0))")
                    .bind("scope", "keystore.data_keys|" + key.scope().kind() + "|" + key.scope().owner())
                    .mapTo(String.class)
                    .one();
            Optional<WrappedKey> existing = current(h, key.scope());
            if (existing.isPresent()) {
                return existing.get();
            }
            return insert(h, key);
        });
    }

    @Override
    public WrappedKey addNew(WrappedKey key) {
        // The scope's owner was made in this transaction: no other writer can know it, so there is
        // nothing to arbitrate and the key is the scope's first.
        return tx.withHandle("add a new scope's data key", h -> insert(h, key));
    }

    private static WrappedKey insert(Handle h, WrappedKey key) {
        h.createUpdate("INSERT INTO keystore.data_keys (" + COLUMNS
                        + ") VALUES (:id, :kind, :owner, :master, :wrapped, :created)")
                .bind("id", key.id())
                .bind("kind", key.scope().kind())
                .bind("owner", key.scope().owner())
                .bind("master", key.masterKeyId())
                .bind("wrapped", key.wrapped())
                .bind("created", key.createdAt())
                .execute();
        return new WrappedKey(key.id(), key.scope(), key.masterKeyId(), key.wrapped().clone(),
                Sql.micros(key.createdAt()));
    }

    @Override
    public void shred(KeyScope scope) {
        tx.withHandle("shred data keys", h -> h
                .createUpdate("DELETE FROM keystore.data_keys WHERE scope_kind = :kind AND scope_owner = :owner")
                .bind("kind", scope.kind())
                .bind("owner", scope.owner())
                .execute());
        // A cipher may keep the scope's keys for the rest of the unit: they must not outlive the shred.
        tx.forgetUnitLocals();
    }

    @Override
    public List<WrappedKey> wrappedByOtherThan(String masterKeyId, Optional<UUID> after, int limit) {
        return tx.withHandle("list data keys to re-wrap", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM keystore.data_keys WHERE master_key_id <> :master"
                        + (after.isPresent() ? " AND id > :after" : "") + " ORDER BY id LIMIT :limit")
                .bind("master", masterKeyId)
                .bind("after", after.orElse(null))
                .bind("limit", limit)
                .map(KEY)
                .list());
    }

    @Override
    public boolean rewrap(UUID keyId, String expectedMasterKeyId, String masterKeyId, byte[] wrapped) {
        return tx.withHandle("re-wrap a data key", h -> h
                .createUpdate("UPDATE keystore.data_keys SET master_key_id = :master, wrapped = :wrapped"
                        + " WHERE id = :id AND master_key_id = :expected")
                .bind("id", keyId)
                .bind("expected", expectedMasterKeyId)
                .bind("master", masterKeyId)
                .bind("wrapped", wrapped)
                .execute()) == 1;
    }

    @Override
    public Map<String, Long> countByMasterKey() {
        return tx.withHandle("count data keys by master key", h -> {
            Map<String, Long> counts = new TreeMap<>();
            h.createQuery("SELECT master_key_id, count(*) AS n FROM keystore.data_keys GROUP BY master_key_id")
                    .map((rs, ctx) -> Map.entry(rs.getString("master_key_id"), rs.getLong("n")))
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            return counts;
        });
    }

    private static Optional<WrappedKey> current(Handle h, KeyScope scope) {
        return h.createQuery("SELECT " + COLUMNS + " FROM keystore.data_keys"
                        + " WHERE scope_kind = :kind AND scope_owner = :owner"
                        + " ORDER BY created_at DESC, id DESC LIMIT 1")
                .bind("kind", scope.kind())
                .bind("owner", scope.owner())
                .map(KEY)
                .findOne();
    }
}

package com.qleven.adapters.postgres.shared;

import com.qleven.ports.shared.out.DataKeys;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.shared.out.WrappedKey;
import java.util.Optional;
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
                .bind("id", Sql.uuid(keyId))
                .map(KEY)
                .findOne());
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
            h.createUpdate("INSERT INTO keystore.data_keys (" + COLUMNS
                            + ") VALUES (:id, :kind, :owner, :master, :wrapped, :created)")
                    .bind("id", Sql.uuid(key.id()))
                    .bind("kind", key.scope().kind())
                    .bind("owner", Sql.uuid(key.scope().owner()))
                    .bind("master", key.masterKeyId())
                    .bind("wrapped", Sql.bytes(key.wrapped()))
                    .bind("created", Sql.instant(key.createdAt()))
                    .execute();
            return new WrappedKey(key.id(), key.scope(), key.masterKeyId(), key.wrapped().clone(),
                    Sql.micros(key.createdAt()));
        });
    }

    @Override
    public void shred(KeyScope scope) {
        tx.withHandle("shred data keys", h -> h
                .createUpdate("DELETE FROM keystore.data_keys WHERE scope_kind = :kind AND scope_owner = :owner")
                .bind("kind", scope.kind())
                .bind("owner", Sql.uuid(scope.owner()))
                .execute());
    }

    private static Optional<WrappedKey> current(Handle h, KeyScope scope) {
        return h.createQuery("SELECT " + COLUMNS + " FROM keystore.data_keys"
                        + " WHERE scope_kind = :kind AND scope_owner = :owner"
                        + " ORDER BY created_at DESC, id DESC LIMIT 1")
                .bind("kind", scope.kind())
                .bind("owner", Sql.uuid(scope.owner()))
                .map(KEY)
                .findOne();
    }
}

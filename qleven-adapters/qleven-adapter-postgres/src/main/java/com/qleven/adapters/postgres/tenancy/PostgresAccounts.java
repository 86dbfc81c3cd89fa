package com.qleven.adapters.postgres.tenancy;

import com.qleven.adapters.postgres.shared.PostgresTransactions;
import com.qleven.adapters.postgres.shared.Sql;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.StoredAccount;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/** The global accounts; their personal fields arrive and leave as ciphertext. */
final class PostgresAccounts implements Accounts {
    private static final String COLUMNS =
            "id, full_name, email, phone, password_hash, age_confirmed_at, is_operator, created_at";
    private static final RowMapper<StoredAccount> ACCOUNT = (rs, ctx) -> new StoredAccount(
            new UserId(Sql.uuid(rs, "id")), rs.getBytes("full_name"), rs.getBytes("email"), rs.getBytes("phone"),
            rs.getString("password_hash"), Sql.instant(rs, "age_confirmed_at"), rs.getBoolean("is_operator"),
            Sql.instant(rs, "created_at"));

    private final PostgresTransactions tx;

    PostgresAccounts(PostgresTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(StoredAccount account) {
        tx.withHandle("add an account", h -> h
                .createUpdate("INSERT INTO public.accounts (" + COLUMNS
                        + ") VALUES (:id, :fullName, :email, :phone, :hash, :ageConfirmed, :operator, :created)")
                .bind("id", account.id().value())
                .bind("fullName", account.fullName())
                .bind("email", account.email())
                .bind("phone", account.phone())
                .bind("hash", account.passwordHash())
                .bind("ageConfirmed", account.ageConfirmedAt())
                .bind("operator", account.operator())
                .bind("created", account.createdAt())
                .execute());
    }

    @Override
    public Optional<StoredAccount> byId(UserId id) {
        return tx.withHandle("find an account", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.accounts WHERE id = :id")
                .bind("id", id.value())
                .map(ACCOUNT)
                .findOne());
    }

    @Override
    public List<StoredAccount> byIds(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<UUID> values = ids.stream().map(UserId::value).distinct().toList();
        return tx.withHandle("find accounts", h -> h
                .createQuery("SELECT " + COLUMNS + " FROM public.accounts WHERE id = ANY(:ids)")
                .bindArray("ids", UUID.class, values)
                .map(ACCOUNT)
                .list());
    }

    @Override
    public List<StoredAccount> pageAfter(Optional<UserId> after, int limit) {
        return tx.withHandle("page through accounts", h -> {
            var query = h.createQuery("SELECT " + COLUMNS + " FROM public.accounts"
                            + (after.isPresent() ? " WHERE id > :after" : "") + " ORDER BY id LIMIT :limit")
                    .bind("limit", limit);
            after.ifPresent(a -> query.bind("after", a.value()));
            return query.map(ACCOUNT).list();
        });
    }

    @Override
    public void changePasswordHash(UserId id, String passwordHash) {
        tx.withHandle("change a password", h -> h
                .createUpdate("UPDATE public.accounts SET password_hash = :hash WHERE id = :id")
                .bind("id", id.value())
                .bind("hash", passwordHash)
                .execute());
    }
}

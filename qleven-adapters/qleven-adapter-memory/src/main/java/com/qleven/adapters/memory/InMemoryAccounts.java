package com.qleven.adapters.memory;

import com.qleven.domain.shared.UserId;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.StoredAccount;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The accounts in memory: global, like the directory schema. */
final class InMemoryAccounts implements Accounts {
    private final InMemoryTransactions tx;
    private final Map<UserId, StoredAccount> accounts = new HashMap<>();

    InMemoryAccounts(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(StoredAccount account) {
        tx.within(() -> {
            if (accounts.containsKey(account.id())) {
                throw new IllegalStateException("account " + account.id() + " exists");
            }
            tx.put(accounts, account.id(), account);
        });
    }

    @Override
    public Optional<StoredAccount> byId(UserId id) {
        return tx.within(() -> Optional.ofNullable(accounts.get(id)));
    }

    @Override
    public List<StoredAccount> byIds(Collection<UserId> ids) {
        return tx.within(() -> ids.stream().distinct().map(accounts::get).filter(Objects::nonNull).toList());
    }

    @Override
    public List<StoredAccount> pageAfter(Optional<UserId> after, int limit) {
        // The canonical text of a UUID sorts as PostgreSQL sorts uuid (unsigned bytes);
        // UUID.compareTo compares signed halves and would not.
        return tx.within(() -> accounts.values().stream()
                .filter(a -> after.map(id -> a.id().toString().compareTo(id.toString()) > 0).orElse(true))
                .sorted(Comparator.comparing(a -> a.id().toString()))
                .limit(limit).toList());
    }

    @Override
    public void changePasswordHash(UserId id, String passwordHash) {
        tx.within(() -> Optional.ofNullable(accounts.get(id)).ifPresent(a -> tx.put(accounts, id, new StoredAccount(
                a.id(), a.fullName(), a.email(), a.phone(), passwordHash, a.ageConfirmedAt(), a.operator(),
                a.createdAt()))));
    }
}

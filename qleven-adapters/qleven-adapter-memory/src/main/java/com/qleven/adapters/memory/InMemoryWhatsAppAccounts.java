package com.qleven.adapters.memory;

import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.ConnectedAccount;
import com.qleven.ports.messaging.out.ConnectedAccount.AccountStatus;
import com.qleven.ports.messaging.out.WhatsAppAccounts;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Connected numbers in memory, and the directory from phone-number ids to centers kept in step by
 * {@link #save} in the same unit, as PostgreSQL's {@code directory.whatsapp_numbers} is.
 */
final class InMemoryWhatsAppAccounts implements WhatsAppAccounts {
    private record Number(TenantId tenant, String wabaId) {
    }

    private final InMemoryTransactions tx;
    private final Map<TenantId, ConnectedAccount> accounts = new HashMap<>();
    private final Map<String, Number> numbers = new HashMap<>();

    InMemoryWhatsAppAccounts(InMemoryTransactions tx) {
        this.tx = tx;
    }

    @Override
    public Optional<ConnectedAccount> find(TenantId tenant) {
        return tx.within(() -> tx.visible(tenant) ? Optional.ofNullable(accounts.get(tenant))
                : Optional.<ConnectedAccount>empty());
    }

    @Override
    public void save(ConnectedAccount account) {
        Objects.requireNonNull(account, "account");
        tx.within(() -> {
            tx.checkWrite(account.tenant());
            Number holder = numbers.get(account.phoneNumberId());
            if (holder != null && !holder.tenant().equals(account.tenant())) {
                throw new ConflictException("another center has connected this phone-number id");
            }
            numbers.entrySet().stream()
                    .filter(e -> e.getValue().tenant().equals(account.tenant())
                            && !e.getKey().equals(account.phoneNumberId()))
                    .map(Map.Entry::getKey).toList()
                    .forEach(k -> tx.remove(numbers, k));
            tx.put(numbers, account.phoneNumberId(), new Number(account.tenant(), account.wabaId()));
            tx.put(accounts, account.tenant(), account);
        });
    }

    @Override
    public boolean markReconnectNeeded(TenantId tenant, Instant at) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            ConnectedAccount a = accounts.get(tenant);
            if (a == null || a.status() != AccountStatus.CONNECTED) {
                return false;
            }
            Instant updated = at.isAfter(a.updatedAt()) ? at : a.updatedAt();
            tx.put(accounts, tenant, new ConnectedAccount(a.tenant(), a.phoneNumberId(), a.wabaId(),
                    a.displayPhoneNumber(), a.sealedToken(), AccountStatus.RECONNECT_NEEDED, a.connectedAt(), updated,
                    a.version() + 1));
            return true;
        });
    }

    @Override
    public Optional<TenantId> centerOfPhoneNumber(String phoneNumberId) {
        return tx.within(() -> Optional.ofNullable(numbers.get(phoneNumberId)).map(Number::tenant));
    }

    @Override
    public List<TenantId> centersOfBusinessAccount(String wabaId) {
        return tx.within(() -> numbers.values().stream()
                .filter(n -> n.wabaId().equals(wabaId))
                .map(Number::tenant)
                .distinct()
                .sorted(Comparator.comparing(TenantId::value, InMemoryStore::compareAsPostgres))
                .toList());
    }
}

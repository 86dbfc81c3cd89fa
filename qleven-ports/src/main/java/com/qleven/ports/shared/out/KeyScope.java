package com.qleven.ports.shared.out;

import com.qleven.domain.shared.TenantId;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Whose data key encrypts a value: {@code account} and the account id, later {@code client} and
 * the client id, {@code finance} and the center id. Shredding the scope's keys makes its values
 * unreadable.
 */
public record KeyScope(String kind, UUID owner) {
    private static final Pattern KIND = Pattern.compile("^[a-z][a-z_]{1,30}$");

    public KeyScope {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(owner, "owner");
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("bad key scope kind " + kind);
        }
    }

    public static KeyScope account(UUID accountId) {
        return new KeyScope("account", accountId);
    }

    /**
     * The center's finance key: what must outlive a client, such as the billing identity its
     * invoices are made out to, is sealed under it, so erasing the client (shredding its own key)
     * leaves it readable. Created on first use, as every scope's key is.
     */
    public static KeyScope finance(TenantId center) {
        return new KeyScope("finance", center.value());
    }
}

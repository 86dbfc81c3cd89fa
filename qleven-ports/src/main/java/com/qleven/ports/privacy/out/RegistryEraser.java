package com.qleven.ports.privacy.out;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;

/**
 * Erases what one context holds about a client (GDPR Art. 17): personal fields deleted or
 * irreversibly anonymised, lookups (blind indexes, tokens) removed. What a legal duty keeps stays,
 * under its own key and marked restricted. Runs inside the caller's unit of work of the client's
 * center, so an erasure is whole or not at all.
 */
@FunctionalInterface
public interface RegistryEraser {
    /**
     * For a context whose records about a client hold ids only (the audit trail): nothing personal
     * is there to erase, and its append-only records stay.
     */
    RegistryEraser NOTHING_PERSONAL = (tenant, client) -> {
    };

    void erase(TenantId tenant, ClientId client);
}

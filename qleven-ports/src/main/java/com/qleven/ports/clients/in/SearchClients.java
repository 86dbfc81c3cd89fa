package com.qleven.ports.clients.in;

import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.tenancy.Principal;

/**
 * Finds the principal's center's clients by phone, email or name, oldest first, without decrypting
 * the table: through blind indexes and keyed name tokens. Never looks into another center.
 */
public interface SearchClients {

    /**
     * A page may hold fewer than {@code page.limit()} clients while {@code next} is present: a name
     * search drops candidates whose decrypted name does not match after all.
     *
     * @throws com.qleven.domain.shared.ValidationException on {@code phone} when it is not a valid
     *         number, on {@code name} when no part has two letters
     */
    Page<ClientView> search(Principal principal, ClientSearch search, PageRequest page);
}

package com.qleven.ports.messaging.out;

import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Each center's connected number (in the center's unit) and the global directory from Meta's ids to
 * centers, which webhooks use before they know the center. A phone-number id belongs to one center
 * at most; a business account may be shared by several centers of one owner.
 */
public interface WhatsAppAccounts {
    /** The center's number, if it connected one. */
    Optional<ConnectedAccount> find(TenantId tenant);

    /**
     * Connects or replaces the center's number and updates the directory in the same unit.
     *
     * @throws com.qleven.domain.shared.ConflictException when another center holds that phone-number id
     */
    void save(ConnectedAccount account);

    /**
     * Marks the center's connected number {@code reconnect_needed} (a 190 from Meta); false, changing
     * nothing, when it has none or it is already marked, so only the first 190 tells anyone.
     */
    boolean markReconnectNeeded(TenantId tenant, Instant at);

    /** The center a phone-number id belongs to (global unit). */
    Optional<TenantId> centerOfPhoneNumber(String phoneNumberId);

    /** The centers sharing a business account (global unit), in a stable order. */
    List<TenantId> centersOfBusinessAccount(String wabaId);
}

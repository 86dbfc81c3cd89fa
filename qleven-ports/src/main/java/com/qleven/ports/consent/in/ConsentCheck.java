package com.qleven.ports.consent.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.shared.TenantId;
import java.time.Instant;

/**
 * What every sender asks at the moment of sending, not when the message was queued (policy P5):
 * may this client be reached for this purpose now?
 */
public interface ConsentCheck {

    /**
     * True only when the client's latest entry for the purpose recorded at or before {@code at} is a
     * grant; for marketing the client must also be 16 or older on the center's date at {@code at}
     * when the birth date is known. False for a client the center does not have.
     */
    boolean allows(TenantId tenant, ClientId client, ConsentPurpose purpose, Instant at);
}

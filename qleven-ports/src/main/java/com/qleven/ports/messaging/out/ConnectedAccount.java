package com.qleven.ports.messaging.out;

import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A center's connected WhatsApp Business number: Meta's phone-number id and business account id,
 * the number as people read it, and the access token sealed under the center's {@code whatsapp} key
 * (see {@code application.messaging.TokenSeal}); the token never leaves the store unsealed but to
 * call Meta. {@code version} counts changes (optimistic concurrency).
 */
public record ConnectedAccount(TenantId tenant, String phoneNumberId, String wabaId, String displayPhoneNumber,
                               byte[] sealedToken, AccountStatus status, Instant connectedAt, Instant updatedAt,
                               long version) {
    public ConnectedAccount {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        Objects.requireNonNull(wabaId, "wabaId");
        Objects.requireNonNull(displayPhoneNumber, "displayPhoneNumber");
        Objects.requireNonNull(sealedToken, "sealedToken");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(connectedAt, "connectedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Whether messages may go out through it now. */
    public enum AccountStatus {
        CONNECTED,
        /** Meta refused the token (Graph code 190): nothing is sent until an administrator reconnects. */
        RECONNECT_NEEDED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return "ConnectedAccount[tenant=" + tenant + ", phoneNumberId=" + phoneNumberId + ", status=" + status + "]";
    }
}

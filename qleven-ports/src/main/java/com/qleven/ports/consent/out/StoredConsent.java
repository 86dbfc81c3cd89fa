package com.qleven.ports.consent.out;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentChannel;
import com.qleven.domain.consent.ConsentDecision;
import com.qleven.domain.consent.ConsentEntryId;
import com.qleven.domain.consent.ConsentNotice;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A consent entry as stored: the proof only as ciphertext under the client's data key (null when
 * there is none or after {@link ConsentLedger#eraseProofs}); everything else is the decision
 * record, kept in clear so that a sender can check it and an authority can read it.
 */
public record StoredConsent(ConsentEntryId id, TenantId tenant, ClientId client, ConsentPurpose purpose,
                            ConsentDecision decision, ConsentChannel channel, ConsentNotice notice, byte[] proof,
                            Optional<UserId> recordedBy, Instant recordedAt, boolean ageVerified) {
    public StoredConsent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    @Override
    public String toString() {
        return "StoredConsent[id=" + id + ", purpose=" + purpose + ", decision=" + decision.wireName() + "]";
    }
}

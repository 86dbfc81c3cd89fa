package com.qleven.domain.consent;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One append-only entry of the consent ledger: a client's decision on one purpose, how it came
 * (channel), which notice was shown, the evidence ({@code proof}, free text up to 2,000
 * characters, empty when none was given or after an erasure), who recorded it (a staff account;
 * none when the platform captured it, as a WhatsApp reply), the server time, and whether the
 * client's age was verified from a birth date. A change of mind is a new entry, never an edit.
 */
public record ConsentEntry(ConsentEntryId id, TenantId tenant, ClientId client, ConsentPurpose purpose,
                           ConsentDecision decision, ConsentChannel channel, ConsentNotice notice,
                           Optional<String> proof, Optional<UserId> recordedBy, Instant recordedAt,
                           boolean ageVerified) {
    public static final int MAX_PROOF = 2_000;

    public ConsentEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (proof.isPresent() && (proof.get().isBlank() || proof.get().length() > MAX_PROOF)) {
            throw new IllegalArgumentException("a proof is 1 to " + MAX_PROOF + " characters");
        }
        if (channel == ConsentChannel.WHATSAPP_REPLY && recordedBy.isPresent()) {
            throw new IllegalArgumentException("a WhatsApp reply is captured by the platform, not recorded by staff");
        }
    }

    /** Whether this entry leaves the purpose granted. */
    public boolean grants() {
        return decision == ConsentDecision.GRANTED;
    }

    @Override
    public String toString() {
        return "ConsentEntry[id=" + id + ", purpose=" + purpose + ", decision=" + decision.wireName() + "]";
    }
}

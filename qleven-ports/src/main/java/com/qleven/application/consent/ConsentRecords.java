package com.qleven.application.consent;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentEntry;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.consent.out.ConsentLedger;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.Transactions;
import java.util.List;

/**
 * The consent context's hooks for the privacy registry: what the ledger holds about a client (for
 * access and portability exports) and the erasure of its personal part. Both run inside the
 * caller's unit of work for the center (one is opened when none is), and neither checks a
 * permission nor records an audit event: the data-subject request that calls them does both.
 */
public final class ConsentRecords {
    private final Transactions transactions;
    private final ConsentLedger consentLedger;
    private final ConsentSeal seal;

    public ConsentRecords(Transactions transactions, ConsentLedger consentLedger, FieldCipher cipher) {
        this.transactions = transactions;
        this.consentLedger = consentLedger;
        this.seal = new ConsentSeal(cipher);
    }

    /** The client's entries, oldest first, with their proofs decrypted (empty once erased). */
    public List<ConsentEntry> export(TenantId tenant, ClientId client) {
        return transactions.inTenant(tenant,
                () -> consentLedger.history(tenant, client).stream().map(seal::open).toList());
    }

    /**
     * Blanks every proof of the client and keeps the decisions, so the center can still show that
     * each message it sent had a grant. Run it before the client's data key is shredded.
     *
     * @return how many proofs were erased
     */
    public int erase(TenantId tenant, ClientId client) {
        return transactions.inTenant(tenant, () -> consentLedger.eraseProofs(tenant, client));
    }
}

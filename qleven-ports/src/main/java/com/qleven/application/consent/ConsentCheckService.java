package com.qleven.application.consent;

import com.qleven.application.clients.ClientLookup;
import com.qleven.application.clients.ProcessingCheckService;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentAge;
import com.qleven.domain.consent.ConsentDecision;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.clients.out.ClientRestrictions;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.consent.in.ConsentCheck;
import com.qleven.ports.consent.out.ConsentLedger;
import com.qleven.ports.consent.out.ConsentPurposes;
import com.qleven.ports.consent.out.StoredConsent;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.out.Centers;
import java.time.Instant;
import java.util.Optional;

/**
 * The check senders make at dispatch: no message to a client whose processing is restricted
 * (Art. 18), then the latest entry at that instant, and the minors rule with
 * the birth date as it is then (a birth date corrected after a grant still stops marketing).
 */
public final class ConsentCheckService implements ConsentCheck {
    private final Transactions transactions;
    private final Centers centers;
    private final ConsentLedger consentLedger;
    private final ConsentPurposes consentPurposes;
    private final ClientLookup lookup;
    private final ProcessingCheckService processing;

    public ConsentCheckService(Transactions transactions, Centers centers, Clients clients,
                               ClientRestrictions clientRestrictions, ConsentLedger consentLedger,
                               ConsentPurposes consentPurposes, FieldCipher cipher) {
        this.transactions = transactions;
        this.centers = centers;
        this.consentLedger = consentLedger;
        this.consentPurposes = consentPurposes;
        this.lookup = new ClientLookup(clients, cipher);
        this.processing = new ProcessingCheckService(transactions, clientRestrictions);
    }

    @Override
    public boolean allows(TenantId tenant, ClientId client, ConsentPurpose purpose, Instant at) {
        Required.field(tenant, "tenant");
        Required.field(client, "client");
        Required.field(purpose, "purpose");
        Required.field(at, "at");
        return transactions.inTenant(tenant, () -> {
            if (!lookup.exists(tenant, client) || processing.restricted(tenant, client)) {
                return false;
            }
            Optional<StoredConsent> latest = consentLedger.latest(tenant, client, purpose, at);
            if (latest.isEmpty() || latest.get().decision() != ConsentDecision.GRANTED) {
                return false;
            }
            if (!ConsentRecorder.marketing(consentPurposes, tenant, purpose)) {
                return true;
            }
            return centers.byId(tenant)
                    .map(center -> ConsentAge.oldEnough(true, lookup.birthDate(tenant, client),
                            ConsentAge.centerDate(at, center.profile().timeZone())))
                    .orElse(false);
        });
    }
}

package com.qleven.application.consent;

import com.qleven.application.QlevenStore;
import com.qleven.application.clients.ClientLookup;
import com.qleven.application.clients.ProcessingCheckService;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentAge;
import com.qleven.domain.consent.ConsentDecision;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.consent.in.ConsentCheck;
import com.qleven.ports.consent.out.StoredConsent;
import com.qleven.ports.shared.out.FieldCipher;
import java.time.Instant;
import java.util.Optional;

/**
 * The check senders make at dispatch: no message to a client whose processing is restricted
 * (Art. 18), then the latest entry at that instant, and the minors rule with
 * the birth date as it is then (a birth date corrected after a grant still stops marketing).
 */
public final class ConsentCheckService implements ConsentCheck {
    private final QlevenStore store;
    private final ClientLookup clients;
    private final ProcessingCheckService processing;

    public ConsentCheckService(QlevenStore store, FieldCipher cipher) {
        this.store = store;
        this.clients = new ClientLookup(store, cipher);
        this.processing = new ProcessingCheckService(store);
    }

    @Override
    public boolean allows(TenantId tenant, ClientId client, ConsentPurpose purpose, Instant at) {
        Required.field(tenant, "tenant");
        Required.field(client, "client");
        Required.field(purpose, "purpose");
        Required.field(at, "at");
        return store.transactions().inTenant(tenant, () -> {
            if (!clients.exists(tenant, client) || processing.restricted(tenant, client)) {
                return false;
            }
            Optional<StoredConsent> latest = store.consentLedger().latest(tenant, client, purpose, at);
            if (latest.isEmpty() || latest.get().decision() != ConsentDecision.GRANTED) {
                return false;
            }
            if (!ConsentRecorder.marketing(store, tenant, purpose)) {
                return true;
            }
            return store.centers().byId(tenant)
                    .map(center -> ConsentAge.oldEnough(true, clients.birthDate(tenant, client),
                            ConsentAge.centerDate(at, center.profile().timeZone())))
                    .orElse(false);
        });
    }
}

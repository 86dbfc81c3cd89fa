package com.qleven.application.consent;

import com.qleven.application.clients.ClientLookup;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentEntry;
import com.qleven.domain.consent.ConsentState;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.consent.in.ConsentsView;
import com.qleven.ports.consent.in.GetConsents;
import com.qleven.ports.consent.out.ConsentLedger;
import com.qleven.ports.consent.out.ConsentPurposes;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** A client's consents with their proofs: read in the center's unit of work and audited there. */
public final class GetConsentsService implements GetConsents {
    private final Transactions transactions;
    private final ConsentLedger consentLedger;
    private final ConsentPurposes consentPurposes;
    private final ConsentSeal seal;
    private final ClientLookup lookup;
    private final AuditTrail audit;
    private final Clock clock;

    public GetConsentsService(Transactions transactions, Clients clients, ConsentLedger consentLedger,
                              ConsentPurposes consentPurposes, FieldCipher cipher, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.consentLedger = consentLedger;
        this.consentPurposes = consentPurposes;
        this.seal = new ConsentSeal(cipher);
        this.lookup = new ClientLookup(clients, cipher);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public ConsentsView get(Principal principal, ClientId client) {
        Required.field(client, "client");
        Permissions.require(principal, Permission.MANAGE_CONSENTS);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            if (!lookup.exists(tenant, client)) {
                throw new NotFoundException("client");
            }
            List<ConsentEntry> history = consentLedger.history(tenant, client).stream().map(seal::open).toList();
            audit.record(AuditEvent.by(principal, "consent.read", ConsentRecorder.SUBJECT, Optional.of(client.value()),
                    ConsentRecorder.PURPOSE, history.size(), clock.instant()));
            return new ConsentsView(client, ConsentState.of(history).current(
                    ConsentRecorder.centerPurposes(consentPurposes, tenant)), history);
        });
    }
}

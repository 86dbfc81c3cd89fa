package com.qleven.application.privacy;

import com.qleven.application.QlevenStore;
import com.qleven.application.clients.ClientContacts;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.privacy.PrivacyRequest;
import com.qleven.domain.privacy.PrivacyRequestId;
import com.qleven.domain.privacy.PrivacyRequestType;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.privacy.in.CompletePrivacyRequest;
import com.qleven.ports.privacy.in.PrivacyRequestView;
import com.qleven.ports.shared.out.FieldCipher;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Records who answered a request, when and how; a request is answered once. Answering a
 * restriction restricts the client (left out of non-administrators' lists and searches); an
 * objection puts the client's phone and email on the suppression list; answering an erasure runs
 * every eraser of the privacy registry. Both happen in the unit of work that records the answer:
 * the effect and the record of it commit together or not at all.
 */
public final class CompletePrivacyRequestService implements CompletePrivacyRequest {
    private final QlevenStore store;
    private final PrivacyRequestSeal seal;
    private final PrivacyRegistry registry;
    private final FieldCipher cipher;
    private final ClientContacts contacts;
    private final AuditTrail audit;
    private final Clock clock;

    public CompletePrivacyRequestService(QlevenStore store, FieldCipher cipher, PrivacyRegistry registry,
                                         AuditTrail audit, Clock clock) {
        this.store = store;
        this.seal = new PrivacyRequestSeal(cipher);
        this.registry = registry;
        this.cipher = cipher;
        this.contacts = new ClientContacts(store, cipher);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public PrivacyRequestView complete(Principal principal, PrivacyRequestId id, String outcome) {
        Required.field(id, "id");
        Required.field(outcome, "outcome");
        Permissions.require(principal, Permission.HANDLE_PRIVACY_REQUESTS);
        TenantId tenant = principal.requireTenant();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return store.transactions().inTenant(tenant, () -> {
            PrivacyRequest request = PrivacyRequestAccess.find(store, seal, tenant, id);
            PrivacyRequest completed = request.complete(principal.userId(), outcome, now);
            PrivacyRequestAccess.replace(store, seal.seal(completed), request.version());
            if (request.type() == PrivacyRequestType.RESTRICTION) {
                store.clientRestrictions().restrict(tenant, request.client(), now);
            }
            if (request.type() == PrivacyRequestType.OBJECTION) {
                suppress(tenant, request, now);
            }
            if (request.type() == PrivacyRequestType.ERASURE) {
                registry.erasers().forEach(eraser -> eraser.erase(tenant, request.client()));
                audit.record(AuditEvent.by(principal, "client.erase", "client", Optional.of(request.client().value()),
                        PrivacyRequestAccess.PURPOSE, 1, now));
            }
            PrivacyRequestAccess.record(audit, principal, "privacy_request.complete", id, now);
            return PrivacyRequestAccess.view(completed, now);
        });
    }

    /**
     * An objection to direct marketing is absolute (GDPR Art. 21(3)): the client's phone and email
     * go on the suppression list, keyed apart from the client record so the entry outlives it.
     */
    private void suppress(TenantId tenant, PrivacyRequest request, Instant now) {
        ClientContacts.Contacts reach = contacts.of(tenant, request.client());
        reach.phone().ifPresent(p -> store.suppressions().add(tenant, SuppressionKeys.of(cipher, tenant, p), now));
        reach.email().ifPresent(e -> store.suppressions().add(tenant, SuppressionKeys.of(cipher, tenant, e), now));
    }
}

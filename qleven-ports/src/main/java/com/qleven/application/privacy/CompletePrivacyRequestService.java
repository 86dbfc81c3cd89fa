package com.qleven.application.privacy;

import com.qleven.application.clients.ClientContacts;
import com.qleven.application.clients.RestrictionSeal;
import com.qleven.domain.privacy.PrivacyRequest;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.privacy.PrivacyRequest;
import com.qleven.domain.privacy.PrivacyRequestId;
import com.qleven.domain.privacy.PrivacyRequestType;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.clients.out.ClientRestrictions;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.privacy.in.CompletePrivacyRequest;
import com.qleven.ports.privacy.in.PrivacyRequestView;
import com.qleven.ports.privacy.out.PrivacyRequests;
import com.qleven.ports.privacy.out.StoredPrivacyRequest;
import com.qleven.ports.privacy.out.Suppressions;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records who answered a request, when and how; a request is answered once. Answering a
 * restriction restricts the client (see {@link com.qleven.ports.clients.in.ProcessingCheck}); an
 * objection puts the client's phone and email on the suppression list; answering an erasure runs
 * every eraser of the privacy registry. Each happens in the unit of work that records the answer:
 * the effect and the record of it commit together or not at all.
 *
 * <p>An objection survives an erasure in either order: an erasure of a client with an objection
 * open or answered writes the suppression entries (under their own keys) before anything is
 * shredded, so the objection answered later has its entries already; an objection received after
 * the erasure cannot be honoured from data that no longer exists, and is refused saying so rather
 * than recorded as completed.
 */
public final class CompletePrivacyRequestService implements CompletePrivacyRequest {
    private final Transactions transactions;
    private final Clients clients;
    private final ClientRestrictions clientRestrictions;
    private final PrivacyRequests privacyRequests;
    private final Suppressions suppressions;
    private final PrivacyRequestSeal seal;
    private final PrivacyRegistry registry;
    private final FieldCipher cipher;
    private final ClientContacts contacts;
    private final RestrictionSeal restrictions;
    private final AuditTrail audit;
    private final Clock clock;

    public CompletePrivacyRequestService(Transactions transactions, Clients clients,
                                         ClientRestrictions clientRestrictions, PrivacyRequests privacyRequests,
                                         Suppressions suppressions, FieldCipher cipher, PrivacyRegistry registry,
                                         AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.clients = clients;
        this.clientRestrictions = clientRestrictions;
        this.privacyRequests = privacyRequests;
        this.suppressions = suppressions;
        this.seal = new PrivacyRequestSeal(cipher);
        this.registry = registry;
        this.cipher = cipher;
        this.contacts = new ClientContacts(clients, cipher);
        this.restrictions = new RestrictionSeal(cipher);
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
        return transactions.inTenant(tenant, () -> {
            PrivacyRequest request = PrivacyRequestAccess.find(privacyRequests, seal, tenant, id);
            PrivacyRequest completed = request.complete(principal.userId(), outcome, now);
            List<StoredPrivacyRequest> ofClient = privacyRequests.ofClient(tenant, request.client());
            if (request.type() == PrivacyRequestType.OBJECTION) {
                refuseIfNothingToSuppress(tenant, request, ofClient);
            }
            PrivacyRequestAccess.replace(privacyRequests, seal.seal(completed), request.version());
            if (request.type() == PrivacyRequestType.RESTRICTION) {
                // The answer's outcome is why the client is restricted: what administrators are shown.
                clientRestrictions.restrict(tenant, request.client(), Optional.of(id.value()),
                        restrictions.seal(tenant, request.client(), RestrictionSeal.REASON,
                                completed.completion().orElseThrow().outcome()), now);
            }
            if (request.type() == PrivacyRequestType.OBJECTION) {
                suppress(tenant, request, now);
                privacyRequests.noteSuppressed(tenant, id, now);
            }
            if (request.type() == PrivacyRequestType.ERASURE) {
                // Before any eraser shreds the client's key: the objection's entries need the phone and email.
                List<StoredPrivacyRequest> objections = ofClient.stream()
                        .filter(r -> r.type() == PrivacyRequestType.OBJECTION).toList();
                if (!objections.isEmpty()) {
                    suppress(tenant, request, now);
                    objections.forEach(o -> privacyRequests.noteSuppressed(tenant, o.id(), now));
                }
                registry.erasers().forEach(eraser -> eraser.erase(tenant, request.client()));
                audit.record(AuditEvent.by(principal, "client.erase", "client", Optional.of(request.client().value()),
                        PrivacyRequestAccess.PURPOSE, 1, now));
            }
            PrivacyRequestAccess.record(audit, principal, "privacy_request.complete", id, now);
            return PrivacyRequestAccess.view(completed, now);
        });
    }

    /**
     * An objection received after the client's erasure: the phone and email are gone, so no entry
     * can be written, and answering it as completed would claim a suppression that does not exist.
     * One that was open when the client was erased had its entries written by that erasure.
     */
    private void refuseIfNothingToSuppress(TenantId tenant, PrivacyRequest objection,
                                           List<StoredPrivacyRequest> ofClient) {
        boolean erased = ofClient.stream()
                .anyMatch(r -> r.type() == PrivacyRequestType.ERASURE && r.completedAt().isPresent());
        if (erased && privacyRequests.suppressedAt(tenant, objection.id()).isEmpty()) {
            throw new ConflictException("the client was erased before this objection was received: their phone"
                    + " and email no longer exist, so nothing can be put on the suppression list; ask the person"
                    + " for the phone or email to suppress and record them again", Map.of("clientErased", true));
        }
    }

    /**
     * An objection to direct marketing is absolute (GDPR Art. 21(3)): the client's phone and email
     * go on the suppression list, keyed apart from the client record so the entry outlives it.
     */
    private void suppress(TenantId tenant, PrivacyRequest request, Instant now) {
        ClientContacts.Contacts reach = contacts.of(tenant, request.client());
        reach.phone().ifPresent(p -> suppressions.add(tenant, SuppressionKeys.of(cipher, tenant, p), now));
        reach.email().ifPresent(e -> suppressions.add(tenant, SuppressionKeys.of(cipher, tenant, e), now));
    }
}

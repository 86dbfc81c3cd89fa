package com.qleven.application.privacy;

import com.qleven.domain.privacy.PrivacyRequest;
import com.qleven.domain.privacy.PrivacyRequestId;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.privacy.in.CreatePrivacyRequest;
import com.qleven.ports.privacy.in.CreatePrivacyRequestCommand;
import com.qleven.ports.privacy.in.PrivacyRequestView;
import com.qleven.ports.privacy.out.PrivacyRequests;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Records a data-subject request of one of the center's clients, sealed and audited in one unit of work. */
public final class CreatePrivacyRequestService implements CreatePrivacyRequest {
    private final Transactions transactions;
    private final Clients clients;
    private final PrivacyRequests privacyRequests;
    private final PrivacyRequestSeal seal;
    private final AuditTrail audit;
    private final Clock clock;
    private final IdGenerator ids;

    public CreatePrivacyRequestService(Transactions transactions, Clients clients, PrivacyRequests privacyRequests,
                                       FieldCipher cipher, AuditTrail audit, Clock clock, IdGenerator ids) {
        this.transactions = transactions;
        this.clients = clients;
        this.privacyRequests = privacyRequests;
        this.seal = new PrivacyRequestSeal(cipher);
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public PrivacyRequestView create(Principal principal, CreatePrivacyRequestCommand command) {
        Required.field(command, "command");
        Permissions.require(principal, Permission.HANDLE_PRIVACY_REQUESTS);
        TenantId tenant = principal.requireTenant();
        // Every store keeps microseconds: the answer shows the instants as they will read back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PrivacyRequestId id = new PrivacyRequestId(ids.next());
        return transactions.inTenant(tenant, () -> {
            // The client is named in the body, not the path: another center's client, or none, is a 422
            // naming the field (API.md), the same answer for both so it tells nothing of other centers.
            if (clients.byId(tenant, command.clientId()).isEmpty()) {
                throw new UnprocessableException("clientId", "names no client of this center");
            }
            PrivacyRequest request = PrivacyRequest.receive(id, tenant, command.clientId(), command.type(),
                    command.note(), principal.userId(), now);
            privacyRequests.add(seal.seal(request));
            PrivacyRequestAccess.record(audit, principal, "privacy_request.create", id, now);
            return PrivacyRequestAccess.view(request, now);
        });
    }
}

package com.qleven.application.clients;

import com.qleven.domain.clients.Client;
import com.qleven.domain.clients.ClientDetails;
import com.qleven.domain.clients.ClientPatch;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.PreconditionFailedException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Center;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.clients.in.ClientView;
import com.qleven.ports.clients.in.UpdateClient;
import com.qleven.ports.clients.in.UpdateClientCommand;
import com.qleven.ports.clients.out.ClientRestrictions;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.PhoneNumbers;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.out.Centers;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Applies a merge patch to a client. The checks come in the order HTTP gives them: the role, the
 * client's existence, the caller's version (412 before anything about the body), the restriction,
 * then the patch.
 * A patch that changes nothing writes nothing and keeps the version. A client whose processing is
 * restricted (GDPR Art. 18) is not changed, by anyone, until an administrator lifts the restriction.
 */
public final class UpdateClientService implements UpdateClient {
    private final Transactions transactions;
    private final Centers centers;
    private final Clients clients;
    private final ClientRestrictions clientRestrictions;
    private final ClientSeal seal;
    private final PhoneNumbers phones;
    private final AuditTrail audit;
    private final Clock clock;

    public UpdateClientService(Transactions transactions, Centers centers, Clients clients,
                               ClientRestrictions clientRestrictions, FieldCipher cipher, PhoneNumbers phones,
                               AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.centers = centers;
        this.clients = clients;
        this.clientRestrictions = clientRestrictions;
        this.seal = new ClientSeal(cipher);
        this.phones = phones;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public ClientView update(Principal principal, UpdateClientCommand command) {
        Required.field(command, "command");
        Permissions.require(principal, Permission.MANAGE_CLIENTS);
        if (command.mergePatch().containsKey("notes")) {
            ClientAccess.requireNotes(principal);
        }
        TenantId tenant = principal.requireTenant();
        boolean notes = ClientAccess.mayReadNotes(principal);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.inTenant(tenant, () -> {
            StoredClient stored = clients.byId(tenant, command.id())
                    .orElseThrow(() -> new NotFoundException("client"));
            if (command.expectedVersion().isPresent() && command.expectedVersion().get() != stored.version()) {
                throw stale();
            }
            if (clientRestrictions.active(tenant, command.id()).isPresent()) {
                throw ClientAccess.restricted();
            }
            Center center = ClientAccess.center(centers, tenant);
            String country = center.profile().country();
            ClientPatch patch = ClientPatch.parse(command.mergePatch(), raw -> phones.parse("phone", raw, country));
            // The notes are opened to carry them over; they leave this service only for roles that may read them.
            seal.preload(List.of(stored));
            Client current = seal.open(stored, true);
            ClientDetails next = patch.applyTo(current.details()).checkedOn(ClientAccess.today(center, now));
            Client result = current;
            if (!next.equals(current.details())) {
                result = current.revise(next, now);
                boolean sameBilling = next.billingIdentity().equals(current.details().billingIdentity());
                ClientSeal.Sealed sealed = seal.seal(result, sameBilling ? stored.billingIdentity() : null);
                if (!clients.update(sealed.stored(), sealed.nameTokens(), stored.version())) {
                    if (command.expectedVersion().isPresent()) {
                        throw stale();
                    }
                    throw new ConflictException("the client changed while this update ran; read it again and retry");
                }
            }
            ClientAccess.record(audit, principal, "client.update", Optional.of(command.id().value()), 1, now);
            return ClientAccess.view(result, notes);
        });
    }

    private static PreconditionFailedException stale() {
        return new PreconditionFailedException("the client has changed since that version was read");
    }
}

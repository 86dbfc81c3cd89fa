package com.qleven.application.clients;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.clients.in.ClientView;
import com.qleven.ports.clients.in.LiftRestriction;
import com.qleven.ports.clients.out.ClientRestrictions;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Lifts a restriction of processing: the administrator, the reason and the instant are stored with
 * the restriction and an event goes on the audit trail, in one unit of work. The checks come in
 * the order HTTP gives them: the role, the client's existence (an id in the path), the reason, then
 * the client's state.
 */
public final class LiftRestrictionService implements LiftRestriction {
    /** Why a restriction is lifted: the person's rights, as it was restricted. */
    static final String PURPOSE = "data_subject_rights";
    static final int MAX_REASON = 2000;

    private final Transactions transactions;
    private final Clients clients;
    private final ClientRestrictions clientRestrictions;
    private final ClientSeal seal;
    private final RestrictionSeal restrictions;
    private final AuditTrail audit;
    private final Clock clock;

    public LiftRestrictionService(Transactions transactions, Clients clients, ClientRestrictions clientRestrictions,
                                  FieldCipher cipher, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.clients = clients;
        this.clientRestrictions = clientRestrictions;
        this.seal = new ClientSeal(cipher);
        this.restrictions = new RestrictionSeal(cipher);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public ClientView lift(Principal principal, ClientId client, String reason) {
        Permissions.require(principal, Permission.HANDLE_PRIVACY_REQUESTS);
        TenantId tenant = principal.requireTenant();
        boolean notes = ClientAccess.mayReadNotes(principal);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.inTenant(tenant, () -> {
            StoredClient stored = clients.byId(tenant, client)
                    .orElseThrow(() -> new NotFoundException("client"));
            String why = reason(reason);
            if (clientRestrictions.active(tenant, client).isEmpty()) {
                throw new ConflictException("the client's processing is not restricted: there is nothing to lift");
            }
            if (!clientRestrictions.lift(tenant, client, principal.userId(),
                    restrictions.seal(tenant, client, RestrictionSeal.LIFT_REASON, why), now)) {
                throw new ConflictException("the restriction changed meanwhile; read the client again");
            }
            audit.record(AuditEvent.by(principal, "client.lift_restriction", ClientAccess.SUBJECT,
                    Optional.of(client.value()), PURPOSE, 1, now));
            seal.preload(java.util.List.of(stored));
            return ClientAccess.view(seal.open(stored, notes), notes);
        });
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("reason", "is required");
        }
        String stripped = reason.strip();
        if (stripped.length() > MAX_REASON) {
            throw new ValidationException("reason", "must be at most " + MAX_REASON + " characters");
        }
        return stripped;
    }
}

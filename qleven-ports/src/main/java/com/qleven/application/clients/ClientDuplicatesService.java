package com.qleven.application.clients;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.clients.ClientDuplicateId;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.clients.in.ReviewClientDuplicates;
import com.qleven.ports.clients.out.ClientDuplicates;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The desk's possible duplicates: a page of open flags, recorded as a read of each client it names
 * (as client lists are), and their dismissal, on the audit trail as {@value #DISMISS}.
 */
public final class ClientDuplicatesService implements ReviewClientDuplicates {
    static final String LIST = "client_duplicate.list";
    static final String DISMISS = "client_duplicate.dismiss";
    static final String SUBJECT = "client_duplicate";

    private final Transactions transactions;
    private final ClientDuplicates duplicates;
    private final AuditTrail audit;
    private final Clock clock;

    public ClientDuplicatesService(Transactions transactions, ClientDuplicates duplicates, AuditTrail audit,
                                   Clock clock) {
        this.transactions = transactions;
        this.duplicates = duplicates;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Page<DuplicateView> list(Principal principal, PageRequest request) {
        Required.field(request, "request");
        Permissions.require(principal, Permission.MANAGE_CLIENT_DUPLICATES);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            Page<ClientDuplicates.Flag> page = duplicates.open(tenant, request);
            Set<ClientId> named = new LinkedHashSet<>();
            page.items().forEach(f -> {
                named.add(f.client());
                named.add(f.other());
            });
            ClientAccess.recordShown(audit, principal, LIST, List.copyOf(named), clock.instant());
            return new Page<>(page.items().stream().map(f -> new DuplicateView(f.id(), f.client(), f.other(),
                    f.matchedOn(), f.source(), f.appointment(), f.flaggedAt())).toList(), page.next());
        });
    }

    @Override
    public void dismiss(Principal principal, ClientDuplicateId id) {
        Required.field(id, "id");
        Permissions.require(principal, Permission.MANAGE_CLIENT_DUPLICATES);
        TenantId tenant = principal.requireTenant();
        transactions.inTenant(tenant, () -> {
            var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            switch (duplicates.dismiss(tenant, id, principal.userId(), now)) {
                case NOT_FOUND -> throw new NotFoundException("client duplicate");
                case DISMISSED -> audit.record(AuditEvent.by(principal, DISMISS, SUBJECT, Optional.of(id.value()),
                        ClientAccess.PURPOSE, 1, now));
                case ALREADY_DISMISSED -> {
                    // Nothing changed, so nothing to record: a retry is harmless.
                }
            }
            return null;
        });
    }
}

package com.qleven.application.privacy;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.privacy.PrivacyRequest;
import com.qleven.domain.privacy.PrivacyRequestStatus;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.privacy.in.ListPrivacyRequests;
import com.qleven.ports.privacy.in.PrivacyRequestView;
import com.qleven.ports.privacy.out.PrivacyRequestFilter;
import com.qleven.ports.privacy.out.PrivacyRequests;
import com.qleven.ports.privacy.out.StoredPrivacyRequest;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The center's requests, filtered by their status now; the read is audited with its row count. */
public final class ListPrivacyRequestsService implements ListPrivacyRequests {
    private final Transactions transactions;
    private final PrivacyRequests privacyRequests;
    private final PrivacyRequestSeal seal;
    private final AuditTrail audit;
    private final Clock clock;

    public ListPrivacyRequestsService(Transactions transactions, PrivacyRequests privacyRequests, FieldCipher cipher,
                                      AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.privacyRequests = privacyRequests;
        this.seal = new PrivacyRequestSeal(cipher);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Page<PrivacyRequestView> list(Principal principal, Optional<PrivacyRequestStatus> status,
                                         PageRequest page) {
        Required.field(status, "status");
        Required.field(page, "page");
        Permissions.require(principal, Permission.HANDLE_PRIVACY_REQUESTS);
        TenantId tenant = principal.requireTenant();
        Instant now = clock.instant();
        PrivacyRequestFilter filter = status.map(s -> filter(s, now)).orElse(PrivacyRequestFilter.ALL);
        return transactions.inTenant(tenant, () -> {
            Page<StoredPrivacyRequest> stored = privacyRequests.list(tenant, filter, page);
            Page<PrivacyRequestView> found = new Page<>(stored.items().stream()
                    .map(s -> PrivacyRequestAccess.view(seal.open(s), now)).toList(), stored.next());
            audit.record(AuditEvent.by(principal, "privacy_request.list",
                    PrivacyRequestAccess.SUBJECT, Optional.empty(), PrivacyRequestAccess.PURPOSE,
                    found.items().size(), now));
            return found;
        });
    }

    /** The due window of a status now, as {@link PrivacyRequest#status} decides it. */
    static PrivacyRequestFilter filter(PrivacyRequestStatus status, Instant now) {
        return switch (status) {
            case OPEN -> new PrivacyRequestFilter(true, Optional.empty(), Optional.empty());
            case DUE_SOON -> new PrivacyRequestFilter(true, Optional.of(now),
                    Optional.of(now.plus(PrivacyRequest.DUE_SOON)));
            case OVERDUE -> new PrivacyRequestFilter(true, Optional.empty(), Optional.of(now));
            case COMPLETED -> throw new ValidationException("status", "must be open, due_soon or overdue");
        };
    }
}

package com.qleven.application.privacy;

import com.qleven.domain.privacy.PrivacyRequestId;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.privacy.in.GetPrivacyRequest;
import com.qleven.ports.privacy.in.PrivacyRequestView;
import com.qleven.ports.privacy.out.PrivacyRequests;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Instant;

/** Reads one request; the read is audited, since its texts may describe the client. */
public final class GetPrivacyRequestService implements GetPrivacyRequest {
    private final Transactions transactions;
    private final PrivacyRequests privacyRequests;
    private final PrivacyRequestSeal seal;
    private final AuditTrail audit;
    private final Clock clock;

    public GetPrivacyRequestService(Transactions transactions, PrivacyRequests privacyRequests, FieldCipher cipher,
                                    AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.privacyRequests = privacyRequests;
        this.seal = new PrivacyRequestSeal(cipher);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public PrivacyRequestView get(Principal principal, PrivacyRequestId id) {
        Required.field(id, "id");
        Permissions.require(principal, Permission.HANDLE_PRIVACY_REQUESTS);
        TenantId tenant = principal.requireTenant();
        Instant now = clock.instant();
        return transactions.inTenant(tenant, () -> {
            PrivacyRequestView view =
                    PrivacyRequestAccess.view(PrivacyRequestAccess.find(privacyRequests, seal, tenant, id), now);
            PrivacyRequestAccess.record(audit, principal, "privacy_request.read", id, now);
            return view;
        });
    }
}

package com.qleven.application.privacy;

import com.qleven.domain.privacy.PrivacyRequest;
import com.qleven.domain.privacy.PrivacyRequestId;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.privacy.in.ExtendPrivacyRequest;
import com.qleven.ports.privacy.in.PrivacyRequestView;
import com.qleven.ports.privacy.out.PrivacyRequests;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Extends a request's due time with its reason; a refused extension writes nothing. */
public final class ExtendPrivacyRequestService implements ExtendPrivacyRequest {
    private final Transactions transactions;
    private final PrivacyRequests privacyRequests;
    private final PrivacyRequestSeal seal;
    private final AuditTrail audit;
    private final Clock clock;

    public ExtendPrivacyRequestService(Transactions transactions, PrivacyRequests privacyRequests, FieldCipher cipher,
                                       AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.privacyRequests = privacyRequests;
        this.seal = new PrivacyRequestSeal(cipher);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public PrivacyRequestView extend(Principal principal, PrivacyRequestId id, Integer months, String reason) {
        Required.field(id, "id");
        Permissions.require(principal, Permission.HANDLE_PRIVACY_REQUESTS);
        TenantId tenant = principal.requireTenant();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.inTenant(tenant, () -> {
            PrivacyRequest request = PrivacyRequestAccess.find(privacyRequests, seal, tenant, id);
            if (months == null) {
                throw new ValidationException("months", "is required");
            }
            PrivacyRequest extended = request.extend(months, reason, now);
            PrivacyRequestAccess.replace(privacyRequests, seal.seal(extended), request.version());
            PrivacyRequestAccess.record(audit, principal, "privacy_request.extend", id, now);
            return PrivacyRequestAccess.view(extended, now);
        });
    }
}

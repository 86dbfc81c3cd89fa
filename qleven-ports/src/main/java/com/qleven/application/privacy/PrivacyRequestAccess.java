package com.qleven.application.privacy;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.privacy.PrivacyRequest;
import com.qleven.domain.privacy.PrivacyRequestId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.privacy.in.PrivacyRequestView;
import com.qleven.ports.privacy.out.PrivacyRequests;
import com.qleven.ports.privacy.out.StoredPrivacyRequest;
import java.time.Instant;
import java.util.Optional;

/** What the request use cases share: the view, the lookup, the guarded write and the audit. */
final class PrivacyRequestAccess {
    /** Why the center's administrators touch these records: to honour the client's rights. */
    static final String PURPOSE = "data_subject_rights";
    static final String SUBJECT = "privacy_request";

    private PrivacyRequestAccess() {
    }

    static PrivacyRequestView view(PrivacyRequest r, Instant now) {
        return new PrivacyRequestView(r.id(), r.client(), r.type(), r.note(), r.receivedBy(), r.receivedAt(),
                r.dueAt(), r.status(now), r.extensionMonths(), r.extensionReason(),
                r.completion().map(PrivacyRequest.Completion::handler),
                r.completion().map(PrivacyRequest.Completion::at),
                r.completion().map(PrivacyRequest.Completion::outcome), r.version());
    }

    /** The center's request; another center's answers as none. */
    static PrivacyRequest find(PrivacyRequests requests, PrivacyRequestSeal seal, TenantId tenant,
                               PrivacyRequestId id) {
        return requests.byId(tenant, id).map(seal::open)
                .orElseThrow(() -> new NotFoundException("privacy request"));
    }

    /** Writes the changed request unless someone else changed it first, which the caller hears as a conflict. */
    static void replace(PrivacyRequests requests, StoredPrivacyRequest changed, long expectedVersion) {
        if (!requests.update(changed, expectedVersion)) {
            throw new ConflictException("the request changed meanwhile; read it again");
        }
    }

    static void record(AuditTrail audit, Principal principal, String action, PrivacyRequestId id, Instant at) {
        audit.record(AuditEvent.by(principal, action, SUBJECT, Optional.of(id.value()), PURPOSE, 1, at));
    }
}

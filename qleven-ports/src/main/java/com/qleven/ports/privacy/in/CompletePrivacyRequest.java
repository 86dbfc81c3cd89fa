package com.qleven.ports.privacy.in;

import com.qleven.domain.privacy.PrivacyRequestId;
import com.qleven.domain.tenancy.Principal;

/** Records the answer to a request: the principal as handler, now, and the outcome. */
public interface CompletePrivacyRequest {

    /**
     * @throws com.qleven.domain.shared.NotFoundException when the request is not one of the center's
     * @throws com.qleven.domain.shared.ConflictException when it is already completed
     */
    PrivacyRequestView complete(Principal principal, PrivacyRequestId id, String outcome);
}

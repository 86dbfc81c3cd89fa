package com.qleven.ports.privacy.in;

import com.qleven.domain.privacy.PrivacyRequestId;
import com.qleven.domain.tenancy.Principal;

/** One of the center's data-subject requests, with its status now. */
public interface GetPrivacyRequest {

    /** @throws com.qleven.domain.shared.NotFoundException when the request is not one of the center's */
    PrivacyRequestView get(Principal principal, PrivacyRequestId id);
}

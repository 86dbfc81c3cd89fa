package com.qleven.ports.privacy.in;

import com.qleven.domain.tenancy.Principal;

/** Records a client's data-subject request, received now and due in 30 calendar days. */
public interface CreatePrivacyRequest {

    /**
     * @throws com.qleven.domain.shared.NotFoundException when the client is not one of the center's
     * @throws com.qleven.domain.shared.ForbiddenException unless the role may handle privacy requests
     */
    PrivacyRequestView create(Principal principal, CreatePrivacyRequestCommand command);
}

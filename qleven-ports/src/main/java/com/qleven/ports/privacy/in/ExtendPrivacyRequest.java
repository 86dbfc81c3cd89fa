package com.qleven.ports.privacy.in;

import com.qleven.domain.privacy.PrivacyRequestId;
import com.qleven.domain.tenancy.Principal;

/** Extends a request's due time by one or two months, with its reason, before the first due time passes. */
public interface ExtendPrivacyRequest {

    /**
     * @param months 1 or 2; null (a request without it) is a
     *        {@link com.qleven.domain.shared.ValidationException} naming {@code months}, raised after
     *        the lookup so that another center's request answers as none whatever the body
     * @throws com.qleven.domain.shared.UnprocessableException naming {@code months}, {@code reason}
     *         or {@code dueAt}, as {@link com.qleven.domain.privacy.PrivacyRequest#extend} says
     * @throws com.qleven.domain.shared.NotFoundException when the request is not one of the center's
     */
    PrivacyRequestView extend(Principal principal, PrivacyRequestId id, Integer months, String reason);
}

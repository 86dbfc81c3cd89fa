package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;

/** Creates a center with its first administrator. */
public interface SignUp {

    record SignUpResult(TenantId tenantId, UserId userId) {
    }

    /**
     * @throws com.qleven.domain.shared.ConflictException when the email already has an account
     * @throws com.qleven.domain.shared.UnprocessableException when the age is not confirmed
     * @throws com.qleven.domain.shared.RateLimitedException after too many signups from one address
     */
    SignUpResult signUp(SignUpCommand command);
}

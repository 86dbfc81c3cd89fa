package com.qleven.ports.tenancy.in;

import com.qleven.domain.tenancy.Principal;
import com.qleven.domain.tenancy.SessionId;

/** Ends one of the principal's own sessions in its center; its token stops working at once. */
public interface RevokeSession {

    /** @throws com.qleven.domain.shared.NotFoundException for another person's session or none */
    void revoke(Principal principal, SessionId session);
}

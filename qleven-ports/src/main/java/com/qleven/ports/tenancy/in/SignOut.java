package com.qleven.ports.tenancy.in;

import com.qleven.domain.tenancy.Principal;

/** Ends the principal's session; its token stops working at once. */
public interface SignOut {
    void signOut(Principal principal);
}

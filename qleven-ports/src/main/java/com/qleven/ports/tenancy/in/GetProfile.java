package com.qleven.ports.tenancy.in;

import com.qleven.domain.tenancy.Principal;

/** Who the principal is. */
public interface GetProfile {
    UserView me(Principal principal);
}

package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.tenancy.Principal;

/** The members of the principal's center, oldest first. */
public interface ListUsers {
    Page<UserView> list(Principal principal, PageRequest page);
}

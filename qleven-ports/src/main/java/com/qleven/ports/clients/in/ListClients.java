package com.qleven.ports.clients.in;

import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.tenancy.Principal;

/** The clients of the principal's center, oldest first. */
public interface ListClients {
    Page<ClientView> list(Principal principal, PageRequest page);
}

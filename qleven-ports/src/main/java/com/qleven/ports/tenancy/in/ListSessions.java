package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.tenancy.Principal;

/** The principal's own sessions in its center (a platform operator's own platform sessions), newest first. */
public interface ListSessions {
    Page<SessionView> list(Principal principal, PageRequest page);

    /** @throws com.qleven.domain.shared.NotFoundException for another person's session or none */
    SessionView get(Principal principal, com.qleven.domain.tenancy.SessionId session);
}

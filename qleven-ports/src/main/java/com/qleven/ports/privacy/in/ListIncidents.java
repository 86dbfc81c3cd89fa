package com.qleven.ports.privacy.in;

import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.tenancy.Principal;

/**
 * The incident register, newest detection first: every incident for an operator, the center's own
 * for its administrators (each showing only that center among the affected ones).
 */
public interface ListIncidents {
    Page<IncidentView> list(Principal principal, PageRequest page);
}

package com.qleven.ports.privacy.in;

import com.qleven.domain.privacy.IncidentId;
import com.qleven.domain.tenancy.Principal;

/**
 * One incident: whole for an operator; for a center's administrators only when it affected the
 * center, showing only the center among the affected ones.
 */
public interface GetIncident {
    /** @throws com.qleven.domain.shared.NotFoundException when there is none, or it did not affect the center */
    IncidentView get(Principal principal, IncidentId id);
}

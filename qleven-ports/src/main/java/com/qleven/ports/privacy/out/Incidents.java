package com.qleven.ports.privacy.out;

import com.qleven.domain.privacy.Incident;
import com.qleven.domain.privacy.IncidentId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import java.util.Optional;

/**
 * The platform's incident register: global records (the breach is the platform's, as processor),
 * readable in any unit of work. Pages are newest detection first, then by id.
 */
public interface Incidents {

    void add(Incident incident);

    Optional<Incident> byId(IncidentId id);

    Page<Incident> list(PageRequest page);

    /** Only the incidents that name {@code center} among the affected ones. */
    Page<Incident> listAffecting(TenantId center, PageRequest page);
}

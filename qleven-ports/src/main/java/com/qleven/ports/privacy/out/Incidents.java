package com.qleven.ports.privacy.out;

import com.qleven.domain.privacy.IncidentId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import java.util.Optional;

/**
 * The platform's incident register: global records (the breach is the platform's, as processor),
 * readable in any unit of work. Pages are newest detection first, then by id. The description
 * arrives sealed and is kept as it arrives.
 */
public interface Incidents {

    void add(StoredIncident incident);

    Optional<StoredIncident> byId(IncidentId id);

    Page<StoredIncident> list(PageRequest page);

    /** Only the incidents that name {@code center} among the affected ones. */
    Page<StoredIncident> listAffecting(TenantId center, PageRequest page);
}

package com.qleven.ports.scheduling.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What scheduling tells other contexts of the center's clients' visits, for a campaign's segment:
 * for services of other contexts, not for principals (no permission, no audit), in the unit of work
 * open on the caller's thread. One statement of the store whatever the number of clients.
 */
public interface ClientActivity {

    /** Every client of the center with at least one appointment, with what their appointments say. */
    Map<ClientId, Activity> of(TenantId tenant);

    /**
     * A client's visits: the start of their last completed appointment (none if they never completed
     * one), the services of their completed appointments and how many appointments were no-shows.
     */
    record Activity(Optional<Instant> lastVisit, Set<ServiceId> servicesTaken, int noShows) {
        public Activity {
            Objects.requireNonNull(lastVisit, "lastVisit");
            servicesTaken = Set.copyOf(servicesTaken);
            if (noShows < 0) {
                throw new IllegalArgumentException("noShows >= 0");
            }
        }
    }
}

package com.qleven.ports.billing.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which of the center's clients hold a prepaid package with uses left, for a campaign's segment: for
 * services of other contexts, not for principals (no permission, no audit), in the unit of work open
 * on the caller's thread, one statement of the store.
 */
@FunctionalInterface
public interface PackageHolders {

    /** The clients holding a package valid on {@code day} (not refunded, not expired) with something left. */
    Set<ClientId> on(TenantId tenant, LocalDate day);
}

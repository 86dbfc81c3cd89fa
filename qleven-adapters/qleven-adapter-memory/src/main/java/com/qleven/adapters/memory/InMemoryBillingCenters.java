package com.qleven.adapters.memory;

import com.qleven.domain.billing.BillingSettings;
import com.qleven.domain.scheduling.SchedulingSettings;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.billing.out.BillingCenters;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Centers as billing reads them, in memory: the center, its locale and its billing settings. */
final class InMemoryBillingCenters implements BillingCenters {
    private final InMemoryTransactions tx;
    private final InMemoryCenters centers;
    private final InMemorySchedulingSettings scheduling;
    private final Map<TenantId, BillingSettings> settings = new HashMap<>();

    InMemoryBillingCenters(InMemoryTransactions tx, InMemoryCenters centers, InMemorySchedulingSettings scheduling) {
        this.tx = tx;
        this.centers = centers;
        this.scheduling = scheduling;
    }

    @Override
    public Optional<BillingCenter> byId(TenantId tenant) {
        return tx.within(() -> centers.byId(tenant).map(c -> new BillingCenter(tenant, c.profile(),
                scheduling.get(tenant).map(SchedulingSettings::locale),
                settings.getOrDefault(tenant, BillingSettings.defaults()))));
    }

    @Override
    public void save(TenantId tenant, BillingSettings value, Instant at) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            tx.put(settings, tenant, value);
        });
    }
}

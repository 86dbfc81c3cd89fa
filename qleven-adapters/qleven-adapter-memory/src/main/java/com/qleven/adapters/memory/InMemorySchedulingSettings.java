package com.qleven.adapters.memory;

import com.qleven.domain.scheduling.SchedulingSettings;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.scheduling.out.SchedulingSettingsRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Settings per center, and the global slug directory, in memory. */
final class InMemorySchedulingSettings implements SchedulingSettingsRepository {
    private final InMemoryTransactions tx;
    private final InMemoryCenters centers;
    private final InMemoryCatalogue catalogue;
    private final Map<TenantId, SchedulingSettings> settings = new HashMap<>();
    private final Map<String, TenantId> slugs = new HashMap<>();

    InMemorySchedulingSettings(InMemoryTransactions tx, InMemoryCenters centers, InMemoryCatalogue catalogue) {
        this.tx = tx;
        this.centers = centers;
        this.catalogue = catalogue;
    }

    @Override
    public Optional<CenterWithSettings> centerWithSettings(TenantId tenant) {
        return tx.within(() -> centers.byId(tenant).map(c -> new CenterWithSettings(c.profile(), get(tenant))));
    }

    @Override
    public Optional<CenterWithService> centerWithService(TenantId tenant, ServiceId service) {
        return tx.within(() -> centerWithSettings(tenant).map(c -> new CenterWithService(c,
                catalogue.service(tenant, service))));
    }

    @Override
    public Optional<SchedulingSettings> get(TenantId tenant) {
        return tx.within(() -> tx.visible(tenant) ? Optional.ofNullable(settings.get(tenant))
                : Optional.<SchedulingSettings>empty());
    }

    @Override
    public void put(TenantId tenant, SchedulingSettings value, Instant at) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            TenantId holder = slugs.get(value.slug());
            if (holder != null && !holder.equals(tenant)) {
                throw new ConflictException("this public slug is taken by another center",
                        Map.of("field", "slug", "slug", value.slug()));
            }
            SchedulingSettings previous = settings.get(tenant);
            if (previous != null && !previous.slug().equals(value.slug())) {
                tx.remove(slugs, previous.slug());
            }
            tx.put(slugs, value.slug(), tenant);
            tx.put(settings, tenant, value);
        });
    }

    @Override
    public Optional<TenantId> centerBySlug(String slug) {
        return tx.within(() -> Optional.ofNullable(slugs.get(slug)));
    }
}

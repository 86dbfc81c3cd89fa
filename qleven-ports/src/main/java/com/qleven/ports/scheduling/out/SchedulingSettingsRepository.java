package com.qleven.ports.scheduling.out;

import com.qleven.domain.scheduling.SchedulingSettings;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.CenterProfile;
import java.time.Instant;
import java.util.Optional;

/**
 * Each center's scheduling settings, and the platform-wide directory of public slugs (one slug per
 * center, one center per slug), read before the center is known. Writes join the unit of work open
 * on the thread.
 */
public interface SchedulingSettingsRepository {

    /** The center's settings; empty until first put. */
    Optional<SchedulingSettings> get(TenantId tenant);

    /** A center's profile beside its scheduling settings (empty until first put). */
    record CenterWithSettings(CenterProfile profile, Optional<SchedulingSettings> settings) {
    }

    /**
     * In one statement, what every scheduling use case reads first: the center's profile and its
     * settings. Empty when the center is not stored or not visible in the unit of work open.
     */
    Optional<CenterWithSettings> centerWithSettings(TenantId tenant);

    /** {@link CenterWithSettings} beside the center's service of one id (empty when it has none of that id). */
    record CenterWithService(CenterWithSettings center, Optional<Service> service) {
    }

    /**
     * In one statement, what a use case about one service reads first: {@link #centerWithSettings}
     * and the center's service of id {@code service}. Empty when the center is not stored or not
     * visible in the unit of work open.
     */
    Optional<CenterWithService> centerWithService(TenantId tenant, ServiceId service);

    /**
     * Stores the center's settings and claims their slug (giving up the one it held).
     *
     * @throws com.qleven.domain.shared.ConflictException naming {@code slug} when another center
     *                                                    holds it
     */
    void put(TenantId tenant, SchedulingSettings settings, Instant at);

    /** The center whose public slug this is; works in a global unit of work. */
    Optional<TenantId> centerBySlug(String slug);
}

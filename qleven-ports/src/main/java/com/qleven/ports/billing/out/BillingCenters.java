package com.qleven.ports.billing.out;

import com.qleven.domain.billing.BillingSettings;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.CenterProfile;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A center as billing sees it: its profile (name, address, tax id, country, zone, currency), its
 * locale and its billing settings (the defaults until an administrator saves some), read in one
 * statement. Writes join the unit of work open on the thread.
 */
public interface BillingCenters {

    /** The center, or empty when there is none (or it is another center's). */
    Optional<BillingCenter> byId(TenantId tenant);

    /** Saves the center's billing settings, replacing the ones it had. */
    void save(TenantId tenant, BillingSettings settings, Instant at);

    /** What billing reads of a center. */
    record BillingCenter(TenantId tenant, CenterProfile profile, Optional<Locale> locale, BillingSettings settings) {
    }
}

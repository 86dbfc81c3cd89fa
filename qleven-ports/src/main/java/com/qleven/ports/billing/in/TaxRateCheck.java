package com.qleven.ports.billing.in;

import com.qleven.domain.shared.TenantId;

/**
 * What other contexts ask billing about a rate code, in the unit of work open on the thread: a
 * service may only name a rate the center offers. The center's rates are seeded from its country the
 * first time they are needed, in that unit.
 */
public interface TaxRateCheck {

    /** True when the center has an active (not retired) rate of this code. */
    boolean isOffered(TenantId center, String code);
}

package com.qleven.ports.consent.out;

import com.qleven.domain.consent.CenterPurpose;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.shared.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * The consent purposes centers added to the built-in ones: per center, by code. Every lookup is
 * within one center; writes join the unit of work open on the thread.
 */
public interface ConsentPurposes {

    /** Adds the purpose; {@code false} when the center already has that code. */
    boolean add(CenterPurpose purpose);

    Optional<CenterPurpose> byCode(TenantId tenant, ConsentPurpose code);

    /** The center's purposes, by code; a center has a handful. */
    List<CenterPurpose> list(TenantId tenant);
}

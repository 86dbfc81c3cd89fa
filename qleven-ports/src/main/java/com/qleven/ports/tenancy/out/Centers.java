package com.qleven.ports.tenancy.out;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Center;
import java.util.Optional;

/** The centers. Reads see only the center of the unit of work. */
public interface Centers {

    void add(Center center);

    Optional<Center> byId(TenantId id);
}

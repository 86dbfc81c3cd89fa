package com.qleven.ports.billing.in;

import com.qleven.domain.billing.ClientPackage;
import com.qleven.domain.billing.PackageState;
import java.util.Objects;

/** A client's package with where it stands today (a local date of the center). */
public record ClientPackageView(ClientPackage held, PackageState state) {
    public ClientPackageView {
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(state, "state");
    }
}

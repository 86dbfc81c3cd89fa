package com.qleven.ports.billing.in;

import com.qleven.domain.billing.Money;
import com.qleven.domain.billing.PackageId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the center owes in prepaid packages on {@code on} (a local date of the center): for each
 * package still valid that day (not refunded, not expired, something left), its unused value
 * ({@code price × remaining / total}, rounded half up per package sold), summed per package of the
 * catalogue and in all.
 */
public record PackageLiability(LocalDate on, Money total, long packagesSold, List<Line> packages) {
    public PackageLiability {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(total, "total");
        packages = List.copyOf(packages);
    }

    /** One package of the catalogue: how many sold packages of it are outstanding, and their unused value. */
    public record Line(PackageId packageId, String name, String kind, long packagesSold, Money value) {
    }
}

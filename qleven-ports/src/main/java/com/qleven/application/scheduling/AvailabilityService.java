package com.qleven.application.scheduling;

import com.qleven.application.scheduling.AvailabilityFinder.Gathered;
import com.qleven.application.scheduling.SchedulingAccess.CenterRules;
import com.qleven.domain.scheduling.AvailabilityRequest;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.scheduling.in.AvailabilityQuery;
import com.qleven.ports.scheduling.in.AvailabilityView;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Availability for the center's staff: every start from now on within the dates (at most
 * {@value AvailabilityRequest#MAX_DAYS}) at which the service can be booked, per professional. A
 * bounded number of statements whatever the range: the center, its settings, the service, the
 * professional when named, then one query per kind of data ({@link AvailabilityFinder}).
 */
public final class AvailabilityService {
    private final Transactions transactions;
    private final SchedulingAccess access;
    private final AvailabilityFinder finder;
    private final Clock clock;

    AvailabilityService(Transactions transactions, SchedulingAccess access, AvailabilityFinder finder, Clock clock) {
        this.transactions = transactions;
        this.access = access;
        this.finder = finder;
        this.clock = clock;
    }

    public AvailabilityView search(Principal principal, AvailabilityQuery query) {
        Permissions.require(principal, Permission.VIEW_AVAILABILITY);
        requireRange(query.service() == null, query.from(), query.to());
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            SchedulingAccess.RulesAndService read = access.rulesWith(tenant, query.service());
            CenterRules rules = read.rules();
            Service service = read.service();
            query.professional().ifPresent(p -> access.requireMember(tenant, p, "professionalId"));
            Gathered g = finder.gather(tenant, rules, service, query.from(), query.to());
            List<AvailabilityView.Slot> slots = AvailabilityFinder.search(g, query.from(), query.to(),
                    query.professional(), clock.instant()).stream()
                    .map(s -> new AvailabilityView.Slot(s.start(), s.end(), s.professional())).toList();
            return new AvailabilityView(rules.zone(), slots);
        });
    }

    /** The dates of a search or a list: both given, in order, at most 92 days both included. */
    static void requireRange(boolean serviceMissing, LocalDate from, LocalDate to) {
        List<FieldError> errors = new ArrayList<>();
        if (serviceMissing) {
            errors.add(new FieldError("serviceId", "is required"));
        }
        requireDates(errors, from, to);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    static void requireDates(List<FieldError> errors, LocalDate from, LocalDate to) {
        if (from == null) {
            errors.add(new FieldError("from", "is required"));
        }
        if (to == null) {
            errors.add(new FieldError("to", "is required"));
        } else if (from != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "must not be before from"));
        } else if (from != null && ChronoUnit.DAYS.between(from, to) + 1 > AvailabilityRequest.MAX_DAYS) {
            errors.add(new FieldError("to", "must be at most " + AvailabilityRequest.MAX_DAYS
                    + " days from from, both included"));
        }
    }
}

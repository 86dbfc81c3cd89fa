package com.qleven.application.privacy;

import com.qleven.domain.privacy.Incident;
import com.qleven.domain.privacy.IncidentId;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.privacy.in.GetIncident;
import com.qleven.ports.privacy.in.IncidentView;
import com.qleven.ports.privacy.in.ListIncidents;
import com.qleven.ports.privacy.out.CenterNotifications;
import com.qleven.ports.privacy.out.Incidents;
import com.qleven.ports.privacy.out.StoredIncident;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The incident register, and one incident, with each deadline as it stands now. An operator sees every incident and
 * every affected center; an administrator only the center's own incidents, with only the center
 * itself among the affected ones, so a center never learns which others were touched.
 */
public final class ListIncidentsService implements ListIncidents, GetIncident {
    private final Transactions transactions;
    private final Incidents incidents;
    private final CenterNotifications centerNotifications;
    private final Clock clock;
    private final IncidentSeal seal;

    public ListIncidentsService(Transactions transactions, Incidents incidents, CenterNotifications centerNotifications,
                                FieldCipher cipher, Clock clock) {
        this.transactions = transactions;
        this.incidents = incidents;
        this.centerNotifications = centerNotifications;
        this.clock = clock;
        this.seal = new IncidentSeal(cipher);
    }

    @Override
    public Page<IncidentView> list(Principal principal, PageRequest page) {
        Instant now = clock.instant();
        if (principal.tenantId().isEmpty()) {
            Permissions.require(principal, Permission.REPORT_INCIDENTS);
            Required.field(page, "page");
            // One unit of work: the page, its keys in one read, and when each center was sent its
            // notice from the global list of notices sent (the notices stay in each center's rows).
            return transactions.global(() -> {
                Page<StoredIncident> incidents = this.incidents.list(page);
                seal.preload(incidents.items());
                Map<UUID, Map<TenantId, Instant>> sent = centerNotifications.sentAtAcrossCenters(
                        IncidentNotices.KIND, incidents.items().stream().map(i -> i.id().value()).toList());
                return new Page<>(incidents.items().stream().map(seal::open)
                        .map(i -> viewAcross(i, sent.getOrDefault(i.id().value(), Map.of()), now)).toList(),
                        incidents.next());
            });
        }
        Permissions.require(principal, Permission.VIEW_INCIDENTS);
        Required.field(page, "page");
        TenantId tenant = principal.requireTenant();
        // One read of the page and one of its notices, not one per incident.
        return transactions.inTenant(tenant, () -> {
            Page<StoredIncident> incidents = this.incidents.listAffecting(tenant, page);
            seal.preload(incidents.items());
            Map<UUID, Instant> sent = centerNotifications.sentAt(tenant, IncidentNotices.KIND,
                    incidents.items().stream().map(i -> i.id().value()).toList());
            return new Page<>(incidents.items().stream().map(seal::open)
                    .map(i -> viewOf(i, List.of(new IncidentView.AffectedCenter(
                            tenant, Optional.ofNullable(sent.get(i.id().value())))), now))
                    .toList(), incidents.next());
        });
    }

    @Override
    public IncidentView get(Principal principal, IncidentId id) {
        Instant now = clock.instant();
        if (principal.tenantId().isEmpty()) {
            Permissions.require(principal, Permission.REPORT_INCIDENTS);
            Required.field(id, "id");
            return transactions.global(() -> {
                Incident incident = this.incidents.byId(id).map(seal::open)
                        .orElseThrow(() -> new NotFoundException("incident"));
                return viewAcross(incident, centerNotifications.sentAtAcrossCenters(IncidentNotices.KIND,
                        List.of(id.value())).getOrDefault(id.value(), Map.of()), now);
            });
        }
        Permissions.require(principal, Permission.VIEW_INCIDENTS);
        Required.field(id, "id");
        TenantId tenant = principal.requireTenant();
        // Another center's incident answers as none, so an id reveals nothing about other centers.
        Incident incident = transactions.inTenant(tenant, () -> incidents.byId(id))
                .filter(i -> i.centers().contains(tenant))
                .map(seal::open)
                .orElseThrow(() -> new NotFoundException("incident"));
        return view(incident, List.of(tenant), now);
    }

    private IncidentView view(Incident incident, List<TenantId> shown, Instant now) {
        return viewOf(incident, shown.stream()
                .map(c -> new IncidentView.AffectedCenter(c, transactions.inTenant(c,
                        () -> centerNotifications.sentAt(c, IncidentNotices.KIND, incident.id().value()))))
                .toList(), now);
    }

    /** The incident as the platform sees it: every affected center, with when its notice was sent. */
    private static IncidentView viewAcross(Incident incident, Map<TenantId, Instant> sent, Instant now) {
        return viewOf(incident, incident.centers().stream()
                .map(c -> new IncidentView.AffectedCenter(c, Optional.ofNullable(sent.get(c))))
                .toList(), now);
    }

    private static IncidentView viewOf(Incident incident, List<IncidentView.AffectedCenter> centers, Instant now) {
        return new IncidentView(incident.id(), incident.detectedAt(), incident.description(), incident.categories(),
                incident.reportedAt(), incident.authorityDeadline(), incident.status(now), centers);
    }
}

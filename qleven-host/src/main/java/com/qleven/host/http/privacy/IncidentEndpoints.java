package com.qleven.host.http.privacy;

import com.qleven.application.Qleven;
import com.qleven.domain.privacy.CenterNotification;
import com.qleven.domain.privacy.IncidentCategory;
import com.qleven.domain.privacy.IncidentId;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.host.http.privacy.IncidentBodies.AffectedCenterAnswer;
import com.qleven.host.http.privacy.IncidentBodies.IncidentAnswer;
import com.qleven.host.http.privacy.IncidentBodies.IncidentPage;
import com.qleven.host.http.privacy.IncidentBodies.NotificationAnswer;
import com.qleven.host.http.privacy.IncidentBodies.NotificationPage;
import com.qleven.host.http.privacy.IncidentBodies.ReportIncidentBody;
import com.qleven.ports.privacy.in.IncidentView;
import com.qleven.ports.privacy.in.ReportIncidentCommand;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The incident register (policy P16): operators record and list breaches; a center's
 * administrators see the center's own with the 72-hour deadline to its authority; every member
 * reads the center's notifications from the platform. The sub-processor register's routes
 * ({@link SubprocessorEndpoints}) and the policy versions' ({@link PolicyVersionEndpoints}) are
 * served with these.
 */
public final class IncidentEndpoints {
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final Qleven qleven;

    public IncidentEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    public List<Route> routes() {
        // A report notifies each affected center in that center's own unit of work, which cannot open
        // inside the operator's one idempotent unit of work: the report is a plain POST.
        List<Route> routes = new ArrayList<>(List.of(
                // The operators' routes refuse anyone else before they read the request.
                Route.post("/v1/operator/incidents", Route.Body.JSON, this::report)
                        .refusingFirst(Permission.REPORT_INCIDENTS),
                Route.get("/v1/operator/incidents", this::operatorList).refusingFirst(Permission.REPORT_INCIDENTS),
                Route.get("/v1/incidents", this::centerList),
                Route.get("/v1/incidents/{id}", this::get),
                Route.get("/v1/notifications", this::notifications)));
        // The platform's other register of its own duties travels with this one.
        routes.addAll(new SubprocessorEndpoints(qleven).routes());
        // So do the policy versions, the platform's other notice to everyone.
        routes.addAll(new PolicyVersionEndpoints(qleven).routes());
        return List.copyOf(routes);
    }

    private Response report(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        ReportIncidentBody body = request.body(ReportIncidentBody.class);
        IncidentView view = qleven.privacy().reportIncident(principal, ReportIncidentCommand.parse(
                body.detectedAt(), body.description(), body.tenantIds(), body.categories()));
        return Response.created("/v1/incidents/" + view.id(), answer(view));
    }

    private Response operatorList(Request request) {
        return list(request, true);
    }

    private Response centerList(Request request) {
        return list(request, false);
    }

    private Response list(Request request, boolean operatorRoute) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        if (operatorRoute != principal.tenantId().isEmpty()) {
            // Each audience has its own path, so that one route's answer never mixes the two views.
            throw new ForbiddenException(operatorRoute
                    ? "the whole incident register is for platform operators"
                    : "operators read the register at /v1/operator/incidents");
        }
        Page<IncidentView> page = qleven.privacy().listIncidents(principal, request.page());
        return Response.ok(new IncidentPage(page.items().stream().map(IncidentEndpoints::answer).toList(),
                page.next().orElse(null)));
    }

    private Response get(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        // A malformed id names no incident: the same 404 as another center's id or none.
        IncidentId id = request.pathParam("id").filter(t -> UUID_TEXT.matcher(t).matches())
                .map(t -> new IncidentId(UUID.fromString(t)))
                .orElseThrow(() -> new NotFoundException("incident"));
        return Response.ok(answer(qleven.privacy().getIncident(principal, id)));
    }

    private Response notifications(Request request) {
        Page<CenterNotification> page = qleven.privacy().notifications(request.principal(qleven.tenancy(
                ).authenticator()), request.page());
        return Response.ok(new NotificationPage(page.items().stream().map(n -> new NotificationAnswer(
                n.id().toString(), n.kind(), n.subjectId().toString(), n.title(), n.text(), instant(n.createdAt())))
                .toList(), page.next().orElse(null)));
    }

    private static IncidentAnswer answer(IncidentView view) {
        String deadline = instant(view.authorityDeadline());
        return new IncidentAnswer(view.id().toString(), instant(view.detectedAt()), view.description(),
                view.categories().stream().sorted(Comparator.naturalOrder()).map(IncidentCategory::wireName).toList(),
                instant(view.reportedAt()), deadline, view.status().wireName(),
                view.centers().stream().map(c -> new AffectedCenterAnswer(c.tenantId().toString(),
                        c.notifiedAt().map(IncidentEndpoints::instant).orElse(null), deadline,
                        view.status().wireName())).toList());
    }

    private static String instant(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
    }
}

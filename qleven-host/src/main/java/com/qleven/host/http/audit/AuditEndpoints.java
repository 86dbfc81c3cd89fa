package com.qleven.host.http.audit;

import com.qleven.application.Qleven;
import com.qleven.domain.audit.AuditRecord;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.audit.ChainBreak;
import com.qleven.domain.audit.ChainReport;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.host.http.audit.AuditBodies.ChainAnswer;
import com.qleven.host.http.audit.AuditBodies.EventAnswer;
import com.qleven.host.http.audit.AuditBodies.EventPage;
import com.qleven.host.http.audit.AuditBodies.VerifyAnswer;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** The audit trail for administrators: verify their center's chain, read its events. */
public final class AuditEndpoints {

    private final Qleven qleven;

    public AuditEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/v1/audit/verify", this::verify),
                Route.get("/v1/audit/events", this::events));
    }

    private Response verify(Request request) {
        List<ChainReport> reports = qleven.audit().verify(request.principal(qleven.tenancy().authenticator()));
        return Response.ok(new VerifyAnswer(reports.stream().map(r -> new ChainAnswer(
                r.chain().map(TenantId::toString).orElse(null), r.verified(), r.brokenAt().orElse(null),
                r.reason().map(ChainBreak::wireName).orElse(null))).toList()));
    }

    private Response events(Request request) {
        Principal principal = request.principal(qleven.tenancy().authenticator());
        var page = qleven.audit().list(principal, request.page());
        return Response.ok(new EventPage(page.items().stream().map(AuditEndpoints::event).toList(),
                page.next().orElse(null)));
    }

    private static EventAnswer event(AuditRecord entry) {
        AuditEvent e = entry.event();
        return new EventAnswer(entry.seq().orElse(null), DateTimeFormatter.ISO_INSTANT.format(e.at().truncatedTo(ChronoUnit.MILLIS)),
                e.action(), e.subjectType(), e.subjectId().map(UUID::toString).orElse(null),
                e.actor().map(UserId::toString).orElse(null), e.session().map(UUID::toString).orElse(null),
                e.purpose(), e.rowCount());
    }
}

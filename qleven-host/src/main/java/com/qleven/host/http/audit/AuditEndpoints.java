package com.qleven.host.http.audit;

import com.qleven.application.Qleven;
import com.qleven.domain.audit.AuditEntry;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.audit.ChainBreak;
import com.qleven.domain.audit.ChainReport;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnauthenticatedException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The audit trail for administrators: verify their center's chain, read its events. */
public final class AuditEndpoints {
    private static final Pattern WHOLE_NUMBER = Pattern.compile("^[0-9]{1,4}$");
    private static final int MAX_CURSOR = 512;

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
        List<ChainReport> reports = qleven.verifyAuditTrail().verify(principal(request));
        return Response.ok(new VerifyAnswer(reports.stream().map(r -> new ChainAnswer(
                r.chain().map(TenantId::toString).orElse(null), r.verified(), r.brokenAt().orElse(null),
                r.reason().map(ChainBreak::wireName).orElse(null))).toList()));
    }

    private Response events(Request request) {
        Principal principal = principal(request);
        var page = qleven.listAuditEvents().list(principal, page(request));
        return Response.ok(new EventPage(page.items().stream().map(AuditEndpoints::event).toList(),
                page.next().orElse(null)));
    }

    private static EventAnswer event(AuditEntry entry) {
        AuditEvent e = entry.event();
        return new EventAnswer(entry.seq(), DateTimeFormatter.ISO_INSTANT.format(e.at().truncatedTo(ChronoUnit.MILLIS)),
                e.action(), e.subjectType(), e.subjectId().map(UUID::toString).orElse(null),
                e.actor().map(UserId::toString).orElse(null), e.session().map(UUID::toString).orElse(null),
                e.purpose(), e.rowCount());
    }

    private Principal principal(Request request) {
        return qleven.authenticate().authenticate(request.credentials().orElseThrow(UnauthenticatedException::new));
    }

    private static PageRequest page(Request request) {
        List<FieldError> errors = new ArrayList<>();
        int limit = PageRequest.DEFAULT_LIMIT;
        Optional<String> limitText = request.query("limit");
        if (limitText.isPresent()) {
            String text = limitText.get();
            int parsed = WHOLE_NUMBER.matcher(text).matches() ? Integer.parseInt(text) : -1;
            if (parsed < 1 || parsed > PageRequest.MAX_LIMIT) {
                errors.add(new FieldError("limit", "must be a whole number from 1 to " + PageRequest.MAX_LIMIT));
            } else {
                limit = parsed;
            }
        }
        Optional<String> cursor = request.query("cursor");
        if (cursor.isPresent() && (cursor.get().isEmpty() || cursor.get().length() > MAX_CURSOR)) {
            errors.add(new FieldError("cursor", "must be the next value of a previous page"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new PageRequest(limit, cursor);
    }
}

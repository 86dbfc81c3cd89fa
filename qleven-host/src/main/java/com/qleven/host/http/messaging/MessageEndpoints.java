package com.qleven.host.http.messaging;

import com.qleven.application.Qleven;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.MessageStatus;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.ports.messaging.in.MessageFilter;
import com.qleven.ports.messaging.in.MessageView;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The messages staff see: {@code GET /v1/messages?clientId=…}, {@code ?appointmentId=…} (newest
 * first) or {@code ?status=uncertain} (the worklist, oldest first), exactly one of them, keyset paged
 * ({@code limit}, {@code cursor}); and {@code POST /v1/messages/{id}/resend} for an uncertain or
 * failed message (a new queued message pointing back at it; 409 for any other status). The answers
 * hold ids, statuses, template names and Graph codes, never a parameter value or a phone, so a replay
 * of an {@code Idempotency-Key} answers the first answer again.
 */
public final class MessageEndpoints {
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private final Qleven qleven;

    public MessageEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    public List<Route> routes() {
        return List.of(
                Route.get("/v1/messages", this::list),
                Route.action("/v1/messages/{id}/resend", Route.Body.NONE, Permission.RESEND_MESSAGES,
                        Route.Replay.ANSWER, this::resend));
    }

    record TemplateAnswer(String name, String language) {
    }

    record ErrorAnswer(int code, String kind, String detail) {
    }

    record MessageAnswer(String id, String direction, String clientId, String appointmentId, String purpose,
                         String status, String statusAt, int attempts, String wamid, TemplateAnswer template,
                         ErrorAnswer error, String skippedReason, String resendOf, String createdAt) {
    }

    record MessagePage(List<MessageAnswer> items, String next) {
    }

    private Principal principal(Request request) {
        return request.principal(qleven.tenancy().authenticator());
    }

    private Response list(Request request) {
        Principal principal = principal(request);
        List<FieldError> errors = new ArrayList<>();
        Optional<ClientId> client = id(errors, "clientId", request.query("clientId"), ClientId::new);
        Optional<AppointmentId> appointment = id(errors, "appointmentId", request.query("appointmentId"),
                AppointmentId::new);
        Optional<MessageStatus> status = request.query("status").flatMap(s -> {
            if (!"uncertain".equals(s)) {
                errors.add(new FieldError("status", "only uncertain is listed by status"));
                return Optional.empty();
            }
            return Optional.of(MessageStatus.UNCERTAIN);
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        MessageFilter filter = new MessageFilter(client, appointment, status);
        Page<MessageView> page = qleven.messaging().messages(principal, filter, request.page());
        return Response.ok(new MessagePage(page.items().stream().map(MessageEndpoints::answer).toList(),
                page.next().orElse(null)));
    }

    private Response resend(Request request) {
        Principal principal = principal(request);
        OutboundMessageId id = request.pathParam("id").filter(t -> UUID_TEXT.matcher(t).matches())
                .map(OutboundMessageId::of)
                .orElseThrow(() -> new NotFoundException("message"));
        MessageView view = qleven.messaging().resend(principal, id);
        return Response.created("/v1/messages?clientId=" + view.client().value(), answer(view));
    }

    private static <T> Optional<T> id(List<FieldError> errors, String field, Optional<String> text,
                                      Function<UUID, T> make) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (!UUID_TEXT.matcher(text.get()).matches()) {
            errors.add(new FieldError(field, "must be a uuid"));
            return Optional.empty();
        }
        return Optional.of(make.apply(UUID.fromString(text.get())));
    }

    static MessageAnswer answer(MessageView m) {
        return new MessageAnswer(m.id().toString(), m.direction(), m.client().value().toString(),
                m.appointment().map(a -> a.value().toString()).orElse(null), m.purpose().wireName(),
                m.status().wireName(), instant(m.statusAt()), m.attempts(), m.wamid().orElse(null),
                m.templateName().map(n -> new TemplateAnswer(n, m.templateLanguage().orElseThrow())).orElse(null),
                m.error().map(e -> new ErrorAnswer(e.graphCode(), e.kind().name().toLowerCase(java.util.Locale.ROOT),
                        e.detail().orElse(null))).orElse(null),
                m.skippedReason().map(r -> r.wireName()).orElse(null),
                m.resendOf().map(OutboundMessageId::toString).orElse(null), instant(m.createdAt()));
    }

    private static String instant(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}

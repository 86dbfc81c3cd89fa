package com.qleven.host.http.messaging;

import com.qleven.application.Qleven;
import com.qleven.domain.messaging.Campaign;
import com.qleven.domain.messaging.CampaignId;
import com.qleven.domain.messaging.CampaignSegment;
import com.qleven.domain.messaging.TemplateId;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Principal;
import com.qleven.host.http.Request;
import com.qleven.host.http.Response;
import com.qleven.host.http.Route;
import com.qleven.ports.messaging.in.CampaignView;
import com.qleven.ports.messaging.in.CreateCampaignCommand;
import com.qleven.ports.messaging.out.Campaigns;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Marketing campaigns: {@code POST /v1/campaigns} {@code {"name","templateId","segment":{…}}} (201 with
 * {@code Location}), {@code GET /v1/campaigns} (newest first, paged), {@code GET /v1/campaigns/{id}}
 * (status and progress), {@code GET /v1/campaigns/{id}/recipients} (paged by client id, each with its
 * message's status and skip reason) and {@code POST /v1/campaigns/{id}/cancel}. An unknown member of
 * the body or the segment is a 400 naming it ({@code segment.foo}). The answers hold ids, counts and
 * the campaign's name, nothing personal: a segment's explicit client list is shown by its size.
 */
public final class CampaignEndpoints {
    public static final String CAMPAIGNS = "/v1/campaigns";
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private final Qleven qleven;

    public CampaignEndpoints(Qleven qleven) {
        this.qleven = qleven;
    }

    public List<Route> routes() {
        return List.of(
                Route.action(CAMPAIGNS, Route.Body.JSON, Permission.RUN_CAMPAIGNS, Route.Replay.REREAD, this::create),
                Route.get(CAMPAIGNS, this::list),
                Route.get(CAMPAIGNS + "/{id}", request -> Response.ok(answer(qleven.messaging()
                        .campaign(principal(request), id(request))))),
                Route.get(CAMPAIGNS + "/{id}/recipients", this::recipients),
                Route.action(CAMPAIGNS + "/{id}/cancel", Route.Body.NONE, Permission.RUN_CAMPAIGNS,
                        Route.Replay.REREAD, request -> Response.ok(answer(qleven.messaging()
                                .cancelCampaign(principal(request), id(request))))));
    }

    record SegmentBody(String lastVisitBefore, Boolean includeNeverVisited, List<String> serviceIds,
                       Integer birthdayMonth, Boolean packageHolders, Integer noShowsAtLeast, List<String> clientIds) {
    }

    record CreateBody(String name, String templateId, SegmentBody segment) {
    }

    record SegmentAnswer(String lastVisitBefore, boolean includeNeverVisited, List<String> serviceIds,
                         Integer birthdayMonth, boolean packageHolders, Integer noShowsAtLeast, int clientCount) {
    }

    record SkippedAnswer(long total, Map<String, Long> byReason) {
    }

    record ProgressAnswer(long recipients, long queued, long sending, long sent, long delivered, long read, long failed,
                          long uncertain, SkippedAnswer skipped, long replied, Double deliveryRate, Double readRate,
                          Double replyRate) {
    }

    record CampaignAnswer(String id, String name, String templateId, String status, SegmentAnswer segment,
                          String createdBy, String createdAt, String cancelledAt, ProgressAnswer progress) {
    }

    record CampaignPage(List<CampaignAnswer> items, String next) {
    }

    record RecipientAnswer(String clientId, String messageId, String status, String statusAt, String skippedReason) {
    }

    record RecipientPage(List<RecipientAnswer> items, String next) {
    }

    private Principal principal(Request request) {
        return request.principal(qleven.tenancy().authenticator());
    }

    private static CampaignId id(Request request) {
        return request.pathParam("id").filter(t -> UUID_TEXT.matcher(t).matches()).map(CampaignId::of)
                .orElseThrow(() -> new NotFoundException("campaign"));
    }

    private Response create(Request request) {
        Principal principal = principal(request);
        CreateBody body = request.body(CreateBody.class);
        List<FieldError> errors = new ArrayList<>();
        Optional<TemplateId> template = Optional.empty();
        if (body.templateId() == null) {
            errors.add(new FieldError("templateId", "is required"));
        } else if (!UUID_TEXT.matcher(body.templateId()).matches()) {
            errors.add(new FieldError("templateId", "must be a uuid"));
        } else {
            template = Optional.of(TemplateId.of(body.templateId()));
        }
        Optional<CampaignSegment> segment = Optional.empty();
        if (body.segment() == null) {
            errors.add(new FieldError("segment", "is required"));
        } else {
            segment = segment(body.segment(), errors);
        }
        try {
            Campaign.validName(body.name());
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        CampaignView view = qleven.messaging().createCampaign(principal,
                new CreateCampaignCommand(body.name(), template.orElseThrow(), segment.orElseThrow()));
        return Response.created(CAMPAIGNS + "/" + view.campaign().id(), answer(view));
    }

    /** The segment, or its errors added (each named {@code segment.<field>}) and empty. */
    private static Optional<CampaignSegment> segment(SegmentBody s, List<FieldError> errors) {
        int before = errors.size();
        Optional<LocalDate> lastVisit = Optional.empty();
        if (s.lastVisitBefore() != null) {
            try {
                lastVisit = Optional.of(LocalDate.parse(s.lastVisitBefore()));
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("segment.lastVisitBefore", "must be a date (YYYY-MM-DD)"));
            }
        }
        Set<UUID> services = uuids("segment.serviceIds", s.serviceIds(), errors);
        Set<UUID> clients = uuids("segment.clientIds", s.clientIds(), errors);
        if (errors.size() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CampaignSegment(lastVisit, Boolean.TRUE.equals(s.includeNeverVisited()), services,
                    s.birthdayMonth() == null ? OptionalInt.empty() : OptionalInt.of(s.birthdayMonth()),
                    Boolean.TRUE.equals(s.packageHolders()),
                    s.noShowsAtLeast() == null ? OptionalInt.empty() : OptionalInt.of(s.noShowsAtLeast()), clients)
                    .requireCriterion());
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return Optional.empty();
        }
    }

    private static Set<UUID> uuids(String field, List<String> texts, List<FieldError> errors) {
        Set<UUID> out = new LinkedHashSet<>();
        if (texts == null) {
            return out;
        }
        int limit = field.endsWith("clientIds") ? CampaignSegment.MAX_CLIENT_IDS : CampaignSegment.MAX_SERVICE_IDS;
        if (texts.size() > limit) {
            errors.add(new FieldError(field, "must hold at most " + limit + " ids"));
            return out;
        }
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            if (t == null || !UUID_TEXT.matcher(t).matches()) {
                errors.add(new FieldError(field + "[" + i + "]", "must be a uuid"));
            } else {
                out.add(UUID.fromString(t));
            }
        }
        return out;
    }

    private Response list(Request request) {
        Page<CampaignView> page = qleven.messaging().campaigns(principal(request), request.page());
        return Response.ok(new CampaignPage(page.items().stream().map(CampaignEndpoints::answer).toList(),
                page.next().orElse(null)));
    }

    private Response recipients(Request request) {
        Principal principal = principal(request);
        CampaignId id = id(request);
        Page<Campaigns.RecipientStatus> page = qleven.messaging().campaignRecipients(principal, id, request.page());
        return Response.ok(new RecipientPage(page.items().stream().map(r -> new RecipientAnswer(
                r.client().value().toString(), r.message().toString(), r.status().wireName(), instant(r.statusAt()),
                r.skipReason().map(x -> x.wireName()).orElse(null))).toList(), page.next().orElse(null)));
    }

    static CampaignAnswer answer(CampaignView v) {
        Campaign c = v.campaign();
        CampaignSegment s = c.segment();
        Map<String, Long> byReason = new LinkedHashMap<>();
        v.skipped().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> byReason.put(e.getKey().wireName(), e.getValue()));
        SegmentAnswer segment = new SegmentAnswer(s.lastVisitBefore().map(LocalDate::toString).orElse(null),
                s.includeNeverVisited(), s.serviceIds().stream().map(UUID::toString).sorted().toList(),
                s.birthdayMonth().isPresent() ? s.birthdayMonth().getAsInt() : null, s.packageHolders(),
                s.noShowsAtLeast().isPresent() ? s.noShowsAtLeast().getAsInt() : null, s.clientIds().size());
        ProgressAnswer progress = new ProgressAnswer(v.recipients(), v.queued(), v.sending(), v.sent(), v.delivered(),
                v.read(), v.failed(), v.uncertain(), new SkippedAnswer(v.skippedTotal(), byReason), v.replied(),
                rate(v.deliveryRate()), rate(v.readRate()), rate(v.replyRate()));
        return new CampaignAnswer(c.id().toString(), c.name(), c.template().toString(), v.status().wireName(), segment,
                c.createdBy().toString(), instant(c.createdAt()), c.cancelledAt().map(CampaignEndpoints::instant)
                .orElse(null), progress);
    }

    private static Double rate(OptionalDouble rate) {
        return rate.isPresent() ? Math.round(rate.getAsDouble() * 10_000) / 10_000.0 : null;
    }

    private static String instant(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}

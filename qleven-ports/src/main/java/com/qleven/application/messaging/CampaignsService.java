package com.qleven.application.messaging;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.Campaign;
import com.qleven.domain.messaging.CampaignId;
import com.qleven.domain.messaging.CampaignSegment;
import com.qleven.domain.messaging.MessageFacts;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.MessageStatus;
import com.qleven.domain.messaging.SkipReason;
import com.qleven.domain.messaging.TemplateCategory;
import com.qleven.domain.messaging.TemplateStatus;
import com.qleven.domain.messaging.WhatsAppTemplate;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.CountryLocales;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.tenancy.CenterProfile;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.billing.in.PackageHolders;
import com.qleven.ports.clients.in.MessageRecipients;
import com.qleven.ports.messaging.in.CampaignView;
import com.qleven.ports.messaging.in.CreateCampaignCommand;
import com.qleven.ports.messaging.out.Campaigns;
import com.qleven.ports.messaging.out.QueuedMessage;
import com.qleven.ports.messaging.out.WhatsAppAccounts;
import com.qleven.ports.messaging.out.WhatsAppTemplates;
import com.qleven.ports.scheduling.in.ClientActivity;
import com.qleven.ports.scheduling.out.SchedulingSettingsRepository;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Marketing campaigns. What callers rely on:
 * <ul>
 *   <li>Creating one ({@link Permission#RUN_CAMPAIGNS}) checks the template (the center's — another
 *       center's or an unknown id is a 422 naming {@code templateId}, never telling which —, MARKETING,
 *       mapped with purpose marketing (422), APPROVED (409)) and the connected number (409 without one),
 *       resolves the segment NOW and queues one MARKETING message per matched client with that
 *       template, all in one unit of work with the campaign and its audit event: all or nothing. The
 *       statements do not grow with the recipients (the clients, their history, package holders, the
 *       messages and the links are each read or written in one statement).</li>
 *   <li>No consent, age or opt-out is checked at creation: the dispatcher's send-time rules skip a
 *       non-consenting, minor, restricted, objecting, opted-out or capped client with its reason, so the
 *       progress and the recipients' list show why.</li>
 *   <li>A campaign is {@code completed} once none of its messages is queued or sending (read, not
 *       stored); cancelling ({@link Permission#RUN_CAMPAIGNS}) skips the still queued messages
 *       {@code campaign_cancelled} in one statement; twice is a no-op; a completed campaign is a 409.</li>
 *   <li>Views ({@link Permission#VIEW_CAMPAIGNS}) are audited; another center's campaign is a 404.</li>
 * </ul>
 */
public final class CampaignsService {
    /** The most clients one campaign messages. */
    public static final int MAX_RECIPIENTS = CampaignSegment.MAX_CLIENT_IDS;
    /** The most clients a segment by criteria reads; a larger center segments by explicit ids. */
    public static final int MAX_CENTER_CLIENTS = 50_000;
    static final String SUBJECT = "campaign";
    static final String PURPOSE = "marketing";

    private final Transactions transactions;
    private final Campaigns campaigns;
    private final WhatsAppTemplates templates;
    private final WhatsAppAccounts accounts;
    private final SchedulingSettingsRepository centers;
    private final MessageQueue queue;
    private final MessageRecipients recipients;
    private final ClientActivity activity;
    private final PackageHolders packageHolders;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    public CampaignsService(Transactions transactions, Campaigns campaigns, WhatsAppTemplates templates,
                            WhatsAppAccounts accounts, SchedulingSettingsRepository centers, MessageQueue queue,
                            MessageRecipients recipients, ClientActivity activity, PackageHolders packageHolders,
                            AuditTrail audit, IdGenerator ids, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
        this.templates = Objects.requireNonNull(templates, "templates");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.centers = Objects.requireNonNull(centers, "centers");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.recipients = Objects.requireNonNull(recipients, "recipients");
        this.activity = Objects.requireNonNull(activity, "activity");
        this.packageHolders = Objects.requireNonNull(packageHolders, "packageHolders");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@link Permission#RUN_CAMPAIGNS}: see the class. */
    public CampaignView create(Principal principal, CreateCampaignCommand command) {
        Objects.requireNonNull(command, "command");
        Permissions.require(principal, Permission.RUN_CAMPAIGNS);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            WhatsAppTemplate template = templates.find(tenant, command.templateId())
                    .orElseThrow(() -> new UnprocessableException("templateId", "no such template in this center"));
            if (template.category() != TemplateCategory.MARKETING
                    || !template.purpose().equals(Optional.of(MessagePurpose.MARKETING))) {
                throw new UnprocessableException("templateId",
                        "must be a MARKETING template mapped with purpose marketing");
            }
            if (template.status() != TemplateStatus.APPROVED) {
                throw new ConflictException("the template is not approved by Meta: it cannot be sent",
                        Map.of("field", "templateId", "status", template.status().name()));
            }
            if (accounts.find(tenant).isEmpty()) {
                throw new ConflictException("the center has no connected WhatsApp number");
            }
            Instant now = now();
            CampaignSegment segment = command.segment();
            Map<ClientId, MessageRecipients.Recipient> matched = resolve(tenant, segment, now);
            SchedulingSettingsRepository.CenterWithSettings center = centers.centerWithSettings(tenant)
                    .orElseThrow(() -> new NotFoundException("center"));
            CenterProfile profile = center.profile();
            Locale locale = center.settings().map(s -> s.locale())
                    .orElseGet(() -> CountryLocales.of(profile.country()));
            List<MessageQueue.Addressed> to = matched.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(Comparator.comparing(ClientId::value)))
                    .map(e -> new MessageQueue.Addressed(e.getKey(), new MessageFacts(e.getValue().fullName(),
                            profile.name(), profile.timeZone(), locale, Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.empty())))
                    .toList();
            List<QueuedMessage> queued = queue.queueBatch(tenant, template, MessagePurpose.MARKETING, now, to);
            Campaign campaign = Campaign.start(new CampaignId(ids.next()), command.name(), template.id(), segment,
                    principal.userId(), now);
            campaigns.add(tenant, campaign, queued.stream()
                    .map(m -> new Campaigns.Recipient(m.client(), m.state().id())).toList());
            audit.record(AuditEvent.by(principal, "campaign.create", SUBJECT, Optional.of(campaign.id().value()),
                    PURPOSE, queued.size(), now));
            return CampaignView.of(campaign, progressOf(queued));
        });
    }

    /**
     * The clients the segment matches now, opened: the explicit list (those of the center, not erased)
     * or every client of the center, then narrowed by birth month, history and packages, each read once.
     */
    private Map<ClientId, MessageRecipients.Recipient> resolve(TenantId tenant, CampaignSegment segment, Instant now) {
        Map<ClientId, MessageRecipients.Recipient> base;
        if (!segment.clientIds().isEmpty()) {
            base = recipients.of(tenant, segment.clientIds().stream().map(ClientId::new).toList());
        } else {
            base = recipients.everyone(tenant, MAX_CENTER_CLIENTS + 1);
            if (base.size() > MAX_CENTER_CLIENTS) {
                throw new UnprocessableException("segment", "the center has more than " + MAX_CENTER_CLIENTS
                        + " clients: list the campaign's clients in clientIds");
            }
        }
        Map<ClientId, ClientActivity.Activity> visits = segment.readsActivity() ? activity.of(tenant) : Map.of();
        Set<ClientId> holders = segment.packageHolders()
                ? packageHolders.on(tenant, LocalDate.ofInstant(now, ZoneOffset.UTC)) : Set.of();
        ClientActivity.Activity none = new ClientActivity.Activity(Optional.empty(), Set.of(), 0);
        Map<ClientId, MessageRecipients.Recipient> matched = base.entrySet().stream()
                .filter(e -> segment.matchesBirthday(e.getValue().birthDate()))
                .filter(e -> !segment.packageHolders() || holders.contains(e.getKey()))
                .filter(e -> {
                    if (!segment.readsActivity()) {
                        return true;
                    }
                    ClientActivity.Activity a = visits.getOrDefault(e.getKey(), none);
                    Set<UUID> services = a.servicesTaken().stream().map(s -> s.value()).collect(Collectors.toSet());
                    return segment.matchesActivity(a.lastVisit().map(at -> LocalDate.ofInstant(at, ZoneOffset.UTC)),
                            services, a.noShows());
                })
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (matched.size() > MAX_RECIPIENTS) {
            throw new UnprocessableException("segment", "matches " + matched.size() + " clients; a campaign goes to at most "
                    + MAX_RECIPIENTS);
        }
        return matched;
    }

    private static Campaigns.Progress progressOf(List<QueuedMessage> queued) {
        Map<MessageStatus, Long> byStatus = new EnumMap<>(MessageStatus.class);
        Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
        for (QueuedMessage m : queued) {
            byStatus.merge(m.state().status(), 1L, Long::sum);
            m.state().skipReason().ifPresent(r -> skipped.merge(r, 1L, Long::sum));
        }
        return new Campaigns.Progress(queued.size(), byStatus, skipped, 0);
    }

    /** {@link Permission#VIEW_CAMPAIGNS}: the campaign and its progress (two statements). */
    public CampaignView get(Principal principal, CampaignId id) {
        Objects.requireNonNull(id, "id");
        Permissions.require(principal, Permission.VIEW_CAMPAIGNS);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            Campaign campaign = campaigns.read(tenant, id).orElseThrow(() -> new NotFoundException(SUBJECT));
            Campaigns.Progress progress = campaigns.progress(tenant, List.of(id)).getOrDefault(id, Campaigns.Progress.NONE);
            audit.record(AuditEvent.by(principal, "campaign.read", SUBJECT, Optional.of(id.value()), PURPOSE, 1, now()));
            return CampaignView.of(campaign, progress);
        });
    }

    /** {@link Permission#VIEW_CAMPAIGNS}: the center's campaigns newest first, each with its progress (two statements a page). */
    public Page<CampaignView> list(Principal principal, PageRequest page) {
        Objects.requireNonNull(page, "page");
        Permissions.require(principal, Permission.VIEW_CAMPAIGNS);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            Page<Campaign> found = campaigns.list(tenant, page);
            Map<CampaignId, Campaigns.Progress> progress = campaigns.progress(tenant,
                    found.items().stream().map(Campaign::id).toList());
            audit.record(AuditEvent.by(principal, "campaign.list", SUBJECT, Optional.empty(), PURPOSE,
                    found.items().size(), now()));
            return new Page<>(found.items().stream()
                    .map(c -> CampaignView.of(c, progress.getOrDefault(c.id(), Campaigns.Progress.NONE))).toList(),
                    found.next());
        });
    }

    /** {@link Permission#VIEW_CAMPAIGNS}: the campaign's recipients by client id, each with its message's fate. */
    public Page<Campaigns.RecipientStatus> recipients(Principal principal, CampaignId id, PageRequest page) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(page, "page");
        Permissions.require(principal, Permission.VIEW_CAMPAIGNS);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            campaigns.read(tenant, id).orElseThrow(() -> new NotFoundException(SUBJECT));
            Page<Campaigns.RecipientStatus> found = campaigns.recipients(tenant, id, page);
            audit.record(AuditEvent.by(principal, "campaign.recipients", SUBJECT, Optional.of(id.value()), PURPOSE,
                    found.items().size(), now()));
            return found;
        });
    }

    /** {@link Permission#RUN_CAMPAIGNS}: see the class. */
    public CampaignView cancel(Principal principal, CampaignId id) {
        Objects.requireNonNull(id, "id");
        Permissions.require(principal, Permission.RUN_CAMPAIGNS);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            Campaign campaign = campaigns.find(tenant, id).orElseThrow(() -> new NotFoundException(SUBJECT));
            Campaigns.Progress before = campaigns.progress(tenant, List.of(id)).getOrDefault(id, Campaigns.Progress.NONE);
            Instant now = now();
            Campaign cancelled = campaign.cancel(now, before.pending());
            if (cancelled == campaign) {
                return CampaignView.of(campaign, before);
            }
            int skipped = campaigns.skipQueued(tenant, id, now);
            campaigns.update(tenant, cancelled);
            audit.record(AuditEvent.by(principal, "campaign.cancel", SUBJECT, Optional.of(id.value()), PURPOSE,
                    skipped, now));
            return CampaignView.of(cancelled, campaigns.progress(tenant, List.of(id))
                    .getOrDefault(id, Campaigns.Progress.NONE));
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

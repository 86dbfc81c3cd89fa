package com.qleven.application.messaging;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.messaging.ComponentKey;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.ParameterBinding;
import com.qleven.domain.messaging.ReplyAction;
import com.qleven.domain.messaging.ParameterSource;
import com.qleven.domain.messaging.TemplateCategory;
import com.qleven.domain.messaging.TemplateComponent;
import com.qleven.domain.messaging.TemplateId;
import com.qleven.domain.messaging.TemplateStatus;
import com.qleven.domain.messaging.WhatsAppTemplate;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.QlevenException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.messaging.in.CreateTemplateCommand;
import com.qleven.ports.messaging.in.MapTemplateCommand;
import com.qleven.ports.messaging.in.SyncResult;
import com.qleven.ports.messaging.out.CreatedTemplate;
import com.qleven.ports.messaging.out.RemoteTemplate;
import com.qleven.ports.messaging.out.TemplateDraft;
import com.qleven.ports.messaging.out.TemplatePage;
import com.qleven.ports.messaging.out.WhatsAppAccounts;
import com.qleven.ports.messaging.out.WhatsAppTemplates;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A center's template registry: synced from Meta, submitted to Meta, mapped by administrators, read
 * by every center role; statuses only ever come from Meta. Graph calls are made outside any unit of
 * work; one unit writes what they brought.
 *
 * <p>A sync adds the templates Meta lists that the registry lacks, updates the status and definition
 * of known ones (by name and language; a purpose and mapping stay while the mapping still fits the
 * new components, else both go), and marks {@code DELETED} those Meta no longer lists. They are kept,
 * not deleted: messages already sent name them, and a mapping stays visible should Meta list the
 * template again. A {@code DELETED} template is never sent.
 */
final class WhatsAppTemplatesService {
    private static final System.Logger LOG = System.getLogger(WhatsAppTemplatesService.class.getName());
    private static final String SUBJECT = "whatsapp_template";
    private static final String PURPOSE = "messaging";
    private static final int META_PAGE = 100;
    // 100 creates an hour per business account is Meta's limit: 200 pages of 100 is far beyond any registry.
    private static final int MAX_PAGES = 200;
    private static final int MAX_PARAMETERS = 60;

    private final Transactions transactions;
    private final WhatsAppTemplates templates;
    private final WhatsAppAccounts accounts;
    private final WhatsAppAccountsService account;
    private final AuditTrail audit;
    private final Clock clock;
    private final IdGenerator ids;

    WhatsAppTemplatesService(Transactions transactions, WhatsAppTemplates templates, WhatsAppAccounts accounts,
                             WhatsAppAccountsService account, AuditTrail audit, Clock clock, IdGenerator ids) {
        this.transactions = transactions;
        this.templates = templates;
        this.accounts = accounts;
        this.account = account;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    SyncResult sync(Principal principal) {
        Permissions.require(principal, Permission.MANAGE_TEMPLATES);
        TenantId tenant = principal.requireTenant();
        var graph = account.gateway();
        WhatsAppAccountsService.Connected connected = account.connected(tenant);
        List<RemoteTemplate> listed = new ArrayList<>();
        Optional<String> after = Optional.empty();
        for (int page = 0; page < MAX_PAGES; page++) {
            TemplatePage got = account.done("list the business account's templates",
                    graph.listTemplates(connected.token(), connected.account().wabaId(), META_PAGE, after),
                    Optional.of(tenant));
            listed.addAll(got.items());
            after = got.after();
            if (after.isEmpty() || got.items().isEmpty()) {
                break;
            }
        }
        Instant now = now();
        return transactions.inTenant(tenant, () -> {
            Map<String, WhatsAppTemplate> known = new HashMap<>();
            all(tenant).forEach(t -> known.put(key(t.name(), t.language()), t));
            Set<String> seen = new HashSet<>();
            int added = 0;
            int updated = 0;
            for (RemoteTemplate remote : listed) {
                Optional<Definition> definition = definition(remote);
                if (definition.isEmpty() || !seen.add(key(remote.name(), remote.language()))) {
                    continue;
                }
                Definition d = definition.get();
                WhatsAppTemplate current = known.get(key(remote.name(), remote.language()));
                if (current == null) {
                    templates.save(tenant, WhatsAppTemplate.fromMeta(new TemplateId(ids.next()), remote.name(),
                            remote.language(), d.category(), d.components(), d.status()), now);
                    added++;
                } else {
                    WhatsAppTemplate next = current.withDefinitionFromMeta(d.category(), d.components(), d.status());
                    if (!next.equals(current)) {
                        templates.save(tenant, next, now);
                        updated++;
                    }
                }
            }
            int removed = 0;
            for (WhatsAppTemplate t : known.values()) {
                if (!seen.contains(key(t.name(), t.language())) && t.status() != TemplateStatus.DELETED) {
                    templates.save(tenant, t.withStatusFromMeta(TemplateStatus.DELETED), now);
                    removed++;
                }
            }
            audit.record(AuditEvent.by(principal, "whatsapp_template.sync", SUBJECT, Optional.empty(), PURPOSE,
                    added + updated + removed, now));
            return new SyncResult(added, updated, removed);
        });
    }

    Page<WhatsAppTemplate> list(Principal principal, PageRequest page) {
        Required.field(page, "page");
        Permissions.require(principal, Permission.VIEW_TEMPLATES);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> templates.list(tenant, page));
    }

    WhatsAppTemplate get(Principal principal, TemplateId id) {
        Required.field(id, "id");
        Permissions.require(principal, Permission.VIEW_TEMPLATES);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> templates.find(tenant, id))
                .orElseThrow(() -> new NotFoundException("template"));
    }

    WhatsAppTemplate map(Principal principal, TemplateId id, MapTemplateCommand command) {
        Required.field(id, "id");
        Required.field(command, "body");
        Permissions.require(principal, Permission.MANAGE_TEMPLATES);
        TenantId tenant = principal.requireTenant();
        Optional<MessagePurpose> purpose = Optional.empty();
        List<ParameterBinding> bindings = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        if (command.purpose() != null) {
            try {
                purpose = Optional.of(MessagePurpose.parseTemplated(command.purpose()));
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        List<MapTemplateCommand.Parameter> parameters = command.parameters() == null ? List.of() : command.parameters();
        if (purpose.isEmpty() && command.purpose() == null && !parameters.isEmpty()) {
            errors.add(new FieldError("parameters", "must be empty when the purpose is taken away"));
        }
        if (parameters.size() > MAX_PARAMETERS) {
            errors.add(new FieldError("parameters", "must be at most " + MAX_PARAMETERS));
        } else {
            for (int i = 0; i < parameters.size(); i++) {
                MapTemplateCommand.Parameter p = parameters.get(i);
                String field = "parameters[" + i + "]";
                if (p == null) {
                    errors.add(new FieldError(field, "is required"));
                    continue;
                }
                ComponentKey component = null;
                ParameterSource source = null;
                try {
                    component = ComponentKey.parse(p.component(), field + ".component");
                } catch (ValidationException e) {
                    errors.addAll(e.errors());
                }
                try {
                    source = ParameterSource.parse(p.source(), field + ".source");
                } catch (ValidationException e) {
                    errors.addAll(e.errors());
                }
                if (component != null && source != null) {
                    bindings.add(new ParameterBinding(component, source));
                }
            }
        }
        Map<Integer, ReplyAction> actions = replyActions(command.replyActions(), errors);
        if (command.purpose() == null && !actions.isEmpty()) {
            errors.add(new FieldError("replyActions", "must be empty when the purpose is taken away"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Optional<MessagePurpose> chosen = purpose;
        Instant now = now();
        return transactions.inTenant(tenant, () -> {
            WhatsAppTemplate current = templates.find(tenant, id).orElseThrow(() -> new NotFoundException("template"));
            WhatsAppTemplate next = chosen.isPresent() ? current.assign(chosen.get(), bindings, actions)
                    : current.unassigned();
            templates.save(tenant, next, now);
            audit.record(AuditEvent.by(principal, "whatsapp_template.map", SUBJECT, Optional.of(id.value()), PURPOSE,
                    1, now));
            return next;
        });
    }

    /** The typed reply actions by button index; each bad one named {@code replyActions.<index as typed>}. */
    private static Map<Integer, ReplyAction> replyActions(Map<String, String> typed, List<FieldError> errors) {
        Map<Integer, ReplyAction> actions = new java.util.TreeMap<>();
        if (typed == null) {
            return actions;
        }
        typed.forEach((index, action) -> {
            String field = "replyActions." + index;
            if (index == null || !index.matches("[0-9]")) {
                errors.add(new FieldError(field, "must be the index of a quick-reply button, 0 to 9"));
                return;
            }
            try {
                actions.put(Integer.parseInt(index), ReplyAction.parse(action, field));
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        });
        return actions;
    }

    WhatsAppTemplate create(Principal principal, CreateTemplateCommand command) {
        Required.field(command, "body");
        Permissions.require(principal, Permission.MANAGE_TEMPLATES);
        TenantId tenant = principal.requireTenant();
        List<FieldError> errors = new ArrayList<>();
        TemplateCategory category = null;
        if (command.category() == null) {
            errors.add(new FieldError("category", "is required"));
        } else {
            try {
                category = TemplateCategory.parse(command.category());
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        WhatsAppTemplate draft = null;
        try {
            draft = WhatsAppTemplate.submitted(new TemplateId(ids.next()), command.name(), command.language(),
                    category == null ? TemplateCategory.UTILITY : category, command.components());
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        if (command.componentsJson() == null || !command.componentsJson().strip().startsWith("[")) {
            errors.add(new FieldError("components", "must be an array of Meta's components"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        WhatsAppTemplate submitted = draft;
        var graph = account.gateway();
        // One unit before Meta is called: the number and its token, and whether the name is taken.
        WhatsAppAccountsService.Connected connected = transactions.inTenant(tenant, () -> {
            WhatsAppAccountsService.Connected c = account.connected(tenant);
            if (templates.findByName(tenant, submitted.name(), submitted.language()).isPresent()) {
                throw taken();
            }
            return c;
        });
        CreatedTemplate created = account.done("create the template", graph.createTemplate(connected.token(),
                connected.account().wabaId(), new TemplateDraft(submitted.name(), submitted.language(),
                        submitted.category().name(), command.componentsJson())), Optional.of(tenant));
        // Meta may file the template under another category than the one asked for; it says which.
        TemplateCategory filed = parseOr(created.category(), submitted.category());
        WhatsAppTemplate stored = WhatsAppTemplate.submitted(submitted.id(), submitted.name(), submitted.language(),
                filed, submitted.components());
        Instant now = now();
        return transactions.inTenant(tenant, () -> {
            try {
                templates.save(tenant, stored, now);
            } catch (ConflictException e) {
                throw taken();
            }
            audit.record(AuditEvent.by(principal, "whatsapp_template.create", SUBJECT,
                    Optional.of(stored.id().value()), PURPOSE, 1, now));
            return stored;
        });
    }

    /**
     * Sets Meta's status on the template of that name and language in every center of the business
     * account (a template-status webhook): the centers from the directory, then each in its own unit.
     *
     * @return how many centers had the template
     */
    int applyTemplateStatus(String wabaId, String name, String language, TemplateStatus status) {
        Required.field(wabaId, "wabaId");
        Required.field(name, "name");
        Required.field(language, "language");
        Required.field(status, "status");
        List<TenantId> centers = transactions.global(() -> accounts.centersOfBusinessAccount(wabaId));
        int updated = 0;
        for (TenantId center : centers) {
            Instant now = now();
            if (transactions.inTenant(center, () -> templates.updateStatus(center, name, language, status, now))) {
                updated++;
            }
        }
        return updated;
    }

    private List<WhatsAppTemplate> all(TenantId tenant) {
        List<WhatsAppTemplate> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<WhatsAppTemplate> page = templates.list(tenant, new PageRequest(PageRequest.MAX_LIMIT, cursor));
            all.addAll(page.items());
            cursor = page.next();
        } while (cursor.isPresent());
        return all;
    }

    private record Definition(TemplateCategory category, List<TemplateComponent> components, TemplateStatus status) {
    }

    /** Meta's template as the registry holds it; empty (and logged) for one the registry cannot hold. */
    private static Optional<Definition> definition(RemoteTemplate remote) {
        try {
            List<TemplateComponent> components = new ArrayList<>();
            int button = 0;
            for (RemoteTemplate.Component c : remote.components()) {
                switch (c.type()) {
                    case "HEADER" -> components.add(TemplateComponent.of(ComponentKey.HEADER, c.text()));
                    case "BODY" -> components.add(TemplateComponent.of(ComponentKey.BODY, c.text()));
                    case "FOOTER" -> components.add(TemplateComponent.of(ComponentKey.FOOTER, c.text()));
                    // A quick reply keeps its title (what a client's reply carries back); a title Meta
                    // would not accept is left out rather than losing the whole template.
                    case "BUTTON" -> {
                        int index = button++;
                        Optional<String> title = c.replyTitle().filter(t -> !t.isBlank()
                                && t.length() <= TemplateComponent.MAX_REPLY_TITLE);
                        components.add(title.isPresent() ? TemplateComponent.quickReply(index, title.get())
                                : TemplateComponent.of(ComponentKey.button(index), c.text()));
                    }
                    default -> {
                        // A kind Qleven does not fill (a carousel, …): nothing of it is sent.
                    }
                }
            }
            Definition d = new Definition(TemplateCategory.parse(remote.category()), components,
                    TemplateStatus.parse(remote.status()));
            // The record's own checks (name, language, one body…), before anything is written.
            WhatsAppTemplate.fromMeta(new TemplateId(new java.util.UUID(0, 0)), remote.name(), remote.language(),
                    d.category(), d.components(), d.status());
            return Optional.of(d);
        } catch (QlevenException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "event=whatsapp_template_skipped template=" + remote.id()
                    + " reason=" + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static TemplateCategory parseOr(String wire, TemplateCategory fallback) {
        try {
            return TemplateCategory.parse(wire);
        } catch (ValidationException e) {
            return fallback;
        }
    }

    private static String key(String name, String language) {
        return name + "|" + language;
    }

    private static ConflictException taken() {
        return new ConflictException("the center has a template of this name and language already",
                Map.of("field", "name"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

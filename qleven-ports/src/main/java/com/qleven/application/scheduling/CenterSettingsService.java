package com.qleven.application.scheduling;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.scheduling.OpeningHours;
import com.qleven.domain.scheduling.SchedulingSettings;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Center;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.scheduling.in.CenterView;
import com.qleven.ports.scheduling.out.SchedulingSettingsRepository;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.out.Centers;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The center's scheduling settings ({@code GET|PATCH /v1/center}). A center that never stored any
 * gets the defaults the first time they are read, stored then, so that its public slug (made from its
 * name, with a suffix when another center holds it) is claimed and stays what staff were shown. A
 * merge patch changes only the members it names; the profile's members are tenancy's and are
 * refused here, naming them.
 */
public final class CenterSettingsService {
    private static final Set<String> PROFILE = Set.of("name", "address", "taxId", "country", "timeZone", "currency");
    private static final Set<String> SETTINGS = Set.of("slug", "locale", "slotMinutes", "openingHours",
            "cancellationWindowHours", "waitlistOfferHoldMinutes");
    /** Languages of the countries Qleven starts in; any other country gets English with its region. */
    private static final int SUFFIXES = 9;

    private final Transactions transactions;
    private final Centers centers;
    private final SchedulingSettingsRepository settings;
    private final AuditTrail audit;
    private final Clock clock;

    public CenterSettingsService(Transactions transactions, Centers centers, SchedulingSettingsRepository settings,
                                 AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.centers = centers;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    public CenterView get(Principal principal) {
        Permissions.require(principal, Permission.VIEW_CENTER_SETTINGS);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> {
            Center center = center(tenant);
            return new CenterView(center.profile(), settingsOf(center));
        });
    }

    /** The center's settings in the unit of work open on the thread, the defaults stored on first need. */
    public SchedulingSettings settingsOf(TenantId tenant) {
        Required.field(tenant, "tenant");
        return settings.get(tenant).orElseGet(() -> settingsOf(center(tenant)));
    }

    /** Applies a merge patch (administrators); a slug another center holds is a conflict naming {@code slug}. */
    public CenterView update(Principal principal, Map<String, Object> mergePatch) {
        Required.field(mergePatch, "mergePatch");
        Permissions.require(principal, Permission.MANAGE_CENTER_SETTINGS);
        TenantId tenant = principal.requireTenant();
        List<FieldError> unknown = unknownMembers(mergePatch);
        Instant now = clock.instant();
        return transactions.inTenant(tenant, () -> {
            Center center = center(tenant);
            SchedulingSettings current = settings.get(tenant).orElseGet(() -> defaults(center));
            SchedulingSettings next = apply(current, mergePatch, unknown);
            settings.put(tenant, next, now);
            audit.record(AuditEvent.by(principal, "center.settings_update", "center", Optional.of(tenant.value()),
                    "scheduling", 1, now));
            return new CenterView(center.profile(), next);
        });
    }

    private SchedulingSettings settingsOf(Center center) {
        return settings.get(center.id()).orElseGet(() -> {
            SchedulingSettings defaults = defaults(center);
            settings.put(center.id(), defaults, clock.instant());
            return defaults;
        });
    }

    /** The defaults: a slug from the name nobody holds, the country's language. */
    private SchedulingSettings defaults(Center center) {
        String country = center.profile().country();
        Locale locale = com.qleven.domain.shared.CountryLocales.of(country);
        return SchedulingSettings.defaults(freeSlug(center), locale);
    }

    private String freeSlug(Center center) {
        String base = SchedulingSettings.suggestSlug(center.profile().name());
        if (base.length() > 50) {
            base = base.substring(0, 50).replaceAll("-+$", "");
        }
        if (base.length() < 3) {
            base = ("center-" + base).replaceAll("-+$", "");
        }
        for (int i = 1; i <= SUFFIXES; i++) {
            String candidate = i == 1 ? base : base + "-" + i;
            Optional<TenantId> holder = settings.centerBySlug(candidate);
            if (holder.isEmpty() || holder.get().equals(center.id())) {
                return candidate;
            }
        }
        // A crowded name: the center's own id makes it the center's.
        return base + "-" + center.id().value().toString().substring(0, 8);
    }

    /** The members this route does not change, each named. */
    private static List<FieldError> unknownMembers(Map<String, Object> patch) {
        List<FieldError> errors = new ArrayList<>();
        for (String member : patch.keySet()) {
            if (PROFILE.contains(member)) {
                errors.add(new FieldError(member, "is the center's profile, which this route does not change"));
            } else if (!SETTINGS.contains(member)) {
                errors.add(new FieldError(member, "is not a setting of the center"));
            }
        }
        return errors;
    }

    /** The patched settings, naming every bad member at once, after {@code unknown}. */
    private static SchedulingSettings apply(SchedulingSettings s, Map<String, Object> patch, List<FieldError> unknown) {
        List<FieldError> errors = new ArrayList<>(unknown);
        String slug = s.slug();
        Locale locale = s.locale();
        int slot = s.slotMinutes();
        OpeningHours opening = s.openingHours();
        int window = s.cancellationWindowHours();
        int hold = s.waitlistOfferHoldMinutes();
        try {
            if (patch.containsKey("slug")) {
                slug = Members.text(required(patch, "slug"), "slug");
            }
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        try {
            if (patch.containsKey("locale")) {
                locale = SchedulingSettings.parseLocale(Members.text(required(patch, "locale"), "locale"));
            }
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        try {
            if (patch.containsKey("slotMinutes")) {
                slot = Members.integer(required(patch, "slotMinutes"), "slotMinutes");
            }
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        try {
            if (patch.containsKey("cancellationWindowHours")) {
                window = Members.integer(required(patch, "cancellationWindowHours"), "cancellationWindowHours");
            }
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        try {
            if (patch.containsKey("waitlistOfferHoldMinutes")) {
                hold = Members.integer(required(patch, "waitlistOfferHoldMinutes"), "waitlistOfferHoldMinutes");
            }
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        try {
            if (patch.containsKey("openingHours")) {
                opening = openingHours(opening, patch.get("openingHours"));
            }
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        try {
            SchedulingSettings next = new SchedulingSettings(slug, locale, slot, opening, window, hold);
            if (errors.isEmpty()) {
                return next;
            }
        } catch (ValidationException e) {
            // The values' own errors too (a grid of 7 beside a locale that is no tag), each member once.
            List<String> named = errors.stream().map(FieldError::field).toList();
            e.errors().stream().filter(x -> !named.contains(x.field())).forEach(errors::add);
        }
        throw new ValidationException(errors);
    }

    /** A merge patch of {@code openingHours}: null clears it (open whenever someone works). */
    private static OpeningHours openingHours(OpeningHours current, Object value) {
        if (value == null) {
            return OpeningHours.always();
        }
        Map<String, Object> members = Members.object(value, "openingHours");
        List<FieldError> errors = new ArrayList<>();
        for (String member : members.keySet()) {
            if (!member.equals("weekly") && !member.equals("closedDays")) {
                errors.add(new FieldError("openingHours." + member, "is not a member of openingHours"));
            }
        }
        List<WeeklyHours.Entry> weekly = null;
        if (members.containsKey("weekly") && members.get("weekly") != null) {
            try {
                weekly = entries(Members.list(members.get("weekly"), "openingHours.weekly"), "openingHours.weekly");
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        List<String> closed = null;
        if (members.containsKey("closedDays") && members.get("closedDays") != null) {
            try {
                List<?> items = Members.list(members.get("closedDays"), "openingHours.closedDays");
                closed = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    closed.add(Members.text(items.get(i), "openingHours.closedDays[" + i + "]"));
                }
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        OpeningHours parsed = OpeningHours.parse(weekly, closed);
        return new OpeningHours(members.containsKey("weekly") ? parsed.weekly() : current.weekly(),
                members.containsKey("closedDays") ? parsed.closedDays() : current.closedDays());
    }

    /** Wire intervals {@code {"day","start","end"}}, naming {@code field[i].day} and so on when not strings. */
    static List<WeeklyHours.Entry> entries(List<?> items, String field) {
        List<WeeklyHours.Entry> entries = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = field + "[" + i + "]";
            try {
                Map<String, Object> item = Members.object(items.get(i), at);
                for (String member : item.keySet()) {
                    if (!Set.of("day", "start", "end").contains(member)) {
                        throw new ValidationException(at + "." + member, "is not a member of an interval");
                    }
                }
                entries.add(new WeeklyHours.Entry(optionalText(item, "day", at), optionalText(item, "start", at),
                        optionalText(item, "end", at)));
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return entries;
    }

    private static String optionalText(Map<String, Object> item, String member, String at) {
        Object value = item.get(member);
        return value == null ? null : Members.text(value, at + "." + member);
    }

    private static Object required(Map<String, Object> patch, String member) {
        Object value = patch.get(member);
        if (value == null) {
            throw new ValidationException(member, "is required and cannot be cleared");
        }
        return value;
    }

    private Center center(TenantId tenant) {
        return centers.byId(tenant).orElseThrow(() -> new ForbiddenException("no such center"));
    }
}

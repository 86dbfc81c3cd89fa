package com.qleven.application.scheduling;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.scheduling.SchedulingSettings;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.scheduling.Service;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.CenterProfile;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.scheduling.out.SchedulingSettingsRepository;
import com.qleven.ports.tenancy.out.Memberships;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * What the scheduling use cases share: the center's zone and rules, who may act on which agenda,
 * the member look-up that turns another center's or an unknown id into a 422, and the audit.
 */
final class SchedulingAccess {
    static final String PURPOSE = "scheduling";
    static final String APPOINTMENT = "appointment";
    static final String WAITLIST = "waitlist_entry";
    /**
     * The rules of a center that never saved its scheduling settings: the defaults (15-minute grid,
     * open whenever someone works). Only the grid, hours and windows are read from them here.
     */
    private static final SchedulingSettings UNSET = SchedulingSettings.defaults("unset", Locale.ENGLISH);

    /** The center's zone and scheduling rules, read once per unit of work (one statement: center and settings). */
    record CenterRules(String name, ZoneId zone, SchedulingSettings settings, String country) {
    }

    private final SchedulingSettingsRepository settings;
    private final Memberships memberships;

    SchedulingAccess(SchedulingSettingsRepository settings, Memberships memberships) {
        this.settings = settings;
        this.memberships = memberships;
    }

    CenterRules rules(TenantId tenant) {
        return rulesOf(settings.centerWithSettings(tenant)
                .orElseThrow(() -> new IllegalStateException("the principal's center " + tenant + " is not stored")));
    }

    /** The center's rules beside one of its services. */
    record RulesAndService(CenterRules rules, Service service) {
    }

    /**
     * The center's rules and its service of id {@code service}, in one statement, or a 422 naming
     * {@code serviceId} when the center has no service of that id: what a use case about one service
     * reads first.
     */
    RulesAndService rulesWith(TenantId tenant, ServiceId service) {
        SchedulingSettingsRepository.CenterWithService read = settings.centerWithService(tenant, service)
                .orElseThrow(() -> new IllegalStateException("the principal's center " + tenant + " is not stored"));
        return new RulesAndService(rulesOf(read.center()), read.service().orElseThrow(
                () -> new UnprocessableException("serviceId", "is not a service of this center")));
    }

    private static CenterRules rulesOf(SchedulingSettingsRepository.CenterWithSettings read) {
        CenterProfile profile = read.profile();
        return new CenterRules(profile.name(), profile.timeZone(), read.settings().orElse(UNSET), profile.country());
    }

    /** Refuses, naming {@code field}, a user who is not an active member of the center (another center's, unknown). */
    void requireMember(TenantId tenant, UserId user, String field) {
        boolean member = memberships.find(tenant, user).filter(m -> m.active() && !m.pending()).isPresent();
        if (!member) {
            throw new UnprocessableException(field, "is not an active member of this center");
        }
    }

    /** True when the principal runs every agenda (administrators, receptionists). */
    static boolean runsEveryAgenda(Principal principal) {
        return Permissions.allows(principal.role(), Permission.MANAGE_APPOINTMENTS);
    }

    /** Refuses a principal who may touch no agenda at all. */
    static void requireAnyAgenda(Principal principal) {
        if (!runsEveryAgenda(principal)) {
            Permissions.require(principal, Permission.MANAGE_OWN_APPOINTMENTS);
        }
    }

    /** Refuses a principal who may not act on {@code professional}'s agenda: professionals have their own only. */
    static void requireAgenda(Principal principal, UserId professional) {
        requireAnyAgenda(principal);
        if (!runsEveryAgenda(principal) && !principal.userId().equals(professional)) {
            throw new ForbiddenException("the role " + principal.role().wireName()
                    + " may act on its own agenda only");
        }
    }

    /**
     * The professional a professional's request is limited to: their own, whether named or not;
     * naming another is refused. Others keep what they asked for.
     */
    static Optional<UserId> agendaOf(Principal principal, Optional<UserId> asked) {
        requireAnyAgenda(principal);
        if (runsEveryAgenda(principal)) {
            return asked;
        }
        asked.ifPresent(p -> requireAgenda(principal, p));
        return Optional.of(principal.userId());
    }

    static void record(AuditTrail audit, Principal principal, String action, String subjectType,
                       Optional<UUID> subject, int rows, Instant at) {
        audit.record(AuditEvent.by(principal, action, subjectType, subject, PURPOSE, rows, at));
    }
}

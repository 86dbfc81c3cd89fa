package com.qleven.application.privacy;

import com.qleven.application.shared.MailQueue;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.privacy.CenterNotification;
import com.qleven.domain.privacy.Incident;
import com.qleven.domain.privacy.IncidentId;
import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.privacy.in.IncidentView;
import com.qleven.ports.privacy.in.ReportIncident;
import com.qleven.ports.privacy.in.ReportIncidentCommand;
import com.qleven.ports.privacy.out.CenterNotifications;
import com.qleven.ports.privacy.out.Incidents;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.Centers;
import com.qleven.ports.tenancy.out.Memberships;
import com.qleven.ports.tenancy.out.StoredAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records a breach, then tells each affected center at once. The register entry and its audit
 * event (on the platform's chain) commit in one global unit of work; each center's notification
 * and the mail to its administrators then commit in one unit of that center, so row-level security
 * holds for the notices and one center's failure cannot undo another's. A center whose unit did not
 * commit shows no notification time in the register, so an operator sees it was not told.
 */
public final class ReportIncidentService implements ReportIncident {
    private static final System.Logger LOG = System.getLogger(ReportIncidentService.class.getName());
    /** How long mail about a breach stays worth sending if SMTP is down. */
    static final Duration MAIL_LIFETIME = Duration.ofDays(30);
    private final Transactions transactions;
    private final Centers centers;
    private final Accounts accounts;
    private final Memberships memberships;
    private final Incidents incidents;
    private final CenterNotifications centerNotifications;
    private final FieldCipher cipher;
    private final MailQueue mail;
    private final AuditTrail audit;
    private final Clock clock;
    private final IdGenerator ids;
    private final IncidentSeal seal;

    public ReportIncidentService(Transactions transactions, Centers centers, Accounts accounts, Memberships memberships,
                                 Incidents incidents, CenterNotifications centerNotifications, FieldCipher cipher,
                                 MailQueue mail, AuditTrail audit, Clock clock, IdGenerator ids) {
        this.transactions = transactions;
        this.centers = centers;
        this.accounts = accounts;
        this.memberships = memberships;
        this.incidents = incidents;
        this.centerNotifications = centerNotifications;
        this.cipher = cipher;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
        this.seal = new IncidentSeal(cipher);
    }

    @Override
    public IncidentView report(Principal principal, ReportIncidentCommand command) {
        // Refused before anything of the request is looked at: a center's caller learns nothing of
        // what an operator's report must hold.
        Permissions.require(principal, Permission.REPORT_INCIDENTS);
        Required.field(command, "command");
        // PostgreSQL keeps microseconds: both stores then answer the instants they were given.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        check(command, now);
        List<String> unknown = command.centers().stream()
                .filter(c -> !transactions.inTenant(c, () -> centers.byId(c).isPresent()))
                .map(TenantId::toString).toList();
        if (!unknown.isEmpty()) {
            throw new UnprocessableException("tenantIds", "no such center: " + String.join(", ", unknown));
        }
        Incident incident = new Incident(new IncidentId(ids.next()),
                command.detectedAt().truncatedTo(ChronoUnit.MICROS), command.description(),
                command.categories(), command.centers(), principal.userId(), now);
        transactions.global(() -> {
            incidents.add(seal.seal(incident));
            audit.record(AuditEvent.by(principal, "incident.report", "incident", Optional.of(incident.id().value()),
                    "incident register (policy 12)", incident.centers().size(), now));
        });
        LOG.log(System.Logger.Level.WARNING, "event=incident_reported incident=" + incident.id() + " centers="
                + incident.centers().size() + " by=" + principal.userId());
        List<IncidentView.AffectedCenter> centers = new ArrayList<>();
        for (TenantId center : incident.centers()) {
            centers.add(new IncidentView.AffectedCenter(center, notify(center, incident)));
        }
        return new IncidentView(incident.id(), incident.detectedAt(), incident.description(), incident.categories(),
                incident.reportedAt(), incident.authorityDeadline(), incident.status(now), centers);
    }

    private Optional<Instant> notify(TenantId center, Incident incident) {
        try {
            return Optional.of(transactions.inTenant(center, () -> {
                Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
                centerNotifications.add(seal.seal(new CenterNotification(center, ids.next(),
                        IncidentNotices.KIND, incident.id().value(), IncidentNotices.title(),
                        IncidentNotices.text(incident), at)));
                List<StoredAccount> administrators = accounts
                        .byIds(memberships.lockActiveAdministrators(center));
                for (StoredAccount admin : administrators) {
                    mail.enqueue(IncidentNotices.mail(email(admin), incident), at.plus(MAIL_LIFETIME));
                }
                return at;
            }));
        } catch (RuntimeException e) {
            // The register keeps the incident either way; the missing notification time shows the gap.
            LOG.log(System.Logger.Level.ERROR, "event=incident_notice_failed incident=" + incident.id() + " tenant="
                    + center + " error=" + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private EmailAddress email(StoredAccount account) {
        return new EmailAddress(cipher.decrypt("account|email|" + account.id(), account.email()));
    }

    private static void check(ReportIncidentCommand command, Instant now) {
        if (command.detectedAt().isAfter(now)) {
            throw new ValidationException("detectedAt", "must not be in the future");
        }
        if (command.description().isBlank() || command.description().length() > Incident.MAX_DESCRIPTION) {
            throw new ValidationException("description", "must have 1 to " + Incident.MAX_DESCRIPTION + " characters");
        }
        if (command.categories().isEmpty()) {
            throw new ValidationException("categories", "must name at least one category");
        }
        if (command.centers().isEmpty() || command.centers().size() > Incident.MAX_CENTERS) {
            throw new ValidationException("tenantIds", "must name 1 to " + Incident.MAX_CENTERS + " centers");
        }
        if (command.centers().stream().distinct().count() != command.centers().size()) {
            throw new ValidationException("tenantIds", "must not name a center twice");
        }
    }
}

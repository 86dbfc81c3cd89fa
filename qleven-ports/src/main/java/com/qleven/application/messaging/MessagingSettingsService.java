package com.qleven.application.messaging;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.messaging.MessagingSettings;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.PreconditionFailedException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.messaging.in.MessagingSettingsView;
import com.qleven.ports.messaging.out.MessagingCenters;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A center's messaging settings: every member reads them (they say when reminders go), administrators
 * replace them. A replacement may name the version it was made from ({@code If-Match}); a stale one is
 * refused whole. Reminders already queued keep their times; appointments booked or moved afterwards
 * get the new offsets.
 */
final class MessagingSettingsService {
    static final String SUBJECT = "messaging_settings";
    static final String PURPOSE = "messaging";
    private final Transactions transactions;
    private final MessagingCenters centers;
    private final AuditTrail audit;
    private final Clock clock;

    MessagingSettingsService(Transactions transactions, MessagingCenters centers, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.centers = centers;
        this.audit = audit;
        this.clock = clock;
    }

    MessagingSettingsView settings(Principal principal) {
        Permissions.require(principal, Permission.VIEW_TEMPLATES);
        TenantId tenant = principal.requireTenant();
        return transactions.inTenant(tenant, () -> current(tenant));
    }

    MessagingSettingsView save(Principal principal, MessagingSettings settings, Optional<Long> ifMatch) {
        Required.field(settings, "body");
        Permissions.require(principal, Permission.MANAGE_MESSAGING_SETTINGS);
        TenantId tenant = principal.requireTenant();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.inTenant(tenant, () -> {
            long version = current(tenant).version();
            if (ifMatch.isPresent() && ifMatch.get() != version) {
                throw new PreconditionFailedException("the messaging settings changed since that version was read");
            }
            if (!centers.save(tenant, settings, version, now)) {
                // Another save committed between the read and this one: nothing written.
                throw new ConflictException("the messaging settings changed meanwhile; read them again");
            }
            audit.record(AuditEvent.by(principal, "messaging_settings.update", SUBJECT, Optional.empty(), PURPOSE,
                    1, now));
            return new MessagingSettingsView(settings, version + 1);
        });
    }

    private MessagingSettingsView current(TenantId tenant) {
        return centers.read(tenant).map(s -> new MessagingSettingsView(s.settings(), s.version()))
                .orElseGet(() -> new MessagingSettingsView(MessagingSettings.defaults(), 0));
    }
}

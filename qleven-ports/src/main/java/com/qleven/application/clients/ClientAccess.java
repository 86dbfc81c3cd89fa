package com.qleven.application.clients;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.clients.Client;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Center;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.domain.tenancy.Role;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.clients.in.ClientView;
import com.qleven.ports.clients.out.ClientRestrictions;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.tenancy.out.Centers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What the client use cases share: the notes rule, the views they answer, the center, the audit. */
final class ClientAccess {
    /** Why the center's staff touch client records: to look after their clients. */
    static final String PURPOSE = "client_management";
    static final String SUBJECT = "client";

    private ClientAccess() {
    }

    static boolean mayReadNotes(Principal principal) {
        return Permissions.allows(principal.role(), Permission.READ_CLIENT_NOTES);
    }

    /** Refuses, naming the notes, a principal who may not read or write them. */
    static void requireNotes(Principal principal) {
        if (!mayReadNotes(principal)) {
            throw new ForbiddenException("notes: the role " + principal.role().wireName()
                    + " may not read or write client notes");
        }
    }

    static ClientView view(Client client, boolean notesVisible) {
        return new ClientView(client.id(), client.fullName(), client.phone().map(p -> p.e164()),
                client.email().map(e -> e.value()), client.birthDate(),
                notesVisible ? client.notes() : Optional.empty(), notesVisible,
                client.createdAt(), client.updatedAt(), client.version(), Optional.empty(), Optional.empty(),
                client.details().billingIdentity(), client.preferredLanguage());
    }

    /**
     * The refusal to process a restricted client (GDPR Art. 18): a conflict with its state, until an
     * administrator lifts the restriction. Says nothing about the client beyond that.
     */
    static ConflictException restricted() {
        return new ConflictException("the client's processing is restricted (GDPR Art. 18): it cannot be read by"
                + " staff, changed, messaged, booked or given new consent grants until an administrator lifts the"
                + " restriction", Map.of("restricted", true));
    }

    /** The center the unit of work belongs to; it exists for every principal of a center. */
    static Center center(Centers centers, TenantId tenant) {
        return centers.byId(tenant)
                .orElseThrow(() -> new IllegalStateException("the principal's center " + tenant + " is not stored"));
    }

    /** The center's date at that instant, in its time zone: what "in the future" means for a birth date. */
    static LocalDate today(Center center, Instant now) {
        return LocalDate.ofInstant(now, center.profile().timeZone());
    }

    /** The clients a list or search shows, and the restrictions in force among them. */
    record Visible(List<StoredClient> clients, Map<ClientId, ClientRestrictions.Restriction> restrictions) {
    }

    /**
     * The clients of a list or search that the principal may see: a restricted client (GDPR Art. 18)
     * is left out for everyone but the center's administrators, who see its restriction. A page may
     * so hold fewer items than its limit; its cursor still leads on.
     */
    static Visible visible(ClientRestrictions clientRestrictions, Principal principal, TenantId tenant,
                           List<StoredClient> clients) {
        if (clients.isEmpty()) {
            return new Visible(clients, Map.of());
        }
        Map<ClientId, ClientRestrictions.Restriction> restrictions = clientRestrictions.activeAmong(tenant,
                clients.stream().map(StoredClient::id).toList());
        if (principal.role() == Role.ADMINISTRATOR) {
            return new Visible(clients, restrictions);
        }
        return new Visible(clients.stream().filter(c -> !restrictions.containsKey(c.id())).toList(), Map.of());
    }

    static void record(AuditTrail audit, Principal principal, String action, Optional<UUID> subject, int rows,
                       Instant at) {
        audit.record(AuditEvent.by(principal, action, SUBJECT, subject, PURPOSE, rows, at));
    }

    /**
     * Records a list or search as a read of each client it showed, one event per client, so that
     * the client's access export (Art. 15) and the burst watch see every person read; a page that
     * showed nobody is still recorded, as one event of no subject and no rows.
     */
    static void recordShown(AuditTrail audit, Principal principal, String action, List<ClientId> shown, Instant at) {
        if (shown.isEmpty()) {
            record(audit, principal, action, Optional.empty(), 0, at);
            return;
        }
        audit.recordAll(shown.stream()
                .map(id -> AuditEvent.by(principal, action, SUBJECT, Optional.of(id.value()), PURPOSE, 1, at))
                .toList());
    }
}

package com.qleven.application.tenancy;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.LastAdministrator;
import com.qleven.domain.tenancy.Membership;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.domain.tenancy.Role;
import com.qleven.domain.tenancy.SessionId;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.in.UpdateUser;
import com.qleven.ports.tenancy.in.UpdateUserCommand;
import com.qleven.ports.tenancy.in.UserView;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.Memberships;
import com.qleven.ports.tenancy.out.Sessions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Changes a member's role or active state. A change that could leave the center without an active
 * administrator first locks the active administrators, then reads the member, so two administrators
 * demoting each other at once cannot both succeed. Deactivation removes the member's session tokens
 * of this center and ends those sessions in the same unit of work: they stop working at once.
 */
public final class UpdateUserService implements UpdateUser {
    private static final System.Logger LOG = System.getLogger(UpdateUserService.class.getName());
    private final Transactions transactions;
    private final Directory directory;
    private final Accounts accounts;
    private final Memberships memberships;
    private final Sessions sessions;
    private final FieldCipher cipher;
    private final AccountFields fields;
    private final AuditTrail audit;
    private final Clock clock;

    public UpdateUserService(Transactions transactions, Directory directory, Accounts accounts, Memberships memberships,
                             Sessions sessions, FieldCipher cipher, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.directory = directory;
        this.accounts = accounts;
        this.memberships = memberships;
        this.sessions = sessions;
        this.cipher = cipher;
        this.fields = new AccountFields(cipher);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public UserView update(Principal principal, UserId user, UpdateUserCommand command) {
        Required.field(user, "user");
        Required.field(command, "command");
        Permissions.require(principal, Permission.MANAGE_USERS);
        TenantId tenant = principal.requireTenant();
        Instant now = clock.instant();
        boolean mayRemoveAnAdministrator = command.role().map(r -> r != Role.ADMINISTRATOR).orElse(false)
                || command.active().map(a -> !a).orElse(false);
        return transactions.inTenant(tenant, () -> {
            List<UserId> administrators = mayRemoveAnAdministrator
                    ? memberships.lockActiveAdministrators(tenant) : List.of();
            Membership before = memberships.find(tenant, user)
                    .orElseThrow(() -> new NotFoundException("user"));
            if (before.pending() && command.active().isPresent()) {
                throw new ConflictException("this person has not accepted the membership yet: only its role can"
                        + " change until they do");
            }
            Membership after = afterOf(before, command);
            LastAdministrator.check(before, after, administrators.size());
            memberships.update(after);
            int ended = 0;
            if (before.active() && !after.active()) {
                ended = endSessionsHere(tenant, user, now);
            }
            record(principal, before, after, now);
            UserView view = (after.pending()
                    ? memberships.typed(tenant, List.of(user)).stream().findFirst()
                            .map(t -> Users.view(Users.openTyped(cipher, after, t), after))
                    : accounts.byId(user).map(fields::open).map(a -> Users.view(a, after)))
                    .orElseThrow(() -> new NotFoundException("user"));
            LOG.log(System.Logger.Level.INFO, "event=user_updated tenant=" + tenant + " user=" + user + " role="
                    + view.role().wireName() + " active=" + view.active() + " sessionsEnded=" + ended
                    + " by=" + principal.userId());
            return view;
        });
    }

    private static Membership afterOf(Membership before, UpdateUserCommand command) {
        Membership after = command.role().map(before::withRole).orElse(before);
        return command.active().map(after::withActive).orElse(after);
    }

    private int endSessionsHere(TenantId tenant, UserId user, Instant now) {
        List<Directory.SessionToken> here = directory.sessionTokensOf(user).stream()
                .filter(t -> t.tenantId().equals(Optional.of(tenant))).toList();
        for (Directory.SessionToken t : here) {
            directory.removeSessionToken(t.sessionId());
            sessions.end(Optional.of(tenant), new SessionId(t.sessionId()), now, "deactivated");
        }
        return here.size();
    }

    private void record(Principal principal, Membership before, Membership after, Instant now) {
        Optional<java.util.UUID> subject = Optional.of(after.userId().value());
        if (before.role() != after.role()) {
            audit.record(AuditEvent.by(principal, "account.role_change", "account", subject,
                    InvitationFields.PURPOSE, 1, now));
        }
        if (before.active() && !after.active()) {
            audit.record(AuditEvent.by(principal, "account.deactivate", "account", subject,
                    InvitationFields.PURPOSE, 1, now));
        } else if (!before.active() && after.active()) {
            audit.record(AuditEvent.by(principal, "account.reactivate", "account", subject,
                    InvitationFields.PURPOSE, 1, now));
        }
    }
}

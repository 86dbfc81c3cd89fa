package com.qleven.application.tenancy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Account;
import com.qleven.domain.tenancy.Membership;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.tenancy.in.AddUser;
import com.qleven.ports.tenancy.in.AddUserCommand;
import com.qleven.ports.tenancy.in.UserView;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Adds a person to a center. When the email already has an account, the account gains a
 * membership and keeps its password; the answer is built from what the administrator sent, and a
 * password is hashed either way, so that neither the body nor the timing tells that the person
 * already had an account elsewhere. For the same reason the center's audit chain records a
 * {@code membership.create} either way; the creation of a new account, a global record, goes to the
 * platform's chain, which only operators read.
 */
public final class AddUserService implements AddUser {
    private static final System.Logger LOG = System.getLogger(AddUserService.class.getName());
    private final QlevenStore store;
    private final AccountFields fields;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final IdGenerator ids;
    private final AuditTrail audit;

    public AddUserService(QlevenStore store, FieldCipher cipher, PasswordHasher hasher, Clock clock, IdGenerator ids,
                          AuditTrail audit) {
        this.store = store;
        this.fields = new AccountFields(cipher);
        this.hasher = hasher;
        this.clock = clock;
        this.ids = ids;
        this.audit = audit;
    }

    @Override
    public UserView add(Principal principal, AddUserCommand command) {
        Required.field(command, "command");
        Permissions.require(principal, Permission.MANAGE_USERS);
        TenantId tenant = principal.requireTenant();
        if (!command.ageConfirmed()) {
            throw new UnprocessableException("ageConfirmed", "the person must confirm being 16 or older");
        }
        BlindIndex email = fields.emailIndex(command.person().email());
        String passwordHash = hasher.hash(command.password());
        Instant now = clock.instant();
        UserId newId = new UserId(ids.next());
        UserId member = store.transactions().inTenant(tenant, () -> {
            Optional<UserId> existing = store.directory().accountByEmail(email);
            UserId id = existing.orElse(newId);
            if (existing.isPresent()) {
                if (store.memberships().find(tenant, id).isPresent()) {
                    throw new ConflictException("this person is already a member of the center");
                }
            } else {
                if (!store.directory().claimAccountEmail(email, id)) {
                    throw new ConflictException("this email was just taken; try again");
                }
                Account account = new Account(id, command.person(), now, false, now);
                store.accounts().add(fields.seal(account, passwordHash));
                // The platform's chain before the center's: units that write both lock the heads in
                // this one order, so two of them never wait on each other.
                audit.record(new AuditEvent(Optional.empty(), Optional.of(principal.userId()),
                        Optional.of(principal.sessionId().value()), "account.create", "account",
                        Optional.of(id.value()), "added to a center", 1, now));
            }
            store.memberships().add(new Membership(tenant, id, command.role(), now));
            store.directory().addMembership(id, tenant);
            audit.record(AuditEvent.by(principal, "membership.create", "account", Optional.of(id.value()),
                    "add member", 1, now));
            return id;
        });
        LOG.log(System.Logger.Level.INFO, "event=user_added tenant=" + tenant + " user=" + member
                + " role=" + command.role().wireName() + " by=" + principal.userId());
        Account asSent = new Account(member, command.person(), now, false, now);
        return Users.view(asSent, new Membership(tenant, member, command.role(), now));
    }
}

package com.qleven.application.tenancy;

import com.qleven.application.shared.MailQueue;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Account;
import com.qleven.domain.tenancy.AccountLifecyclePolicy;
import com.qleven.domain.tenancy.Membership;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.shared.out.RateLimits;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.in.AccountLinks;
import com.qleven.ports.tenancy.in.AddUser;
import com.qleven.ports.tenancy.in.AddUserCommand;
import com.qleven.ports.tenancy.in.UserView;
import com.qleven.ports.tenancy.out.AccountTokens;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.Centers;
import com.qleven.ports.tenancy.out.Memberships;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Adds a person to a center. A new email gets an account at once, active, with the password the
 * administrator chose. An email that already has an account gets a pending membership instead: the
 * person is mailed a link to accept with their own password (or accepts signed in), and until then
 * the center sees only what its administrator typed, never the account's stored fields, and the
 * chosen password touches nothing. The answer says which ({@code status}); a password is hashed
 * either way all the same. The center's audit chain records a {@code membership.create} either
 * way; the creation of a new account, a global record, goes to the platform's chain, which only
 * operators read.
 */
public final class AddUserService implements AddUser {
    private static final System.Logger LOG = System.getLogger(AddUserService.class.getName());
    private final Transactions transactions;
    private final Directory directory;
    private final Centers centers;
    private final Accounts accounts;
    private final Memberships memberships;
    private final AccountTokens accountTokens;
    private final FieldCipher cipher;
    private final AccountFields fields;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final IdGenerator ids;
    private final AuditTrail audit;
    private final MailQueue mail;
    private final AccountMail messages;
    private final AccountLifecyclePolicy policy;
    private final CenterMailLimit limit;
    private final LinkTokens tokens = new LinkTokens();

    public AddUserService(Transactions transactions, Directory directory, RateLimits rateLimits, Centers centers,
                          Accounts accounts, Memberships memberships, AccountTokens accountTokens, FieldCipher cipher,
                          PasswordHasher hasher, Clock clock, IdGenerator ids, AuditTrail audit, MailQueue mail,
                          URI publicUrl, AccountLifecyclePolicy policy) {
        this.transactions = transactions;
        this.directory = directory;
        this.centers = centers;
        this.accounts = accounts;
        this.memberships = memberships;
        this.accountTokens = accountTokens;
        this.cipher = cipher;
        this.fields = new AccountFields(cipher);
        this.hasher = hasher;
        this.clock = clock;
        this.ids = ids;
        this.audit = audit;
        this.mail = mail;
        this.messages = new AccountMail(publicUrl);
        this.policy = policy;
        this.limit = new CenterMailLimit(rateLimits, cipher, policy);
    }

    private record Added(UserId id, boolean pending) {
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
        String token = tokens.newToken(AccountLinks.MEMBERSHIP);
        Added added = transactions.inTenant(tenant, () -> {
            Optional<UserId> existing = directory.accountByEmail(email);
            UserId id = existing.orElse(newId);
            if (existing.isPresent()) {
                if (memberships.find(tenant, id).isPresent()) {
                    throw new ConflictException("this person is already a member of the center");
                }
                limit.take(tenant, now);
                Membership pending = Membership.pending(tenant, id, command.role(), now);
                memberships.addPending(pending, Users.sealTyped(cipher, pending, command.person()));
                directory.addPendingMembership(id, tenant);
                Instant expires = now.plus(policy.invitationLifetime());
                accountTokens.removeMembershipTokens(tenant, id);
                accountTokens.addMembershipToken(new AccountTokens.MembershipToken(LinkTokens.hash(token),
                        tenant, id, expires));
                String centerName = centers.byId(tenant).map(c -> c.profile().name())
                        .orElseThrow(() -> new IllegalStateException("the principal's center " + tenant + " is gone"));
                mail.enqueue(messages.membershipRequest(command.person().email(), centerName, command.role(), token,
                        policy.invitationLifetime()), expires);
            } else {
                if (!directory.claimAccountEmail(email, id)) {
                    throw new ConflictException("this email was just taken; try again");
                }
                Account account = new Account(id, command.person(), now, false, now);
                accounts.add(fields.seal(account, passwordHash));
                // The platform's chain before the center's: units that write both lock the heads in
                // this one order, so two of them never wait on each other.
                audit.record(new AuditEvent(Optional.empty(), Optional.of(principal.userId()),
                        Optional.of(principal.sessionId().value()), "account.create", "account",
                        Optional.of(id.value()), "added to a center", 1, now));
                memberships.add(new Membership(tenant, id, command.role(), now));
                directory.addMembership(id, tenant);
            }
            audit.record(AuditEvent.by(principal, "membership.create", "account", Optional.of(id.value()),
                    "add member", 1, now));
            return new Added(id, existing.isPresent());
        });
        LOG.log(System.Logger.Level.INFO, "event=user_added tenant=" + tenant + " user=" + added.id()
                + " role=" + command.role().wireName() + " pending=" + added.pending() + " by=" + principal.userId());
        if (added.pending()) {
            return Users.view(command.person(), Membership.pending(tenant, added.id(), command.role(), now));
        }
        Account asSent = new Account(added.id(), command.person(), now, false, now);
        return Users.view(asSent, new Membership(tenant, added.id(), command.role(), now));
    }
}

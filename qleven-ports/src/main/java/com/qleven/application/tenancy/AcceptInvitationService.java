package com.qleven.application.tenancy;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Account;
import com.qleven.domain.tenancy.Invitation;
import com.qleven.domain.tenancy.Membership;
import com.qleven.domain.tenancy.PersonDetails;
import com.qleven.domain.tenancy.SignInThrottle;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.shared.out.RateLimits;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.in.AcceptInvitation;
import com.qleven.ports.tenancy.in.AcceptInvitationCommand;
import com.qleven.ports.tenancy.out.AccountTokens;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.Invitations;
import com.qleven.ports.tenancy.out.Memberships;
import com.qleven.ports.tenancy.out.StoredAccount;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Accepts an invitation. The token is looked up in the directory, the invitation in its center;
 * marking it accepted, creating the account (or adding the existing one) and the membership commit
 * together, and the acceptance is a conditional update, so of two racing uses of one link only one
 * wins. Any refusal leaves everything as it was (a wrong password of an existing account counts as
 * a failed sign-in of that account, like at sign-in).
 */
public final class AcceptInvitationService implements AcceptInvitation {
    private static final System.Logger LOG = System.getLogger(AcceptInvitationService.class.getName());
    private final Transactions transactions;
    private final Directory directory;
    private final Accounts accounts;
    private final Memberships memberships;
    private final Invitations invitations;
    private final AccountTokens accountTokens;
    private final AccountFields accountFields;
    private final InvitationFields fields;
    private final PasswordHasher hasher;
    private final PasswordChecks checks;
    private final AuditTrail audit;
    private final Clock clock;
    private final IdGenerator ids;

    public AcceptInvitationService(Transactions transactions, Directory directory, RateLimits rateLimits,
                                   Accounts accounts, Memberships memberships, Invitations invitations,
                                   AccountTokens accountTokens, FieldCipher cipher, PasswordHasher hasher,
                                   AuditTrail audit, Clock clock, IdGenerator ids, SignInThrottle throttle) {
        this.transactions = transactions;
        this.directory = directory;
        this.accounts = accounts;
        this.memberships = memberships;
        this.invitations = invitations;
        this.accountTokens = accountTokens;
        this.accountFields = new AccountFields(cipher);
        this.fields = new InvitationFields(cipher);
        this.hasher = hasher;
        this.checks = new PasswordChecks(transactions, rateLimits, hasher, throttle);
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
    }

    /** What is known before any password is hashed. */
    private record Found(Invitation invitation, BlindIndex emailIndex, Optional<StoredAccount> account) {
    }

    @Override
    public Accepted accept(AcceptInvitationCommand command) {
        Required.field(command, "command");
        Instant now = clock.instant();
        AccountTokens.InvitationToken entry = transactions
                .global(() -> accountTokens.invitationByTokenHash(LinkTokens.hash(command.token())))
                .filter(e -> now.isBefore(e.expiresAt()))
                .orElseThrow(AcceptInvitationService::unusable);
        TenantId tenant = entry.tenantId();
        Found found = transactions.inTenant(tenant, () -> {
            Invitation invitation = invitations.byId(tenant, entry.invitationId()).map(fields::open)
                    .filter(i -> i.status(now) == Invitation.Status.PENDING)
                    .orElseThrow(AcceptInvitationService::unusable);
            BlindIndex email = accountFields.emailIndex(invitation.email());
            return new Found(invitation, email,
                    directory.accountByEmail(email).flatMap(id -> accounts.byId(id)));
        });
        String passwordHash = null;
        if (found.account().isPresent()) {
            if (!checks.verify(found.emailIndex(), found.account().get(), command.password(), now)) {
                throw new UnprocessableException("password",
                        "is not the password of the account this email already has");
            }
        } else {
            if (!command.ageConfirmed()) {
                throw new UnprocessableException("ageConfirmed", "the person must confirm being 16 or older");
            }
            passwordHash = hasher.hash(command.password());
        }
        Invitation invitation = found.invitation();
        UserId user = found.account().map(StoredAccount::id).orElseGet(() -> new UserId(ids.next()));
        String hash = passwordHash;
        transactions.inTenant(tenant, () -> {
            if (!invitations.accept(tenant, invitation.id(), user, now)) {
                throw unusable();
            }
            accountTokens.removeInvitationToken(invitation.id());
            if (found.account().isPresent()) {
                if (memberships.find(tenant, user).isPresent()) {
                    throw new ConflictException("this account is already a member of the center");
                }
            } else {
                if (!directory.claimAccountEmail(found.emailIndex(), user)) {
                    throw new ConflictException("this email was just given an account; accept again with its password");
                }
                PersonDetails person = new PersonDetails(command.fullName(), invitation.email(), command.phone());
                accounts.add(accountFields.seal(new Account(user, person, now, false, now), hash));
            }
            memberships.add(new Membership(tenant, user, invitation.role(), now));
            directory.addMembership(user, tenant);
            audit.record(new AuditEvent(Optional.of(tenant), Optional.of(user), Optional.empty(),
                    "account.invitation_accept", "account", Optional.of(user.value()), InvitationFields.PURPOSE, 1,
                    now));
        });
        LOG.log(System.Logger.Level.INFO, "event=invitation_accepted tenant=" + tenant + " invitation="
                + invitation.id() + " user=" + user + " existingAccount=" + found.account().isPresent());
        return new Accepted(user, tenant);
    }

    private static UnprocessableException unusable() {
        return new UnprocessableException("token",
                "this invitation link is unknown, expired, replaced or already used; ask for a new invitation");
    }
}

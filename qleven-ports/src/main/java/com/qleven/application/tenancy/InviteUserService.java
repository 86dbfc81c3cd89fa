package com.qleven.application.tenancy;

import com.qleven.application.shared.MailQueue;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.AccountLifecyclePolicy;
import com.qleven.domain.tenancy.Invitation;
import com.qleven.domain.tenancy.InvitationId;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.RateLimits;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.in.AccountLinks;
import com.qleven.ports.tenancy.in.InvitationView;
import com.qleven.ports.tenancy.in.InviteUser;
import com.qleven.ports.tenancy.in.InviteUserCommand;
import com.qleven.ports.tenancy.out.AccountTokens;
import com.qleven.ports.tenancy.out.Centers;
import com.qleven.ports.tenancy.out.Invitations;
import com.qleven.ports.tenancy.out.Memberships;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Invites a person by email. The invitation, its hashed token, the mail that carries the link and
 * the audit event commit together; the mail leaves after the commit, through the outbox. A newer
 * invitation of the same email revokes the older ones, so only the last link sent works.
 */
public final class InviteUserService implements InviteUser {
    private static final System.Logger LOG = System.getLogger(InviteUserService.class.getName());
    private final Transactions transactions;
    private final Directory directory;
    private final Centers centers;
    private final Memberships memberships;
    private final Invitations invitations;
    private final AccountTokens accountTokens;
    private final CenterMailLimit limit;
    private final AccountFields accounts;
    private final InvitationFields fields;
    private final MailQueue mail;
    private final AccountMail messages;
    private final AuditTrail audit;
    private final Clock clock;
    private final IdGenerator ids;
    private final AccountLifecyclePolicy policy;
    private final LinkTokens tokens = new LinkTokens();

    public InviteUserService(Transactions transactions, Directory directory, RateLimits rateLimits, Centers centers,
                             Memberships memberships, Invitations invitations, AccountTokens accountTokens,
                             FieldCipher cipher, MailQueue mail, URI publicUrl, AuditTrail audit, Clock clock,
                             IdGenerator ids, AccountLifecyclePolicy policy) {
        this.transactions = transactions;
        this.directory = directory;
        this.centers = centers;
        this.memberships = memberships;
        this.invitations = invitations;
        this.accountTokens = accountTokens;
        this.accounts = new AccountFields(cipher);
        this.fields = new InvitationFields(cipher);
        this.mail = mail;
        this.messages = new AccountMail(publicUrl);
        this.audit = audit;
        this.clock = clock;
        this.ids = ids;
        this.policy = policy;
        this.limit = new CenterMailLimit(rateLimits, cipher, policy);
    }

    @Override
    public InvitationView invite(Principal principal, InviteUserCommand command) {
        Required.field(command, "command");
        Permissions.require(principal, Permission.MANAGE_USERS);
        TenantId tenant = principal.requireTenant();
        Instant now = clock.instant();
        String token = tokens.newToken(AccountLinks.INVITATION);
        Invitation invitation = Invitation.issue(new InvitationId(ids.next()), tenant, command.email(), command.role(),
                principal.userId(), now, policy);
        InvitationView view = transactions.inTenant(tenant, () -> {
            Optional<UserId> account = directory.accountByEmail(accounts.emailIndex(command.email()));
            if (account.isPresent() && memberships.find(tenant, account.get()).isPresent()) {
                throw new ConflictException("this person is already a member of the center");
            }
            limit.take(tenant, now);
            String centerName = centers.byId(tenant).map(c -> c.profile().name())
                    .orElseThrow(() -> new IllegalStateException("the principal's center " + tenant + " is gone"));
            invitations.revokeOpen(tenant, fields.emailIndex(tenant, command.email()), now)
                    .forEach(old -> accountTokens.removeInvitationToken(old));
            invitations.add(fields.seal(invitation));
            accountTokens.addInvitationToken(new AccountTokens.InvitationToken(LinkTokens.hash(token),
                    invitation.id(), tenant, invitation.expiresAt()));
            mail.enqueue(messages.invitation(command.email(), centerName, command.role(), token,
                    policy.invitationLifetime()), invitation.expiresAt());
            audit.record(AuditEvent.by(principal, "account.invite", "invitation",
                    Optional.of(invitation.id().value()), InvitationFields.PURPOSE, 1, now));
            return InvitationFields.view(invitation, now);
        });
        LOG.log(System.Logger.Level.INFO, "event=user_invited tenant=" + tenant + " invitation=" + invitation.id()
                + " role=" + command.role().wireName() + " by=" + principal.userId());
        return view;
    }
}

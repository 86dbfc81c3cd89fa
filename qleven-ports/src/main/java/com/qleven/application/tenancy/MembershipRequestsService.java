package com.qleven.application.tenancy;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Membership;
import com.qleven.domain.tenancy.MembershipStatus;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.domain.tenancy.Role;
import com.qleven.domain.tenancy.SignInThrottle;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.shared.out.RateLimits;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.in.AccountLinks;
import com.qleven.ports.tenancy.in.MembershipRequests;
import com.qleven.ports.tenancy.out.AccountTokens;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.Centers;
import com.qleven.ports.tenancy.out.Memberships;
import com.qleven.ports.tenancy.out.StoredAccount;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A person's answer to the centers that asked them to join. Accepting turns the pending membership
 * into an active one and forgets what the center's administrator typed (the center now sees the
 * account as the person keeps it); declining deletes it. Each answer is one unit of work in the
 * asking center, recorded in its audit chain with the person as actor and no session of another
 * center. Another account's request, or a center that asked nothing, is 404.
 */
public final class MembershipRequestsService implements MembershipRequests {
    private static final System.Logger LOG = System.getLogger(MembershipRequestsService.class.getName());
    private static final String PURPOSE = "member consent";
    private final Transactions transactions;
    private final Directory directory;
    private final Centers centers;
    private final Accounts accounts;
    private final Memberships memberships;
    private final AccountTokens accountTokens;
    private final AccountFields accountFields;
    private final PasswordChecks checks;
    private final AuditTrail audit;
    private final Clock clock;

    public MembershipRequestsService(Transactions transactions, Directory directory, RateLimits rateLimits,
                                     Centers centers, Accounts accounts, Memberships memberships,
                                     AccountTokens accountTokens, FieldCipher cipher, PasswordHasher hasher,
                                     AuditTrail audit, Clock clock, SignInThrottle throttle) {
        this.transactions = transactions;
        this.directory = directory;
        this.centers = centers;
        this.accounts = accounts;
        this.memberships = memberships;
        this.accountTokens = accountTokens;
        this.accountFields = new AccountFields(cipher);
        this.checks = new PasswordChecks(transactions, rateLimits, hasher, throttle);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<MyMembership> mine(Principal principal) {
        Permissions.require(principal, Permission.MANAGE_OWN_ACCOUNT);
        UserId user = principal.userId();
        // One look-up of the directory, which keeps each membership in step with the center's row;
        // only a membership it has not seen is read in its center's unit of work.
        List<Directory.MembershipEntry> entries = transactions.global(() -> directory
                .membershipsOf(user));
        return entries.stream()
                .map(e -> e.details().map(d -> new Membership(e.tenantId(), user, Role.fromWire(d.role()), d.since(),
                                d.active(), e.pending()))
                        .map(m -> new MyMembership(e.tenantId(), e.centerName(), m.role(), MembershipStatus.of(m),
                                m.createdAt()))
                        .or(() -> transactions.inTenant(e.tenantId(), () -> current(e.tenantId(), user))))
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public MyMembership get(Principal principal, TenantId tenant) {
        Permissions.require(principal, Permission.MANAGE_OWN_ACCOUNT);
        return transactions.inTenant(tenant, () -> current(tenant, principal.userId()))
                .orElseThrow(() -> new NotFoundException("membership"));
    }

    @Override
    public MyMembership accept(Principal principal, TenantId tenant) {
        Permissions.require(principal, Permission.MANAGE_OWN_ACCOUNT);
        UserId user = principal.userId();
        Instant now = clock.instant();
        MyMembership answer = transactions.inTenant(tenant, () -> {
            Membership membership = memberships.find(tenant, user)
                    .orElseThrow(() -> new NotFoundException("membership"));
            if (membership.pending()) {
                acceptHere(tenant, user, now);
            }
            return current(tenant, user).orElseThrow(() -> new NotFoundException("membership"));
        });
        LOG.log(System.Logger.Level.INFO, "event=membership_accepted tenant=" + tenant + " user=" + user
                + " via=signed_in");
        return answer;
    }

    @Override
    public MyMembership decline(Principal principal, TenantId tenant) {
        Permissions.require(principal, Permission.MANAGE_OWN_ACCOUNT);
        UserId user = principal.userId();
        Instant now = clock.instant();
        MyMembership answer = transactions.inTenant(tenant, () -> {
            MyMembership before = current(tenant, user).orElseThrow(() -> new NotFoundException("membership"));
            if (before.status() != MembershipStatus.PENDING) {
                throw new ConflictException("this membership was accepted already; only a pending one can be declined");
            }
            if (!memberships.removePending(tenant, user)) {
                throw new ConflictException("this membership was just answered; look at it again");
            }
            directory.removeMembership(user, tenant);
            accountTokens.removeMembershipTokens(tenant, user);
            audit.record(new AuditEvent(Optional.of(tenant), Optional.of(user), Optional.empty(),
                    "membership.decline", "account", Optional.of(user.value()), PURPOSE, 1, now));
            return new MyMembership(tenant, before.centerName(), before.role(), MembershipStatus.DECLINED, now);
        });
        LOG.log(System.Logger.Level.INFO, "event=membership_declined tenant=" + tenant + " user=" + user);
        return answer;
    }

    @Override
    public AcceptedByLink acceptByLink(String token, String password) {
        if (token == null || token.isBlank()) {
            throw new ValidationException("token", "is required");
        }
        if (!AccountLinks.wellFormed(AccountLinks.MEMBERSHIP, token)) {
            throw new ValidationException("token", "is not a membership token");
        }
        if (password == null || password.isEmpty()) {
            throw new ValidationException("password", "is required");
        }
        if (password.length() > 1024) {
            throw new ValidationException("password", "must be at most 1024 characters");
        }
        Instant now = clock.instant();
        AccountTokens.MembershipToken entry = transactions
                .global(() -> accountTokens.membershipByTokenHash(LinkTokens.hash(token)))
                .filter(e -> now.isBefore(e.expiresAt()))
                .orElseThrow(MembershipRequestsService::unusable);
        StoredAccount account = transactions.global(() -> accounts.byId(entry.userId()))
                .orElseThrow(MembershipRequestsService::unusable);
        if (!checks.verify(accountFields.emailIndex(accountFields.open(account).person().email()), account, password,
                now)) {
            throw new UnprocessableException("password", "is not the password of the account this link was sent to");
        }
        TenantId tenant = entry.tenantId();
        transactions.inTenant(tenant, () -> {
            Membership membership = memberships.find(tenant, entry.userId())
                    .filter(Membership::pending)
                    .orElseThrow(MembershipRequestsService::unusable);
            acceptHere(tenant, membership.userId(), now);
        });
        LOG.log(System.Logger.Level.INFO, "event=membership_accepted tenant=" + tenant + " user=" + entry.userId()
                + " via=link");
        return new AcceptedByLink(entry.userId(), tenant);
    }

    private void acceptHere(TenantId tenant, UserId user, Instant now) {
        if (!memberships.accept(tenant, user)) {
            throw new ConflictException("this membership was just answered; look at it again");
        }
        directory.acceptMembership(user, tenant);
        accountTokens.removeMembershipTokens(tenant, user);
        audit.record(new AuditEvent(Optional.of(tenant), Optional.of(user), Optional.empty(),
                "membership.accept", "account", Optional.of(user.value()), PURPOSE, 1, now));
    }

    /** The membership as it now stands, inside the center's unit of work. */
    private Optional<MyMembership> current(TenantId tenant, UserId user) {
        return memberships.find(tenant, user).map(m -> new MyMembership(tenant,
                centers.byId(tenant).map(c -> c.profile().name()).orElse(""), m.role(),
                MembershipStatus.of(m), m.createdAt()));
    }

    private static UnprocessableException unusable() {
        return new UnprocessableException("token",
                "this link is unknown, expired or already used; sign in to see the centers that asked you to join");
    }
}

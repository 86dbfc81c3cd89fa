package com.qleven.application.tenancy;

import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.InvitationId;
import com.qleven.domain.tenancy.Principal;
import com.qleven.domain.tenancy.SessionId;
import com.qleven.ports.tenancy.in.AcceptInvitation;
import com.qleven.ports.tenancy.in.AcceptInvitationCommand;
import com.qleven.ports.tenancy.in.AddUser;
import com.qleven.ports.tenancy.in.AddUserCommand;
import com.qleven.ports.tenancy.in.Authenticate;
import com.qleven.ports.tenancy.in.ChangePassword;
import com.qleven.ports.tenancy.in.CreateOperator;
import com.qleven.ports.tenancy.in.GetProfile;
import com.qleven.ports.tenancy.in.GetUser;
import com.qleven.ports.tenancy.in.InvitationView;
import com.qleven.ports.tenancy.in.InviteUser;
import com.qleven.ports.tenancy.in.InviteUserCommand;
import com.qleven.ports.tenancy.in.ListInvitations;
import com.qleven.ports.tenancy.in.ListSessions;
import com.qleven.ports.tenancy.in.ListUsers;
import com.qleven.ports.tenancy.in.MembershipRequests;
import com.qleven.ports.tenancy.in.RequestPasswordReset;
import com.qleven.ports.tenancy.in.ResetPassword;
import com.qleven.ports.tenancy.in.RevokeSession;
import com.qleven.ports.tenancy.in.SessionView;
import com.qleven.ports.tenancy.in.SignIn;
import com.qleven.ports.tenancy.in.SignInCommand;
import com.qleven.ports.tenancy.in.SignOut;
import com.qleven.ports.tenancy.in.SignUp;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.tenancy.in.StaffNames;
import com.qleven.ports.tenancy.in.UpdateUser;
import com.qleven.ports.tenancy.in.UpdateUserCommand;
import com.qleven.ports.tenancy.in.UserView;
import com.qleven.application.Foundation;
import com.qleven.domain.tenancy.AccountLifecyclePolicy;
import com.qleven.domain.tenancy.SessionPolicy;
import com.qleven.domain.tenancy.SignInThrottle;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.shared.out.RateLimits;
import com.qleven.ports.shared.out.SharedStore;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.out.AccountTokens;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.Centers;
import com.qleven.ports.tenancy.out.Invitations;
import com.qleven.ports.tenancy.out.Memberships;
import com.qleven.ports.tenancy.out.Sessions;
import com.qleven.ports.tenancy.out.TenancyStore;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Centers, the people who work in them and how they sign in: {@code qleven.tenancy()}. Every verb
 * checks the principal's permission itself, so an embedder gets the rules of the HTTP API.
 */
public final class TenancyFacade {
    /** The knobs of sign-in, sessions and account mail; {@link #DEFAULT} unless the builder says otherwise. */
    public record Settings(SignInThrottle signInThrottle, SessionPolicy sessionPolicy,
                           AccountLifecyclePolicy accountLifecycle, int signupsPerAddressPerHour) {
        public static final Settings DEFAULT = new Settings(SignInThrottle.DEFAULT, SessionPolicy.DEFAULT,
                AccountLifecyclePolicy.DEFAULT, 20);

        public Settings {
            Objects.requireNonNull(signInThrottle, "signInThrottle");
            Objects.requireNonNull(sessionPolicy, "sessionPolicy");
            Objects.requireNonNull(accountLifecycle, "accountLifecycle");
            if (signupsPerAddressPerHour < 1) {
                throw new IllegalArgumentException("signupsPerAddressPerHour must be at least 1");
            }
        }
    }

    private final SignUp signUp;
    private final SignIn signIn;
    private final SignOut signOut;
    private final Authenticate authenticate;
    private final GetProfile profile;
    private final AddUser addUser;
    private final ListUsers listUsers;
    private final GetUser getUser;
    private final UpdateUser updateUser;
    private final InviteUser inviteUser;
    private final ListInvitations listInvitations;
    private final AcceptInvitation acceptInvitation;
    private final MembershipRequests membershipRequests;
    private final RequestPasswordReset requestPasswordReset;
    private final ResetPassword resetPassword;
    private final ChangePassword changePassword;
    private final ListSessions listSessions;
    private final RevokeSession revokeSession;
    private final CreateOperator createOperator;
    private final StaffNames staffNames;

    /** Wires the context's services, each with the narrow ports it uses. */
    public TenancyFacade(Foundation f, Settings settings) {
        Objects.requireNonNull(settings, "settings");
        SharedStore shared = f.store().shared();
        TenancyStore tenancy = f.store().tenancy();
        Transactions transactions = shared.transactions();
        Directory directory = shared.directory();
        RateLimits rateLimits = shared.rateLimits();
        Centers centers = tenancy.centers();
        Accounts accounts = tenancy.accounts();
        Memberships memberships = tenancy.memberships();
        Invitations invitations = tenancy.invitations();
        AccountTokens accountTokens = tenancy.accountTokens();
        Sessions sessions = tenancy.sessions();
        FieldCipher cipher = f.cipher();
        PasswordHasher hasher = f.passwordHasher();
        AuditTrail audit = f.audit();
        Clock clock = f.clock();
        IdGenerator ids = f.ids();
        inviteUser = new InviteUserService(transactions, directory, rateLimits, centers, memberships, invitations,
                accountTokens, cipher, f.mail(), f.publicUrl(), audit, clock, ids, settings.accountLifecycle());
        listInvitations = new ListInvitationsService(transactions, invitations, cipher, clock);
        acceptInvitation = new AcceptInvitationService(transactions, directory, rateLimits, accounts, memberships,
                invitations, accountTokens, cipher, hasher, audit, clock, ids, settings.signInThrottle());
        requestPasswordReset = new RequestPasswordResetService(transactions, directory, rateLimits, accounts,
                accountTokens, cipher, f.mail(), f.publicUrl(), audit, clock, settings.accountLifecycle());
        resetPassword = new ResetPasswordService(transactions, directory, accounts, accountTokens, sessions, hasher,
                audit, clock);
        updateUser = new UpdateUserService(transactions, directory, accounts, memberships, sessions, cipher, audit,
                clock);
        listSessions = new ListSessionsService(transactions, sessions, cipher, settings.sessionPolicy());
        revokeSession = new RevokeSessionService(transactions, directory, sessions, audit, clock);
        changePassword = new ChangePasswordService(transactions, directory, rateLimits, accounts, accountTokens,
                sessions, cipher, hasher, audit, clock, settings.signInThrottle());
        signUp = new SignUpService(transactions, directory, rateLimits, centers, accounts, memberships, cipher, hasher,
                clock, ids, settings.signupsPerAddressPerHour(), audit);
        signIn = new SignInService(transactions, directory, rateLimits, shared.operationalRecords(), centers,
                accounts, memberships, sessions, cipher, hasher, clock, ids, settings.signInThrottle(),
                settings.sessionPolicy(), audit, f.securityWatch());
        signOut = new SignOutService(transactions, directory, sessions, clock, audit);
        authenticate = new AuthenticateService(tenancy.sessionGate(), directory, sessions, clock,
                settings.sessionPolicy());
        profile = new GetProfileService(transactions, accounts, memberships, cipher, audit, clock);
        addUser = new AddUserService(transactions, directory, rateLimits, centers, accounts, memberships, accountTokens,
                cipher, hasher, clock, ids, audit, f.mail(), f.publicUrl(), settings.accountLifecycle());
        membershipRequests = new MembershipRequestsService(transactions, directory, rateLimits, centers, accounts,
                memberships, accountTokens, cipher, hasher, audit, clock, settings.signInThrottle());
        listUsers = new ListUsersService(transactions, accounts, memberships, cipher, audit, clock);
        getUser = new GetUserService(transactions, accounts, memberships, cipher, audit, clock);
        createOperator = new CreateOperatorService(transactions, directory, accounts, cipher, hasher, clock, ids,
                audit);
        staffNames = new StaffNamesService(accounts, memberships, cipher);
    }

    /** Members' names for other contexts' services, in the caller's unit (no permission check). */
    public StaffNames staffNames() {
        return staffNames;
    }

    /** Opens a center with its first administrator (not signed in: sign in next). */
    public SignUp.SignUpResult signUp(SignUpCommand command) {
        return signUp.signUp(command);
    }

    /** Checks a password and opens a session; throttled per address and account. */
    public SignIn.SignInResult signIn(SignInCommand command) {
        return signIn.signIn(command);
    }

    public void signOut(Principal principal) {
        signOut.signOut(principal);
    }

    /** The principal behind a session token, in a unit of work of its own. */
    public Principal authenticate(String token) {
        return authenticate.authenticate(token);
    }

    /**
     * Authenticates and runs {@code work} in the same unit of work on the session's center, so a
     * request costs one transaction; empty when the token names no live session.
     */
    public <T> Optional<T> authenticated(String token, Function<Principal, T> work) {
        return authenticate.authenticated(token, work);
    }

    /** Authentication as a port, for a host that authenticates every request (the HTTP API's does). */
    public Authenticate authenticator() {
        return authenticate;
    }

    /** The principal's own account, as the center sees it. */
    public UserView me(Principal principal) {
        return profile.me(principal);
    }

    /** Adds a member with a password set by the administrator. */
    public UserView addUser(Principal principal, AddUserCommand command) {
        return addUser.add(principal, command);
    }

    public Page<UserView> listUsers(Principal principal, PageRequest page) {
        return listUsers.list(principal, page);
    }

    public UserView getUser(Principal principal, UserId user) {
        return getUser.get(principal, user);
    }

    /** Changes a member's role, deactivates or reactivates the membership. */
    public UserView updateUser(Principal principal, UserId user, UpdateUserCommand command) {
        return updateUser.update(principal, user, command);
    }

    /** Invites a person by email to the principal's center. */
    public InvitationView invite(Principal principal, InviteUserCommand command) {
        return inviteUser.invite(principal, command);
    }

    public Page<InvitationView> pendingInvitations(Principal principal, PageRequest page) {
        return listInvitations.pending(principal, page);
    }

    public InvitationView getInvitation(Principal principal, InvitationId invitation) {
        return listInvitations.get(principal, invitation);
    }

    /** Accepts an invitation by its link's token (not signed in). */
    public AcceptInvitation.Accepted acceptInvitation(AcceptInvitationCommand command) {
        return acceptInvitation.accept(command);
    }

    /** The principal's memberships in every center, pending ones included. */
    public List<MembershipRequests.MyMembership> myMemberships(Principal principal) {
        return membershipRequests.mine(principal);
    }

    public MembershipRequests.MyMembership myMembership(Principal principal, TenantId center) {
        return membershipRequests.get(principal, center);
    }

    /** The principal's yes to a center that asked them to join. */
    public MembershipRequests.MyMembership acceptMembership(Principal principal, TenantId center) {
        return membershipRequests.accept(principal, center);
    }

    public MembershipRequests.MyMembership declineMembership(Principal principal, TenantId center) {
        return membershipRequests.decline(principal, center);
    }

    /** Accepts a pending membership through the link mailed to the person, with their password. */
    public MembershipRequests.AcceptedByLink acceptMembershipByLink(String token, String password) {
        return membershipRequests.acceptByLink(token, password);
    }

    /** Mails a reset link when the address has an account; answers the same either way. */
    public void requestPasswordReset(RequestPasswordReset.RequestPasswordResetCommand command) {
        requestPasswordReset.request(command);
    }

    public void resetPassword(ResetPassword.ResetPasswordCommand command) {
        resetPassword.reset(command);
    }

    public void changePassword(Principal principal, ChangePassword.ChangePasswordCommand command) {
        changePassword.change(principal, command);
    }

    /** The principal's own open sessions. */
    public Page<SessionView> listSessions(Principal principal, PageRequest page) {
        return listSessions.list(principal, page);
    }

    public SessionView getSession(Principal principal, SessionId session) {
        return listSessions.get(principal, session);
    }

    public void revokeSession(Principal principal, SessionId session) {
        revokeSession.revoke(principal, session);
    }

    /** Creates a platform operator (the command-line tool's job; operators belong to no center). */
    public UserId createOperator(CreateOperator.CreateOperatorCommand command) {
        return createOperator.create(command);
    }
}

package com.qleven.application;

import com.qleven.application.audit.ChainedAuditTrail;
import com.qleven.application.clients.CreateClientService;
import com.qleven.application.clients.GetClientService;
import com.qleven.application.clients.ListClientsService;
import com.qleven.application.clients.SearchClientsService;
import com.qleven.application.clients.UpdateClientService;
import com.qleven.application.audit.ListAuditEventsService;
import com.qleven.application.audit.SecurityWatch;
import com.qleven.application.audit.VerifyAuditTrailService;
import com.qleven.application.audit.SealAuditTrailService;
import com.qleven.application.audit.WitnessAuditHeadsService;
import com.qleven.application.shared.Idempotency;
import com.qleven.application.shared.UuidV7Ids;
import com.qleven.application.shared.DispatchMailService;
import com.qleven.application.shared.MailQueue;
import com.qleven.application.tenancy.AcceptInvitationService;
import com.qleven.application.tenancy.ChangePasswordService;
import com.qleven.application.tenancy.InviteUserService;
import com.qleven.application.tenancy.ListInvitationsService;
import com.qleven.application.tenancy.ListSessionsService;
import com.qleven.application.tenancy.RequestPasswordResetService;
import com.qleven.application.tenancy.ResetPasswordService;
import com.qleven.application.tenancy.RevokeSessionService;
import com.qleven.application.tenancy.UpdateUserService;
import com.qleven.domain.tenancy.AccountLifecyclePolicy;
import com.qleven.ports.audit.out.AuditLog;
import com.qleven.ports.clients.out.ClientRestrictions;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.consent.out.ConsentLedger;
import com.qleven.ports.consent.out.ConsentPurposes;
import com.qleven.ports.privacy.out.CenterNotifications;
import com.qleven.ports.privacy.out.Incidents;
import com.qleven.ports.privacy.out.PolicyVersions;
import com.qleven.ports.privacy.out.PrivacyRequests;
import com.qleven.ports.privacy.out.Subprocessors;
import com.qleven.ports.privacy.out.Suppressions;
import com.qleven.ports.shared.in.DispatchMail;
import com.qleven.ports.shared.out.DataKeys;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.IdempotencyRecords;
import com.qleven.ports.shared.out.MailOutbox;
import com.qleven.ports.shared.out.Mailer;
import com.qleven.ports.shared.out.OperationalRecords;
import com.qleven.ports.shared.out.RateLimits;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.in.AcceptInvitation;
import com.qleven.ports.tenancy.in.ChangePassword;
import com.qleven.ports.tenancy.in.InviteUser;
import com.qleven.ports.tenancy.in.ListInvitations;
import com.qleven.ports.tenancy.in.ListSessions;
import com.qleven.ports.tenancy.in.RequestPasswordReset;
import com.qleven.ports.tenancy.in.ResetPassword;
import com.qleven.ports.tenancy.in.RevokeSession;
import com.qleven.ports.tenancy.in.UpdateUser;
import com.qleven.application.tenancy.AddUserService;
import com.qleven.application.tenancy.AuthenticateService;
import com.qleven.application.tenancy.CreateOperatorService;
import com.qleven.application.tenancy.GetProfileService;
import com.qleven.application.tenancy.GetUserService;
import com.qleven.application.tenancy.ListUsersService;
import com.qleven.application.tenancy.SignInService;
import com.qleven.application.tenancy.SignOutService;
import com.qleven.application.tenancy.SignUpService;
import com.qleven.domain.audit.BurstPolicy;
import com.qleven.domain.tenancy.SessionPolicy;
import com.qleven.domain.tenancy.SignInThrottle;
import com.qleven.ports.audit.in.ListAuditEvents;
import com.qleven.ports.audit.in.VerifyAuditTrail;
import com.qleven.ports.audit.in.SealAuditTrail;
import com.qleven.ports.audit.in.WitnessAuditHeads;
import com.qleven.ports.audit.out.AuditHeadWitness;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.audit.out.ChainSigner;
import com.qleven.ports.audit.out.SecurityAlerts;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.shared.out.PhoneNumbers;
import com.qleven.ports.clients.in.CreateClient;
import com.qleven.ports.clients.in.GetClient;
import com.qleven.ports.clients.in.ListClients;
import com.qleven.ports.clients.in.SearchClients;
import com.qleven.ports.clients.in.UpdateClient;
import com.qleven.ports.tenancy.in.AddUser;
import com.qleven.ports.tenancy.in.Authenticate;
import com.qleven.ports.tenancy.in.CreateOperator;
import com.qleven.ports.tenancy.in.GetProfile;
import com.qleven.ports.tenancy.in.GetUser;
import com.qleven.ports.tenancy.in.ListUsers;
import com.qleven.ports.tenancy.in.SignIn;
import com.qleven.ports.tenancy.in.SignOut;
import com.qleven.ports.tenancy.in.SignUp;
import com.qleven.ports.tenancy.out.AccountTokens;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.Centers;
import com.qleven.ports.tenancy.out.Invitations;
import com.qleven.ports.tenancy.out.Memberships;
import com.qleven.ports.tenancy.out.Sessions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The Qleven core for embedders: every use case, wired to the adapters given to {@link #builder()}.
 * The host composes the very same object, so an embedder gets the same rules (permissions, tenant
 * isolation, encryption, rate limits) as the HTTP API.
 *
 * <pre>{@code
 * Qleven qleven = Qleven.builder()
 *         .store(store).cipher(cipher).passwordHasher(hasher).chainSigner(signer).clock(Clock.systemUTC())
 *         .build();
 * }</pre>
 */
public final class Qleven {
    private final SignUp signUp;
    private final SignIn signIn;
    private final SignOut signOut;
    private final Authenticate authenticate;
    private final GetProfile profile;
    private final AddUser addUser;
    private final com.qleven.ports.tenancy.in.MembershipRequests membershipRequests;
    private final ListUsers listUsers;
    private final GetUser getUser;
    private final CreateOperator createOperator;
    private final Idempotency idempotency;
    private final com.qleven.ports.shared.in.PurgeOperationalRecords purgeOperationalRecords;
    private final CreateClient createClient;
    private final GetClient getClient;
    private final UpdateClient updateClient;
    private final ListClients listClients;
    private final SearchClients searchClients;
    private final com.qleven.ports.privacy.in.ReportIncident reportIncident;
    private final com.qleven.ports.privacy.in.ListIncidents listIncidents;
    private final com.qleven.ports.privacy.in.GetIncident getIncident;
    private final com.qleven.ports.privacy.in.ManageSubprocessors subprocessors;
    private final com.qleven.ports.privacy.in.ListNotifications listNotifications;
    private final com.qleven.ports.privacy.in.PublishPolicyVersion publishPolicyVersion;
    private final com.qleven.ports.privacy.in.PolicyAcceptance policyAcceptance;
    private final com.qleven.ports.privacy.in.CreatePrivacyRequest createPrivacyRequest;
    private final com.qleven.ports.privacy.in.ListPrivacyRequests listPrivacyRequests;
    private final com.qleven.ports.privacy.in.GetPrivacyRequest getPrivacyRequest;
    private final com.qleven.ports.privacy.in.CompletePrivacyRequest completePrivacyRequest;
    private final com.qleven.ports.privacy.in.ExtendPrivacyRequest extendPrivacyRequest;
    private final com.qleven.ports.privacy.in.CountPrivacyDeadlines countPrivacyDeadlines;
    private final com.qleven.ports.privacy.in.ExportClientData exportClientData;
    private final com.qleven.ports.privacy.in.SuppressionCheck suppressionCheck;
    private final com.qleven.ports.clients.in.ProcessingCheck processingCheck;
    private final com.qleven.ports.clients.in.LiftRestriction liftRestriction;
    private final SecurityWatch securityWatch;
    private final AuditTrail auditTrail;
    private final VerifyAuditTrail verifyAuditTrail;
    private final ListAuditEvents listAuditEvents;
    private final WitnessAuditHeads witnessAuditHeads;
    private final SealAuditTrail sealAuditTrail;
    private final InviteUser inviteUser;
    private final ListInvitations listInvitations;
    private final AcceptInvitation acceptInvitation;
    private final RequestPasswordReset requestPasswordReset;
    private final ResetPassword resetPassword;
    private final UpdateUser updateUser;
    private final ListSessions listSessions;
    private final RevokeSession revokeSession;
    private final ChangePassword changePassword;
    private final DispatchMail dispatchMail;
    private final com.qleven.ports.consent.in.RecordConsent recordConsent;
    private final com.qleven.ports.consent.in.GetConsents getConsents;
    private final com.qleven.ports.consent.in.ConsentCheck consentCheck;
    private final com.qleven.ports.consent.in.ManageConsentPurposes manageConsentPurposes;
    private final com.qleven.ports.consent.in.RecordConsentFromChannel recordConsentFromChannel;
    private final com.qleven.application.consent.ConsentRecords consentRecords;

    private Qleven(Builder b) {
        // Each service is given the narrow ports it uses, taken from the store's groups here and only here.
        Transactions transactions = b.store.shared().transactions();
        Directory directory = b.store.shared().directory();
        RateLimits rateLimits = b.store.shared().rateLimits();
        DataKeys dataKeys = b.store.shared().dataKeys();
        IdempotencyRecords idempotencyRecords = b.store.shared().idempotencyRecords();
        OperationalRecords operationalRecords = b.store.shared().operationalRecords();
        MailOutbox mailOutbox = b.store.shared().mailOutbox();
        Centers centers = b.store.tenancy().centers();
        Accounts accounts = b.store.tenancy().accounts();
        Memberships memberships = b.store.tenancy().memberships();
        Invitations invitations = b.store.tenancy().invitations();
        AccountTokens accountTokens = b.store.tenancy().accountTokens();
        Sessions sessions = b.store.tenancy().sessions();
        Clients clients = b.store.clients().clients();
        ClientRestrictions clientRestrictions = b.store.clients().clientRestrictions();
        ConsentLedger consentLedger = b.store.consent().consentLedger();
        ConsentPurposes consentPurposes = b.store.consent().consentPurposes();
        Incidents incidents = b.store.privacy().incidents();
        CenterNotifications centerNotifications = b.store.privacy().centerNotifications();
        Subprocessors subprocessors = b.store.privacy().subprocessors();
        PrivacyRequests privacyRequests = b.store.privacy().privacyRequests();
        Suppressions suppressions = b.store.privacy().suppressions();
        PolicyVersions policyVersions = b.store.privacy().policyVersions();
        AuditLog auditLog = b.store.audit().auditLog();
        IdGenerator ids = b.ids != null ? b.ids : new UuidV7Ids(b.clock);
        securityWatch = new SecurityWatch(b.securityAlerts, b.clientReadBurst, b.failedSignInBurst);
        auditTrail = new ChainedAuditTrail(transactions, auditLog, securityWatch);
        sealAuditTrail = new SealAuditTrailService(transactions, auditLog, b.chainSigner, b.clock);
        verifyAuditTrail = new VerifyAuditTrailService(transactions, auditLog, b.chainSigner, b.auditHeadWitness,
                sealAuditTrail);
        listAuditEvents = new ListAuditEventsService(transactions, auditLog, sealAuditTrail);
        witnessAuditHeads = new WitnessAuditHeadsService(transactions, auditLog, b.auditHeadWitness);
        MailQueue mail = new MailQueue(mailOutbox, b.cipher, ids, b.clock);
        inviteUser = new InviteUserService(transactions, directory, rateLimits, centers, memberships, invitations,
                accountTokens, b.cipher, mail, b.publicUrl, auditTrail, b.clock, ids, b.accountLifecycle);
        listInvitations = new ListInvitationsService(transactions, invitations, b.cipher, b.clock);
        acceptInvitation = new AcceptInvitationService(transactions, directory, rateLimits, accounts, memberships,
                invitations, accountTokens, b.cipher, b.passwordHasher, auditTrail, b.clock, ids, b.signInThrottle);
        requestPasswordReset = new RequestPasswordResetService(transactions, directory, rateLimits, accounts,
                accountTokens, b.cipher, mail, b.publicUrl, auditTrail, b.clock, b.accountLifecycle);
        resetPassword = new ResetPasswordService(transactions, directory, accounts, accountTokens, sessions,
                b.passwordHasher, auditTrail, b.clock);
        updateUser = new UpdateUserService(transactions, directory, accounts, memberships, sessions, b.cipher,
                auditTrail, b.clock);
        listSessions = new ListSessionsService(transactions, sessions, b.cipher, b.sessionPolicy);
        revokeSession = new RevokeSessionService(transactions, directory, sessions, auditTrail, b.clock);
        changePassword = new ChangePasswordService(transactions, directory, rateLimits, accounts, accountTokens,
                sessions, b.cipher, b.passwordHasher, auditTrail, b.clock, b.signInThrottle);
        dispatchMail = b.mailer == null
                ? batch -> {
                    throw new IllegalStateException("no mailer: give Qleven.builder().mailer(...) to send the outbox");
                }
                : new DispatchMailService(transactions, mailOutbox, dataKeys, mail,
                        b.mailer, b.clock);
        signUp = new SignUpService(transactions, directory, rateLimits, centers, accounts, memberships, b.cipher,
                b.passwordHasher, b.clock, ids, b.signupsPerAddressPerHour, auditTrail);
        signIn = new SignInService(transactions, directory, rateLimits, operationalRecords, centers, accounts,
                memberships, sessions, b.cipher, b.passwordHasher, b.clock, ids, b.signInThrottle, b.sessionPolicy,
                auditTrail, securityWatch);
        signOut = new SignOutService(transactions, directory, sessions, b.clock, auditTrail);
        authenticate = new AuthenticateService(transactions, directory, memberships, sessions, b.clock,
                b.sessionPolicy);
        profile = new GetProfileService(transactions, accounts, memberships, b.cipher, auditTrail, b.clock);
        addUser = new AddUserService(transactions, directory, rateLimits, centers, accounts, memberships, accountTokens,
                b.cipher, b.passwordHasher, b.clock, ids, auditTrail, mail, b.publicUrl, b.accountLifecycle);
        membershipRequests = new com.qleven.application.tenancy.MembershipRequestsService(transactions, directory,
                rateLimits, centers, accounts, memberships, accountTokens, b.cipher, b.passwordHasher, auditTrail,
                b.clock, b.signInThrottle);
        listUsers = new ListUsersService(transactions, accounts, memberships, b.cipher, auditTrail, b.clock);
        getUser = new GetUserService(transactions, accounts, memberships, b.cipher, auditTrail, b.clock);
        createOperator = new CreateOperatorService(transactions, directory, accounts, b.cipher, b.passwordHasher,
                b.clock, ids, auditTrail);
        idempotency = new Idempotency(transactions, idempotencyRecords, operationalRecords,
                b.cipher, b.clock);
        purgeOperationalRecords = new com.qleven.application.shared.PurgeOperationalRecordsService(
                transactions, operationalRecords, idempotencyRecords, rateLimits,
                b.clock);
        recordConsent = new com.qleven.application.consent.RecordConsentService(transactions, centers, clients,
                clientRestrictions, consentLedger, consentPurposes, b.cipher, auditTrail, b.clock, ids);
        getConsents = new com.qleven.application.consent.GetConsentsService(transactions, clients, consentLedger,
                consentPurposes, b.cipher, auditTrail, b.clock);
        consentCheck = new com.qleven.application.consent.ConsentCheckService(transactions, centers, clients,
                clientRestrictions, consentLedger, consentPurposes, b.cipher);
        manageConsentPurposes = new com.qleven.application.consent.ConsentPurposesService(transactions, consentPurposes,
                auditTrail, b.clock);
        recordConsentFromChannel = new com.qleven.application.consent.RecordConsentFromChannelService(transactions,
                centers, clients, clientRestrictions, consentLedger, consentPurposes, b.cipher, auditTrail, b.clock,
                ids);
        consentRecords = new com.qleven.application.consent.ConsentRecords(transactions, consentLedger, b.cipher);
        createClient = new CreateClientService(transactions, centers, clients, b.cipher, b.phoneNumbers, auditTrail,
                b.clock, ids);
        getClient = new GetClientService(transactions, clients, clientRestrictions, b.cipher, auditTrail, b.clock);
        updateClient = new UpdateClientService(transactions, centers, clients, clientRestrictions, b.cipher,
                b.phoneNumbers, auditTrail, b.clock);
        listClients = new ListClientsService(transactions, clients, clientRestrictions, b.cipher, auditTrail, b.clock);
        searchClients = new SearchClientsService(transactions, centers, clients, clientRestrictions, b.cipher,
                b.phoneNumbers, auditTrail, b.clock);
        reportIncident = new com.qleven.application.privacy.ReportIncidentService(transactions, centers, accounts,
                memberships, incidents, centerNotifications, b.cipher, mail, auditTrail, b.clock, ids);
        com.qleven.application.privacy.ListIncidentsService incidentRegister =
                new com.qleven.application.privacy.ListIncidentsService(transactions, incidents, centerNotifications,
                        b.cipher, b.clock);
        listIncidents = incidentRegister;
        getIncident = incidentRegister;
        this.subprocessors = new com.qleven.application.privacy.ManageSubprocessorsService(transactions, subprocessors,
                auditTrail, b.clock, ids);
        listNotifications = new com.qleven.application.privacy.ListNotificationsService(transactions,
                centerNotifications, b.cipher);
        com.qleven.application.privacy.PolicyVersionsService policies =
                new com.qleven.application.privacy.PolicyVersionsService(transactions, accounts, policyVersions,
                        b.cipher, mail, auditTrail, b.clock);
        publishPolicyVersion = policies;
        policyAcceptance = policies;
        createPrivacyRequest = new com.qleven.application.privacy.CreatePrivacyRequestService(transactions, clients,
                privacyRequests, b.cipher, auditTrail, b.clock, ids);
        listPrivacyRequests = new com.qleven.application.privacy.ListPrivacyRequestsService(transactions,
                privacyRequests, b.cipher, auditTrail, b.clock);
        getPrivacyRequest = new com.qleven.application.privacy.GetPrivacyRequestService(transactions, privacyRequests,
                b.cipher, auditTrail, b.clock);
        extendPrivacyRequest = new com.qleven.application.privacy.ExtendPrivacyRequestService(transactions,
                privacyRequests, b.cipher, auditTrail, b.clock);
        countPrivacyDeadlines = new com.qleven.application.privacy.CountPrivacyDeadlinesService(transactions,
                privacyRequests, b.clock);
        suppressionCheck = new com.qleven.application.privacy.SuppressionCheckService(transactions, suppressions,
                b.cipher);
        processingCheck = new com.qleven.application.clients.ProcessingCheckService(transactions, clientRestrictions);
        liftRestriction = new com.qleven.application.clients.LiftRestrictionService(transactions, clients,
                clientRestrictions, b.cipher, auditTrail, b.clock);
        // What each context holds about a client; a context that stores personal data adds its section here.
        com.qleven.application.privacy.PrivacyRegistry registry = new com.qleven.application.privacy.PrivacyRegistry()
                .register("client", new com.qleven.application.clients.ClientRegistryExporter(clients, b.cipher),
                        new com.qleven.application.clients.ClientRegistryEraser(dataKeys, clients, b.cipher, b.clock))
                .register("accessLog", new com.qleven.application.audit.AuditRegistryExporter(auditLog),
                        com.qleven.ports.privacy.out.RegistryEraser.NOTHING_PERSONAL)
                .register("consents", new com.qleven.application.privacy.RegistryConsentExporter(consentRecords),
                        (tenant, client) -> consentRecords.erase(tenant, client));
        exportClientData = new com.qleven.application.privacy.ExportClientDataService(transactions, clients, registry,
                auditTrail, b.clock);
        completePrivacyRequest = new com.qleven.application.privacy.CompletePrivacyRequestService(transactions, clients,
                clientRestrictions, privacyRequests, suppressions, b.cipher, registry, auditTrail, b.clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    public SignUp signUp() {
        return signUp;
    }

    public SignIn signIn() {
        return signIn;
    }

    public SignOut signOut() {
        return signOut;
    }

    public Authenticate authenticate() {
        return authenticate;
    }

    public GetProfile profile() {
        return profile;
    }

    public AddUser addUser() {
        return addUser;
    }

    /** A person's own memberships, and their answer to the centers that asked them to join. */
    public com.qleven.ports.tenancy.in.MembershipRequests membershipRequests() {
        return membershipRequests;
    }

    public ListUsers listUsers() {
        return listUsers;
    }

    public GetUser getUser() {
        return getUser;
    }

    public CreateClient createClient() {
        return createClient;
    }

    public GetClient getClient() {
        return getClient;
    }

    public UpdateClient updateClient() {
        return updateClient;
    }

    public ListClients listClients() {
        return listClients;
    }

    public SearchClients searchClients() {
        return searchClients;
    }

    /** Publishes a privacy-policy version (operators) and tells every account in the platform and by email. */
    public com.qleven.ports.privacy.in.PublishPolicyVersion publishPolicyVersion() {
        return publishPolicyVersion;
    }

    /** Any account's policy notices, its acceptance of a version, and the version in effect. */
    public com.qleven.ports.privacy.in.PolicyAcceptance policyAcceptance() {
        return policyAcceptance;
    }

    /** Records a personal-data breach (operators) and notifies each affected center in the platform and by email. */
    public com.qleven.ports.privacy.in.ReportIncident reportIncident() {
        return reportIncident;
    }

    /** The incident register: all of it for operators, the center's own for its administrators. */
    public com.qleven.ports.privacy.in.ListIncidents listIncidents() {
        return listIncidents;
    }

    public com.qleven.ports.privacy.in.GetIncident getIncident() {
        return getIncident;
    }

    /** The sub-processor register: operators edit it, everyone signed in reads it. */
    public com.qleven.ports.privacy.in.ManageSubprocessors subprocessors() {
        return subprocessors;
    }

    /** What the platform told the principal's center. */
    public com.qleven.ports.privacy.in.ListNotifications listNotifications() {
        return listNotifications;
    }

    /** Records a client's data-subject request, due 30 calendar days after receipt. */
    public com.qleven.ports.privacy.in.CreatePrivacyRequest createPrivacyRequest() {
        return createPrivacyRequest;
    }

    public com.qleven.ports.privacy.in.ListPrivacyRequests listPrivacyRequests() {
        return listPrivacyRequests;
    }

    public com.qleven.ports.privacy.in.GetPrivacyRequest getPrivacyRequest() {
        return getPrivacyRequest;
    }

    public com.qleven.ports.privacy.in.CompletePrivacyRequest completePrivacyRequest() {
        return completePrivacyRequest;
    }

    public com.qleven.ports.privacy.in.ExtendPrivacyRequest extendPrivacyRequest() {
        return extendPrivacyRequest;
    }

    /** Whether an address is on the center's marketing suppression list; marketing senders ask at sending. */
    public com.qleven.ports.privacy.in.SuppressionCheck suppressionCheck() {
        return suppressionCheck;
    }

    /**
     * Whether a client's processing is restricted (GDPR Art. 18): what changing, messaging, booking
     * and consent grants ask first, in the caller's unit of work.
     */
    public com.qleven.ports.clients.in.ProcessingCheck processingCheck() {
        return processingCheck;
    }

    /** Lifts a client's restriction of processing: administrators, with a reason, on the audit trail. */
    public com.qleven.ports.clients.in.LiftRestriction liftRestriction() {
        return liftRestriction;
    }

    /** Everything the center holds about a client as one versioned JSON document (access, portability). */
    public com.qleven.ports.privacy.in.ExportClientData exportClientData() {
        return exportClientData;
    }

    /** Due-soon and overdue requests across every center, for monitoring; the host reads it at each scrape. */
    public com.qleven.ports.privacy.in.CountPrivacyDeadlines countPrivacyDeadlines() {
        return countPrivacyDeadlines;
    }

    public CreateOperator createOperator() {
        return createOperator;
    }

    /** Runs creates and actions at most once per {@code Idempotency-Key}; the host wraps its POST routes in it. */
    public Idempotency idempotency() {
        return idempotency;
    }

    /** Housekeeping of the operational tables; the host runs it on a schedule, an embedder may call it itself. */
    public com.qleven.ports.shared.in.PurgeOperationalRecords purgeOperationalRecords() {
        return purgeOperationalRecords;
    }

    /** Staff record a client's consent decision (the consent ledger, policy P5). */
    public com.qleven.ports.consent.in.RecordConsent recordConsent() {
        return recordConsent;
    }

    /** A client's consents: the current state per purpose and the history. */
    public com.qleven.ports.consent.in.GetConsents getConsents() {
        return getConsents;
    }

    /** What every sender asks at the moment of sending: may this client be reached for this purpose now? */
    public com.qleven.ports.consent.in.ConsentCheck consentCheck() {
        return consentCheck;
    }

    /** A center's consent purposes: the built-in ones and those its administrators add. */
    public com.qleven.ports.consent.in.ManageConsentPurposes manageConsentPurposes() {
        return manageConsentPurposes;
    }

    /** Records a consent captured by another context (online booking, a WhatsApp reply, an import). */
    public com.qleven.ports.consent.in.RecordConsentFromChannel recordConsentFromChannel() {
        return recordConsentFromChannel;
    }

    /** The consent ledger's export and erasure hooks, for the privacy registry. */
    public com.qleven.application.consent.ConsentRecords consentRecords() {
        return consentRecords;
    }

    /**
     * Where use cases record reads and changes of personal data: the HMAC-chained trail, recording
     * into the caller's unit of work. Services of every context are given this one.
     */
    public AuditTrail auditTrail() {
        return auditTrail;
    }

    public VerifyAuditTrail verifyAuditTrail() {
        return verifyAuditTrail;
    }

    public ListAuditEvents listAuditEvents() {
        return listAuditEvents;
    }

    /**
     * Links appended audit events into their chains; schedule it about every second (the host
     * does). Several hosts may run it side by side: one sealer at a time holds a chain.
     */
    public SealAuditTrail sealAuditTrail() {
        return sealAuditTrail;
    }

    /** Copies the chains' heads to the witness; schedule it every minute and at shutdown. */
    public WitnessAuditHeads witnessAuditHeads() {
        return witnessAuditHeads;
    }

    /** Counts failed sign-ins and client reads towards burst alerts. */
    public SecurityWatch securityWatch() {
        return securityWatch;
    }

    /** Invites a person by email to the principal's center. */
    public InviteUser inviteUser() {
        return inviteUser;
    }

    public ListInvitations listInvitations() {
        return listInvitations;
    }

    public AcceptInvitation acceptInvitation() {
        return acceptInvitation;
    }

    public RequestPasswordReset requestPasswordReset() {
        return requestPasswordReset;
    }

    public ResetPassword resetPassword() {
        return resetPassword;
    }

    /** Changes a member's role, deactivates or reactivates the membership. */
    public UpdateUser updateUser() {
        return updateUser;
    }

    public ListSessions listSessions() {
        return listSessions;
    }

    public RevokeSession revokeSession() {
        return revokeSession;
    }

    public ChangePassword changePassword() {
        return changePassword;
    }

    /**
     * Sends due mail from the outbox; the host runs it every second. Without a {@link
     * Builder#mailer mailer} mail stays queued and this throws {@link IllegalStateException}.
     */
    public DispatchMail dispatchMail() {
        return dispatchMail;
    }

    /** Collects the adapters; {@link #build()} fails listing every one that is missing. */
    public static final class Builder {
        private QlevenStore store;
        private FieldCipher cipher;
        private PasswordHasher passwordHasher;
        private Clock clock;
        private IdGenerator ids;
        private SignInThrottle signInThrottle = SignInThrottle.DEFAULT;
        private SessionPolicy sessionPolicy = SessionPolicy.DEFAULT;
        private int signupsPerAddressPerHour = 20;
        private ChainSigner chainSigner;
        private PhoneNumbers phoneNumbers;
        private AuditHeadWitness auditHeadWitness = AuditHeadWitness.NONE;
        private SecurityAlerts securityAlerts = SecurityWatch.logged();
        private BurstPolicy clientReadBurst = BurstPolicy.CLIENT_READS;
        private BurstPolicy failedSignInBurst = BurstPolicy.FAILED_SIGN_INS;
        private Mailer mailer;
        private java.net.URI publicUrl = java.net.URI.create("http://localhost:8080");
        private AccountLifecyclePolicy accountLifecycle = AccountLifecyclePolicy.DEFAULT;

        private Builder() {
        }

        /** Where data lives: the in-memory or the PostgreSQL adapter's store. Required. */
        public Builder store(QlevenStore store) {
            this.store = store;
            return this;
        }

        /** Encryption of personal data at rest. Required. */
        public Builder cipher(FieldCipher cipher) {
            this.cipher = cipher;
            return this;
        }

        /** Password hashing (Argon2id in the crypto adapter). Required. */
        public Builder passwordHasher(PasswordHasher passwordHasher) {
            this.passwordHasher = passwordHasher;
            return this;
        }

        /** The only source of time the core reads. Required. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * The keyed hash of the audit chains, with a key outside the database ({@code
         * HmacChainSigner} in the crypto adapter). Required.
         */
        public Builder chainSigner(ChainSigner chainSigner) {
            this.chainSigner = chainSigner;
            return this;
        }

        /**
         * Reads phone numbers as typed into E.164 ({@code LibphonenumberPhoneNumbers} in the phone
         * adapter). Required.
         */
        public Builder phoneNumbers(PhoneNumbers phoneNumbers) {
            this.phoneNumbers = phoneNumbers;
            return this;
        }

        /** Keeps the chains' heads outside the database too; none when not set. */
        public Builder auditHeadWitness(AuditHeadWitness witness) {
            this.auditHeadWitness = java.util.Objects.requireNonNull(witness, "witness");
            return this;
        }

        /** Where security alerts go; WARN lines of the platform logger when not set. */
        public Builder securityAlerts(SecurityAlerts alerts) {
            this.securityAlerts = java.util.Objects.requireNonNull(alerts, "alerts");
            return this;
        }

        /** When reads of distinct clients by one account raise an alert; {@link BurstPolicy#CLIENT_READS} by default. */
        public Builder clientReadBurst(BurstPolicy policy) {
            this.clientReadBurst = java.util.Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** When failed sign-ins raise an alert; {@link BurstPolicy#FAILED_SIGN_INS} by default. */
        public Builder failedSignInBurst(BurstPolicy policy) {
            this.failedSignInBurst = java.util.Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Sends the outbox's mail ({@code SmtpMailer} in the SMTP adapter). Without one, mail is
         * queued but {@link Qleven#dispatchMail()} cannot send it.
         */
        public Builder mailer(Mailer mailer) {
            this.mailer = java.util.Objects.requireNonNull(mailer, "mailer");
            return this;
        }

        /**
         * Where people reach the platform: the base of the links in invitation and password-reset
         * mail ({@code http://localhost:8080} when not set).
         */
        public Builder publicUrl(java.net.URI publicUrl) {
            java.util.Objects.requireNonNull(publicUrl, "publicUrl");
            if (!publicUrl.isAbsolute() || !(publicUrl.getScheme().equals("http") || publicUrl.getScheme().equals("https"))
                    || publicUrl.getRawQuery() != null || publicUrl.getRawFragment() != null) {
                throw new IllegalArgumentException("publicUrl must be an http(s) URL without query or fragment");
            }
            this.publicUrl = publicUrl;
            return this;
        }

        /** Lifetimes of invitation and reset links and the reset rate limits; {@link AccountLifecyclePolicy#DEFAULT} by default. */
        public Builder accountLifecycle(AccountLifecyclePolicy policy) {
            this.accountLifecycle = java.util.Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** New ids; time-ordered UUIDv7 from the clock when not set. */
        public Builder ids(IdGenerator ids) {
            this.ids = ids;
            return this;
        }

        public Builder signInThrottle(SignInThrottle throttle) {
            this.signInThrottle = java.util.Objects.requireNonNull(throttle, "throttle");
            return this;
        }

        public Builder sessionPolicy(SessionPolicy policy) {
            this.sessionPolicy = java.util.Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Signups one client address may attempt per hour (default 20). */
        public Builder signupsPerAddressPerHour(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("signupsPerAddressPerHour must be at least 1");
            }
            this.signupsPerAddressPerHour = limit;
            return this;
        }

        /** @throws IllegalStateException naming every required adapter that was not given */
        public Qleven build() {
            List<String> missing = new ArrayList<>();
            if (store == null) {
                missing.add("store");
            }
            if (cipher == null) {
                missing.add("cipher");
            }
            if (passwordHasher == null) {
                missing.add("passwordHasher");
            }
            if (clock == null) {
                missing.add("clock");
            }
            if (phoneNumbers == null) {
                missing.add("phoneNumbers");
            }
            if (chainSigner == null) {
                missing.add("chainSigner");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Qleven.builder() is missing: " + String.join(", ", missing));
            }
            return new Qleven(this);
        }
    }
}

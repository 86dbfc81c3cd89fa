package com.qleven.application.privacy;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.privacy.CenterNotification;
import com.qleven.domain.privacy.IncidentId;
import com.qleven.domain.privacy.PolicyNotice;
import com.qleven.domain.privacy.PrivacyRequestId;
import com.qleven.domain.privacy.PrivacyRequestStatus;
import com.qleven.domain.privacy.Subprocessor;
import com.qleven.domain.privacy.SubprocessorId;
import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.privacy.in.CompletePrivacyRequest;
import com.qleven.ports.privacy.in.CountPrivacyDeadlines;
import com.qleven.ports.privacy.in.CreatePrivacyRequest;
import com.qleven.ports.privacy.in.CreatePrivacyRequestCommand;
import com.qleven.ports.privacy.in.ExportClientData;
import com.qleven.ports.privacy.in.ExtendPrivacyRequest;
import com.qleven.ports.privacy.in.GetIncident;
import com.qleven.ports.privacy.in.GetPrivacyRequest;
import com.qleven.ports.privacy.in.IncidentView;
import com.qleven.ports.privacy.in.ListIncidents;
import com.qleven.ports.privacy.in.ListNotifications;
import com.qleven.ports.privacy.in.ListPrivacyRequests;
import com.qleven.ports.privacy.in.ManageSubprocessors;
import com.qleven.ports.privacy.in.PolicyAcceptance;
import com.qleven.ports.privacy.in.PrivacyRequestView;
import com.qleven.ports.privacy.in.PublishPolicyVersion;
import com.qleven.ports.privacy.in.ReportIncident;
import com.qleven.ports.privacy.in.ReportIncidentCommand;
import com.qleven.ports.privacy.in.SuppressionCheck;
import java.util.List;
import java.util.Map;
import com.qleven.application.Foundation;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.clients.out.ClientRestrictions;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.privacy.out.PrivacyRequests;
import com.qleven.ports.privacy.out.PrivacyStore;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.Transactions;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The privacy operations the policy promises: {@code qleven.privacy()}. Data-subject requests and
 * their deadlines, the export, the suppression list, the incident register, the sub-processor
 * register and the privacy-policy versions people accept.
 */
public final class PrivacyFacade {
    private final CreatePrivacyRequest createRequest;
    private final ListPrivacyRequests listRequests;
    private final GetPrivacyRequest getRequest;
    private final CompletePrivacyRequest completeRequest;
    private final ExtendPrivacyRequest extendRequest;
    private final CountPrivacyDeadlines deadlines;
    private final ExportClientData export;
    private final SuppressionCheck suppression;
    private final ReportIncident reportIncident;
    private final ListIncidentsService incidentRegister;
    private final ListNotifications notifications;
    private final ManageSubprocessors subprocessors;
    private final PolicyVersionsService policies;

    /**
     * Wires the context's services, each with the narrow ports it uses; {@code registry} holds what
     * every context keeps about a client, for the export and the erasure.
     */
    public PrivacyFacade(Foundation f, PrivacyRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        Transactions transactions = f.store().shared().transactions();
        Clients clients = f.store().clients().clients();
        ClientRestrictions restrictions = f.store().clients().clientRestrictions();
        PrivacyStore privacy = f.store().privacy();
        PrivacyRequests requests = privacy.privacyRequests();
        FieldCipher cipher = f.cipher();
        AuditTrail audit = f.audit();
        Clock clock = f.clock();
        createRequest = new CreatePrivacyRequestService(transactions, clients, requests, cipher, audit, clock, f.ids());
        listRequests = new ListPrivacyRequestsService(transactions, requests, cipher, audit, clock);
        getRequest = new GetPrivacyRequestService(transactions, requests, cipher, audit, clock);
        extendRequest = new ExtendPrivacyRequestService(transactions, requests, cipher, audit, clock);
        completeRequest = new CompletePrivacyRequestService(transactions, clients, restrictions, requests,
                privacy.suppressions(), cipher, registry, audit, clock);
        deadlines = new CountPrivacyDeadlinesService(transactions, requests, clock);
        export = new ExportClientDataService(transactions, clients, registry, audit, clock);
        suppression = new SuppressionCheckService(transactions, privacy.suppressions(), cipher);
        reportIncident = new ReportIncidentService(transactions, f.store().tenancy().centers(),
                f.store().tenancy().accounts(), f.store().tenancy().memberships(), privacy.incidents(),
                privacy.centerNotifications(), cipher, f.mail(), audit, clock, f.ids());
        incidentRegister = new ListIncidentsService(transactions, privacy.incidents(), privacy.centerNotifications(),
                cipher, clock);
        notifications = new ListNotificationsService(transactions, privacy.centerNotifications(), cipher);
        subprocessors = new ManageSubprocessorsService(transactions, privacy.subprocessors(), audit, clock, f.ids());
        policies = new PolicyVersionsService(transactions, f.store().tenancy().accounts(), privacy.policyVersions(),
                cipher, f.mail(), audit, clock);
    }

    /** Records a client's data-subject request, due 30 calendar days after receipt. */
    public PrivacyRequestView createRequest(Principal principal, CreatePrivacyRequestCommand command) {
        return createRequest.create(principal, command);
    }

    public Page<PrivacyRequestView> listRequests(Principal principal, Optional<PrivacyRequestStatus> status,
                                                 PageRequest page) {
        return listRequests.list(principal, status, page);
    }

    public PrivacyRequestView getRequest(Principal principal, PrivacyRequestId request) {
        return getRequest.get(principal, request);
    }

    /** Answers a request; an erasure erases what every context holds about the client. */
    public PrivacyRequestView completeRequest(Principal principal, PrivacyRequestId request, String outcome) {
        return completeRequest.complete(principal, request, outcome);
    }

    /** Extends a request's deadline by one or two months, with the reason told to the client. */
    public PrivacyRequestView extendRequest(Principal principal, PrivacyRequestId request, Integer months,
                                            String reason) {
        return extendRequest.extend(principal, request, months, reason);
    }

    /** Due-soon and overdue requests across every center, for monitoring. */
    public CountPrivacyDeadlines.Deadlines countDeadlines() {
        return deadlines.count();
    }

    /** Everything the center holds about a client as one versioned JSON document. */
    public Map<String, Object> export(Principal principal, ClientId client) {
        return export.export(principal, client);
    }

    /** Whether a number is on the center's marketing suppression list; marketing senders ask at sending. */
    public boolean isSuppressed(TenantId center, PhoneNumber phone) {
        return suppression.isSuppressed(center, phone);
    }

    public boolean isSuppressed(TenantId center, EmailAddress email) {
        return suppression.isSuppressed(center, email);
    }

    /** Records a personal-data breach (operators) and notifies each affected center. */
    public IncidentView reportIncident(Principal principal, ReportIncidentCommand command) {
        return reportIncident.report(principal, command);
    }

    /** The incident register: all of it for operators, the center's own for its administrators. */
    public Page<IncidentView> listIncidents(Principal principal, PageRequest page) {
        return incidentRegister.list(principal, page);
    }

    public IncidentView getIncident(Principal principal, IncidentId incident) {
        return incidentRegister.get(principal, incident);
    }

    /** What the platform told the principal's center. */
    public Page<CenterNotification> notifications(Principal principal, PageRequest page) {
        return notifications.list(principal, page);
    }

    /** Adds a sub-processor to the register (operators). */
    public Subprocessor addSubprocessor(Principal principal, ManageSubprocessors.SubprocessorFields fields) {
        return subprocessors.add(principal, fields);
    }

    public Subprocessor updateSubprocessor(Principal principal, SubprocessorId subprocessor,
                                           ManageSubprocessors.SubprocessorChange change) {
        return subprocessors.update(principal, subprocessor, change);
    }

    /** The sub-processor register, readable by everyone signed in. */
    public List<Subprocessor> subprocessors(Principal principal) {
        return subprocessors.list(principal);
    }

    /** Publishes a privacy-policy version (operators) and tells every account. */
    public PublishPolicyVersion.PolicyVersionView publishPolicy(Principal principal,
                                                                PublishPolicyVersion.PublishPolicyCommand command) {
        return policies.publish(principal, command);
    }

    /** The principal's notices of policy versions. */
    public List<PolicyNotice> policyNotices(Principal principal) {
        return policies.notifications(principal);
    }

    public void acceptPolicy(Principal principal, String version) {
        policies.accept(principal, version);
    }

    /** The version in effect and whether the principal accepted it. */
    public Optional<PolicyAcceptance.CurrentPolicy> currentPolicy(Principal principal) {
        return policies.current(principal);
    }
}

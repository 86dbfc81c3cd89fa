package com.qleven.application;

import com.qleven.ports.audit.out.AuditLog;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.shared.out.DataKeys;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.IdempotencyRecords;
import com.qleven.ports.shared.out.RateLimits;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.Centers;
import com.qleven.ports.tenancy.out.Memberships;
import com.qleven.ports.tenancy.out.Sessions;

/**
 * Everything a storage adapter provides, so that an embedder plugs one object in. Every
 * repository's writes join the unit of work that {@link #transactions()} opens on the thread.
 */
public interface QlevenStore {
    Transactions transactions();

    Directory directory();

    RateLimits rateLimits();

    DataKeys dataKeys();

    IdempotencyRecords idempotencyRecords();

    /** Housekeeping of the operational tables and the queue of centers due for it. */
    com.qleven.ports.shared.out.OperationalRecords operationalRecords();

    AuditLog auditLog();

    Centers centers();

    Accounts accounts();

    Memberships memberships();

    com.qleven.ports.tenancy.out.Invitations invitations();

    com.qleven.ports.tenancy.out.AccountTokens accountTokens();

    com.qleven.ports.shared.out.MailOutbox mailOutbox();

    Sessions sessions();

    Clients clients();

    com.qleven.ports.consent.out.ConsentLedger consentLedger();

    com.qleven.ports.consent.out.ConsentPurposes consentPurposes();

    com.qleven.ports.privacy.out.Incidents incidents();

    com.qleven.ports.privacy.out.CenterNotifications centerNotifications();

    com.qleven.ports.privacy.out.Subprocessors subprocessors();

    com.qleven.ports.privacy.out.PrivacyRequests privacyRequests();

    com.qleven.ports.privacy.out.Suppressions suppressions();

    com.qleven.ports.privacy.out.PolicyVersions policyVersions();

    com.qleven.ports.clients.out.ClientRestrictions clientRestrictions();
}

package com.qleven.application.consent;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentEntry;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.consent.in.ChannelConsent;
import com.qleven.ports.consent.in.ConsentCheck;
import com.qleven.ports.consent.in.ConsentsView;
import com.qleven.ports.consent.in.GetConsents;
import com.qleven.ports.consent.in.ManageConsentNotices;
import com.qleven.ports.consent.in.ManageConsentPurposes;
import com.qleven.domain.consent.NoticeText;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.ports.consent.in.RecordConsent;
import com.qleven.ports.consent.in.RecordConsentCommand;
import java.util.Optional;
import java.time.Instant;
import java.util.List;
import com.qleven.application.Foundation;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.clients.out.ClientRestrictions;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.consent.out.ConsentLedger;
import com.qleven.ports.consent.out.ConsentPurposes;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.out.Centers;
import java.time.Clock;
import java.util.Objects;

/**
 * The consent ledger (policy P5): {@code qleven.consent()}. Entries are appended, never changed;
 * every sender asks {@link #allows} at the moment of sending.
 */
public final class ConsentFacade {
    private final RecordConsent record;
    private final RecordConsentFromChannelService recordFromChannel;
    private final GetConsents get;
    private final ConsentCheck check;
    private final ManageConsentPurposes purposes;
    private final ManageConsentNotices notices;
    private final ConsentRecords records;

    /** Wires the context's services, each with the narrow ports it uses. */
    public ConsentFacade(Foundation f) {
        Transactions transactions = f.store().shared().transactions();
        Centers centers = f.store().tenancy().centers();
        Clients clients = f.store().clients().clients();
        ClientRestrictions restrictions = f.store().clients().clientRestrictions();
        ConsentLedger ledger = f.store().consent().consentLedger();
        ConsentPurposes consentPurposes = f.store().consent().consentPurposes();
        FieldCipher cipher = f.cipher();
        AuditTrail audit = f.audit();
        Clock clock = f.clock();
        record = new RecordConsentService(transactions, centers, clients, restrictions, ledger, consentPurposes,
                cipher, audit, clock, f.ids());
        recordFromChannel = new RecordConsentFromChannelService(transactions, centers, clients, restrictions, ledger,
                consentPurposes, cipher, audit, clock, f.ids());
        get = new GetConsentsService(transactions, clients, ledger, consentPurposes, cipher, audit, clock);
        check = new ConsentCheckService(transactions, centers, clients, restrictions, ledger, consentPurposes, cipher);
        purposes = new ConsentPurposesService(transactions, consentPurposes, audit, clock);
        notices = new ConsentNoticesService(transactions, consentPurposes, f.store().consent().consentNotices(), audit,
                clock);
        records = new ConsentRecords(transactions, ledger, cipher);
    }

    /** The ledger's section of a client's export and its erasure, for the privacy registry. */
    public ConsentRecords records() {
        return records;
    }

    /** Staff record a client's decision, with the exact text shown and the channel. */
    public ConsentEntry record(Principal principal, ClientId client, RecordConsentCommand command) {
        return record.record(principal, client, command);
    }

    /** Records a consent captured by another context (online booking, a WhatsApp reply, an import). */
    public ConsentEntry recordFromChannel(ChannelConsent consent) {
        return recordFromChannel.record(consent);
    }

    /**
     * Withdraws a consent captured by another context (a WhatsApp STOP) only when it is granted at the
     * decision time; empty, writing nothing, otherwise.
     */
    public Optional<ConsentEntry> withdrawFromChannel(ChannelConsent consent) {
        return recordFromChannel.withdraw(consent);
    }

    /** A client's current state per purpose and the history. */
    public ConsentsView get(Principal principal, ClientId client) {
        return get.get(principal, client);
    }

    /** May this client be reached for this purpose at this instant? */
    public boolean allows(TenantId center, ClientId client, ConsentPurpose purpose, Instant at) {
        return check.allows(center, client, purpose, at);
    }

    /** The check as a port, for the senders of other contexts. */
    public ConsentCheck check() {
        return check;
    }

    /** Adds a purpose of the center's own (administrators). */
    public ManageConsentPurposes.PurposeView addPurpose(Principal principal,
                                                        ManageConsentPurposes.AddPurposeCommand command) {
        return purposes.add(principal, command);
    }

    /** The built-in purposes and the center's own. */
    public List<ManageConsentPurposes.PurposeView> purposes(Principal principal) {
        return purposes.list(principal);
    }

    /**
     * Publishes {@code text} as the next version of the purpose's notice (administrators); the
     * current version's own text again publishes nothing and answers that version.
     */
    public NoticeText publishNotice(Principal principal, String purpose, String text) {
        return notices.publish(principal, purpose, text);
    }

    /** The versions of a purpose's notice, newest first. */
    public Page<NoticeText> notices(Principal principal, String purpose, PageRequest page) {
        return notices.versions(principal, purpose, page);
    }
}

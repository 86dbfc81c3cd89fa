package com.qleven.application.clients;

import com.qleven.domain.clients.ClientDuplicateId;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.clients.in.ClientPhones;
import com.qleven.ports.clients.in.ClientSearch;
import com.qleven.ports.clients.in.ClientView;
import com.qleven.ports.clients.in.CreateClient;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.clients.in.GetClient;
import com.qleven.ports.clients.in.InvoiceRecipients;
import com.qleven.ports.clients.in.LiftRestriction;
import com.qleven.ports.clients.in.ListClients;
import com.qleven.ports.clients.in.MessageRecipients;
import com.qleven.ports.clients.in.ProcessingCheck;
import com.qleven.ports.clients.in.ReviewClientDuplicates;
import com.qleven.ports.clients.in.SearchClients;
import com.qleven.ports.clients.in.UpdateClient;
import com.qleven.ports.clients.in.UpdateClientCommand;
import com.qleven.application.Foundation;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.clients.out.ClientDuplicates;
import com.qleven.ports.clients.out.ClientRestrictions;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.out.Centers;
import java.time.Clock;
import java.util.Objects;

/**
 * A center's clients: {@code qleven.clients()}. Personal fields are sealed at rest, every read and
 * change is on the audit trail, and a restricted client (GDPR Art. 18) is kept, not processed.
 */
public final class ClientsFacade {
    private final CreateClient create;
    private final GetClient get;
    private final UpdateClient update;
    private final ListClients list;
    private final SearchClients search;
    private final LiftRestriction liftRestriction;
    private final ProcessingCheck processing;
    private final ReviewClientDuplicates review;
    private final InvoiceRecipients invoiceRecipients;
    private final MessageRecipients messageRecipients;
    private final ClientPhones clientPhones;

    /** Wires the context's services, each with the narrow ports it uses. */
    public ClientsFacade(Foundation f) {
        Transactions transactions = f.store().shared().transactions();
        Centers centers = f.store().tenancy().centers();
        Clients clients = f.store().clients().clients();
        ClientRestrictions restrictions = f.store().clients().clientRestrictions();
        ClientDuplicates duplicates = f.store().clients().clientDuplicates();
        FieldCipher cipher = f.cipher();
        AuditTrail audit = f.audit();
        Clock clock = f.clock();
        create = new CreateClientService(transactions, centers, clients, cipher, f.phoneNumbers(), audit, clock,
                f.ids());
        get = new GetClientService(transactions, clients, restrictions, duplicates, cipher, audit, clock);
        update = new UpdateClientService(transactions, centers, clients, restrictions, cipher, f.phoneNumbers(),
                audit, clock);
        list = new ListClientsService(transactions, clients, restrictions, cipher, audit, clock);
        search = new SearchClientsService(transactions, centers, clients, restrictions, cipher, f.phoneNumbers(),
                audit, clock);
        liftRestriction = new LiftRestrictionService(transactions, clients, restrictions, cipher, audit, clock);
        processing = new ProcessingCheckService(transactions, restrictions);
        review = new ClientDuplicatesService(transactions, duplicates, audit, clock);
        invoiceRecipients = new InvoiceRecipientsService(restrictions, cipher);
        messageRecipients = new MessageRecipientsService(clients, cipher);
        clientPhones = new ClientPhonesService(clients, restrictions, cipher, audit);
    }

    /** Records a new client of the principal's center. */
    public ClientView create(Principal principal, CreateClientCommand command) {
        return create.create(principal, command);
    }

    public ClientView get(Principal principal, ClientId client) {
        return get.get(principal, client);
    }

    /** Applies a merge patch, optionally only if the client is still at the version the caller saw. */
    public ClientView update(Principal principal, UpdateClientCommand command) {
        return update.update(principal, command);
    }

    public Page<ClientView> list(Principal principal, PageRequest page) {
        return list.list(principal, page);
    }

    /** Finds clients by phone, email (exact, through blind indexes) or name tokens. */
    public Page<ClientView> search(Principal principal, ClientSearch search, PageRequest page) {
        return this.search.search(principal, search, page);
    }

    /** Lifts a client's restriction of processing: administrators, with a reason, on the audit trail. */
    public ClientView liftRestriction(Principal principal, ClientId client, String reason) {
        return liftRestriction.lift(principal, client, reason);
    }

    /**
     * The center's open possible duplicates (clients an online booking made beside existing ones
     * sharing the phone or the email), oldest first: administrators and receptionists.
     */
    public Page<ReviewClientDuplicates.DuplicateView> possibleDuplicates(Principal principal, PageRequest page) {
        return review.list(principal, page);
    }

    /** Dismisses a possible duplicate; an unknown id is a {@link com.qleven.domain.shared.NotFoundException}. */
    public void dismissPossibleDuplicate(Principal principal, ClientDuplicateId id) {
        review.dismiss(principal, id);
    }

    /** Whether a client's processing is restricted, in the caller's unit of work. */
    public boolean isRestricted(TenantId center, ClientId client) {
        return processing.restricted(center, client);
    }

    /**
     * What changing, messaging, booking and consent grants ask first.
     *
     * @throws com.qleven.domain.shared.ConflictException when the client's processing is restricted
     */
    public void requireProcessable(TenantId center, ClientId client) {
        processing.requireProcessable(center, client);
    }

    /**
     * Whom an invoice to a client is made out to (its billing identity, else its full name), for the
     * billing services: runs in their unit of work, checking no permission.
     */
    public InvoiceRecipients invoiceRecipients() {
        return invoiceRecipients;
    }

    /**
     * Whom a message to a client goes to (name, phone, preferred language, birth date), for the
     * messaging services: runs in their unit of work, checking no permission.
     */
    public MessageRecipients messageRecipients() {
        return messageRecipients;
    }

    /**
     * The clients' phones as WhatsApp meets them (the index a number is looked up by, the clients with
     * a number, a number change Meta reported), for the messaging services: runs in their unit of
     * work, checking no permission.
     */
    public ClientPhones clientPhones() {
        return clientPhones;
    }

    /** The check as a port, for the services of other contexts. */
    public ProcessingCheck processingCheck() {
        return processing;
    }
}

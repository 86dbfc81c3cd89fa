package com.qleven.application.messaging;

import com.qleven.application.Foundation;
import com.qleven.domain.messaging.MessagingSettings;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.clients.in.ClientPhones;
import com.qleven.ports.clients.in.MessageRecipients;
import com.qleven.ports.billing.in.PackageHolders;
import com.qleven.ports.scheduling.in.ClientActivity;
import com.qleven.domain.messaging.CampaignId;
import com.qleven.ports.messaging.in.CampaignView;
import com.qleven.ports.messaging.in.CreateCampaignCommand;
import com.qleven.ports.messaging.out.Campaigns;
import com.qleven.domain.clients.ClientId;
import com.qleven.ports.messaging.in.ContactView;
import com.qleven.ports.messaging.in.ConversationView;
import com.qleven.ports.messaging.in.MessageFilter;
import com.qleven.ports.messaging.in.MessageView;
import com.qleven.ports.clients.in.ProcessingCheck;
import com.qleven.ports.consent.in.ConsentCheck;
import com.qleven.ports.messaging.in.MessagingSettingsView;
import com.qleven.ports.messaging.out.MessagingStore;
import com.qleven.ports.messaging.in.WebhookRun;
import com.qleven.ports.messaging.out.WebhookParser;
import com.qleven.ports.messaging.out.WhatsAppGateway;
import com.qleven.ports.privacy.in.SuppressionCheck;
import com.qleven.ports.scheduling.in.AppointmentChanged;
import com.qleven.ports.tenancy.in.StaffNames;
import com.qleven.domain.messaging.TemplateId;
import com.qleven.domain.messaging.TemplateStatus;
import com.qleven.domain.messaging.WhatsAppTemplate;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.in.AccountView;
import com.qleven.ports.messaging.in.ConnectAccountCommand;
import com.qleven.ports.messaging.in.CreateTemplateCommand;
import com.qleven.ports.messaging.in.EmbeddedSignupCommand;
import com.qleven.ports.messaging.in.MapTemplateCommand;
import com.qleven.ports.messaging.in.SyncResult;
import com.qleven.ports.messaging.out.ConnectedAccount;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import java.util.UUID;

/**
 * WhatsApp messaging, {@code qleven.messaging()}: the center's connected number and its templates,
 * appointment messages, the outbox and its dispatcher, delivery statuses from Meta's webhooks, and
 * the messages staff see. Every verb checks the principal's permission itself.
 */
public final class MessagingFacade {
    private final MessageParameters parameters;
    private final MessagingSettingsService settings;
    private final MessageQueue queue;
    private final AppointmentMessages appointmentMessages;
    private final MessagesRegistry registry;
    private final WhatsAppAccountsService accounts;
    private final WhatsAppTemplatesService templates;
    private final Dispatcher dispatcher;
    private final MessagesService messages;
    private final WebhookService webhooks;
    private final CampaignsService campaigns;
    private final CampaignsRegistry campaignsRegistry;
    private final ConversationService conversations;
    private final InboundRegistry inboundRegistry;

    /**
     * Wires the context's services. Without a {@code gateway} nothing can reach Meta: messages are
     * queued and wait, and connecting a number or syncing templates fails with {@link IllegalStateException}.
     * {@code addressees} reads a client as a message's addressee (name, preferred language) and
     * {@code staffNames} a professional's name, both in the caller's unit; {@code recipients} reads the
     * clients a batch of messages goes to at send time (their phone, birth date), in one read, and a
     * campaign's segment; {@code activity} and {@code packageHolders} tell a segment the clients'
     * visits and packages, each in one read.
     */
    public MessagingFacade(Foundation f, Optional<WhatsAppGateway> gateway, ConsentCheck consent,
                           SuppressionCheck suppression, ProcessingCheck processing,
                           AppointmentMessages.Addressees addressees, StaffNames staffNames,
                           MessageRecipients recipients, ClientActivity activity, PackageHolders packageHolders,
                           Optional<WebhookParser> webhookParser, ClientPhones phones, InboundListener listener) {
        this(f, gateway, false, consent, suppression, processing, addressees, staffNames, recipients, activity,
                packageHolders, webhookParser, phones, listener);
    }

    /**
     * As {@link #MessagingFacade(Foundation, Optional, ConsentCheck, SuppressionCheck, ProcessingCheck,
     * AppointmentMessages.Addressees, StaffNames, MessageRecipients, ClientActivity, PackageHolders, Optional,
     * ClientPhones, InboundListener)};
     * {@code signupConfigured} says whether the gateway holds
     * Qleven's Meta app id and secret, which Embedded Signup needs (without them a signup is refused as a
     * conflict saying so). Without a {@code webhookParser}, webhooks are kept but wait unprocessed.
     * {@code phones} reads the clients with a sender's number (and moves them when WhatsApp reports a
     * new one); {@code listener} hears each inbound message and preference change once it is stored
     * ({@link InboundListener#NONE} for none; {@link #inboundListener(InboundListener)} replaces it).
     */
    public MessagingFacade(Foundation f, Optional<WhatsAppGateway> gateway, boolean signupConfigured,
                           ConsentCheck consent, SuppressionCheck suppression, ProcessingCheck processing,
                           AppointmentMessages.Addressees addressees, StaffNames staffNames,
                           MessageRecipients recipients, ClientActivity activity, PackageHolders packageHolders,
                           Optional<WebhookParser> webhookParser, ClientPhones phones, InboundListener listener) {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(suppression, "suppression");
        Objects.requireNonNull(processing, "processing");
        this.parameters = new MessageParameters(f.cipher());
        MessagingStore store = f.store().messaging();
        var transactions = f.store().shared().transactions();
        this.settings = new MessagingSettingsService(transactions, store.centers(), f.audit(), f.clock());
        this.queue = new MessageQueue(transactions, store.templates(), store.outbox(), parameters, f.ids(), f.clock());
        this.appointmentMessages = new AppointmentMessages(transactions, store.accounts(), store.centers(),
                store.outbox(), queue, f.store().scheduling().settings(), staffNames, addressees, f.clock());
        this.registry = new MessagesRegistry(store.outbox(), parameters);
        this.accounts = new WhatsAppAccountsService(transactions, store.accounts(),
                f.store().privacy().centerNotifications(), gateway, signupConfigured, f.cipher(), f.audit(), f.clock(),
                f.ids());
        this.templates = new WhatsAppTemplatesService(transactions, store.templates(),
                store.accounts(), accounts, f.audit(), f.clock(), f.ids());
        // A 190 marks the number and tells its administrators, once; nothing is sent until it is reconnected.
        this.dispatcher = new Dispatcher(transactions, store, gateway, consent, suppression,
                processing, Objects.requireNonNull(recipients, "recipients"), f.cipher(),
                (tenant, at) -> accounts.markReconnectNeeded(tenant), f.clock(), SHARED_RANDOM,
                Dispatcher.Settings.defaults(), Objects.requireNonNull(phones, "phones"));
        this.messages = new MessagesService(transactions, store.outbox(), f.audit(), f.ids(),
                parameters, f.clock());
        this.campaigns = new CampaignsService(transactions, store.campaigns(), store.templates(), store.accounts(),
                f.store().scheduling().settings(), queue, recipients, Objects.requireNonNull(activity, "activity"),
                Objects.requireNonNull(packageHolders, "packageHolders"), f.audit(), f.ids(), f.clock());
        this.campaignsRegistry = new CampaignsRegistry(store.campaigns());
        this.inboundRegistry = new InboundRegistry(store.inbound(), store.contacts(), f.store().shared().dataKeys(),
                f.cipher());
        this.conversations = new ConversationService(transactions, store.contacts(), store.inbound(), store.outbox(),
                recipients, phones, processing, f.cipher(), f.audit(), f.ids(), f.clock());
        this.webhooks = new WebhookService(transactions, store, f.cipher(),
                Objects.requireNonNull(webhookParser, "webhookParser"), Objects.requireNonNull(phones, "phones"),
                f.store().privacy().centerNotifications(), Objects.requireNonNull(listener, "listener"), f.clock(),
                f.ids());
    }

    /** The retry jitter's source: each thread its own, so dispatchers in one JVM never contend. */
    private static final RandomGenerator SHARED_RANDOM = new RandomGenerator() {
        @Override
        public long nextLong() {
            return ThreadLocalRandom.current().nextLong();
        }
    };

    // The outbox: dispatch and the staff's view ------------------------------------------------------

    /**
     * One dispatcher run (a host job calls it every second or so, on any number of hosts side by side):
     * claims the centers with due messages, applies the send-time rules, sends within the shared send
     * budgets and records each outcome; what it did, counted. No principal: it acts for the platform.
     */
    public Dispatcher.Counts dispatchDue() {
        return dispatcher.dispatchDue();
    }

    /**
     * {@code VIEW_MESSAGES}: a client's or an appointment's messages newest first, or the uncertain
     * ones oldest first (the staff's worklist), one page at a time.
     */
    public Page<MessageView> messages(Principal principal, MessageFilter filter, PageRequest page) {
        return messages.list(principal, filter, page);
    }

    /**
     * {@code RESEND_MESSAGES}: resends an uncertain or failed message as a new queued one pointing back
     * at it (409 for any other status); the old one stays as it was.
     */
    public MessageView resend(Principal principal, OutboundMessageId id) {
        return messages.resend(principal, id);
    }

    // Conversations -------------------------------------------------------------------------------

    /**
     * {@code VIEW_CONVERSATIONS}: one page of the client's WhatsApp conversation, newest first (what the
     * client sent, opened, and what the center sent; each message's current reaction), with the
     * 24-hour window. Another center's client is not found.
     */
    public ConversationView conversation(Principal principal, ClientId client, PageRequest page) {
        return conversations.conversation(principal, client, page);
    }

    /**
     * {@code REPLY_TO_CLIENTS}: queues free text (1 to 4096 characters, field {@code text}) to the
     * client while the 24-hour window is open (a conflict saying when the client last wrote otherwise),
     * in one unit of work; it goes out through the dispatcher, which checks consent, restriction and the
     * window again.
     */
    public MessageView reply(Principal principal, ClientId client, String text) {
        return conversations.reply(principal, client, text);
    }

    /**
     * {@code ATTRIBUTE_CONTACTS}: the WhatsApp numbers whose messages wait for a client, {@code unmatched}
     * (no client has the number) or {@code shared} (several do), most recently active first.
     */
    public Page<ContactView> whatsAppContacts(Principal principal, String status, PageRequest page) {
        return conversations.contacts(principal, status, page);
    }

    /**
     * {@code ATTRIBUTE_CONTACTS}: attributes the contact's waiting messages to a client of the center (for
     * a shared number, one of those with it); how many.
     */
    public int attributeContact(Principal principal, UUID contact, ClientId client) {
        return conversations.attribute(principal, contact, client);
    }

    // Settings ------------------------------------------------------------------------------------

    /** The center's messaging settings and their version (0: the defaults); every center role. */
    public MessagingSettingsView settings(Principal principal) {
        return settings.settings(principal);
    }

    /**
     * Replaces the center's messaging settings (administrators). {@code ifMatch}, when given, is the
     * version the change was made from: another one fails with a precondition error (412), writing nothing.
     */
    public MessagingSettingsView saveSettings(Principal principal, MessagingSettings newSettings,
                                              Optional<Long> ifMatch) {
        return settings.save(principal, newSettings, Objects.requireNonNull(ifMatch, "ifMatch"));
    }

    // Appointment messages and the outbox's cause side --------------------------------------------

    /** Writes messages in the caller's unit: for campaigns and other causes beside appointments. */
    public MessageQueue queue() {
        return queue;
    }

    /**
     * The listener of appointments' lifecycle ({@code scheduling().onAppointmentChanged}): confirmation,
     * reminders, change and cancellation notices, in the appointment's unit of work.
     */
    public Consumer<AppointmentChanged> appointmentListener() {
        return appointmentMessages;
    }

    /** The client's messages in the privacy registry: export and erasure. */
    public MessagesRegistry privacyRegistry() {
        return registry;
    }

    /** The client's WhatsApp messages to the center in the privacy registry: export and erasure. */
    public InboundRegistry inboundPrivacyRegistry() {
        return inboundRegistry;
    }

    // The connected number and the templates -------------------------------------------------------

    /**
     * Connects the center's number by hand, or replaces the one it has (administrators): Meta's
     * phone-number id and business account id and a token of an account subscribed to Qleven's app,
     * sealed at rest. Every bad member is named; a phone-number id another center holds is a conflict.
     */
    public AccountView connectAccount(Principal principal, ConnectAccountCommand command) {
        return accounts.connect(principal, command);
    }

    /**
     * Connects the center's number through Embedded Signup (administrators): exchanges the code for
     * the business token, registers the number when a PIN is given, subscribes Qleven's app to the
     * business account, then stores the number. Each Graph call is made outside any unit of work;
     * Meta's refusal is a {@link com.qleven.domain.shared.BadGatewayException} with its Graph code
     * and stores nothing. Without the app id and secret on this host, a conflict saying so.
     */
    public AccountView embeddedSignup(Principal principal, EmbeddedSignupCommand command) {
        return accounts.embeddedSignup(principal, command);
    }

    /** The center's connected number, never its token (every center role). */
    public AccountView account(Principal principal) {
        return accounts.view(principal);
    }

    /**
     * For the dispatcher, when Meta answers 190: marks the center's number {@code reconnect_needed}
     * and tells its administrators through the center's notifications, only the first time (true
     * then). Runs in the caller's unit of work when one is open; checks no permission.
     */
    public boolean markReconnectNeeded(TenantId tenant) {
        return accounts.markReconnectNeeded(tenant);
    }

    /** The center's connected number as stored, for the other services of messaging; no permission. */
    public Optional<ConnectedAccount> connectedAccount(TenantId tenant) {
        return accounts.account(tenant);
    }

    /**
     * Syncs the registry with the templates Meta lists for the center's business account
     * (administrators), as {@link WhatsAppTemplatesService} describes: added, updated, and those Meta no
     * longer lists marked {@code DELETED}.
     */
    public SyncResult syncTemplates(Principal principal) {
        return templates.sync(principal);
    }

    /** The center's templates by name then language (every center role). */
    public Page<WhatsAppTemplate> templates(Principal principal, PageRequest page) {
        return templates.list(principal, page);
    }

    /** One template with its components and mapping; another center's id is not found. */
    public WhatsAppTemplate template(Principal principal, TemplateId id) {
        return templates.get(principal, id);
    }

    /**
     * Gives an approved template its purpose and placeholder sources (administrators); a template not
     * approved is a conflict, a mapping that does not fit its placeholders a validation error naming
     * {@code parameters[i]}. A null purpose takes purpose and mapping away.
     */
    public WhatsAppTemplate mapTemplate(Principal principal, TemplateId id, MapTemplateCommand command) {
        return templates.map(principal, id, command);
    }

    /**
     * Submits a template to Meta and keeps it {@code PENDING} (administrators); Meta's refusal is a
     * {@link com.qleven.domain.shared.BadGatewayException} with its Graph code and stores nothing.
     */
    public WhatsAppTemplate createTemplate(Principal principal, CreateTemplateCommand command) {
        return templates.create(principal, command);
    }

    /**
     * For the webhook: Meta's new status of a template, in every center sharing the business account;
     * how many centers had it. No permission: the caller checked Meta's signature.
     */
    public int applyTemplateStatus(String wabaId, String name, String language, TemplateStatus status) {
        return templates.applyTemplateStatus(wabaId, name, language, status);
    }

    /**
     * Keeps a WhatsApp webhook POST's body, as it came, sealed under the platform's webhook key, in
     * one unit of work and nothing else, so Meta is answered fast; returns the event's id. For the
     * host's webhook route, which has checked Meta's signature over exactly these bytes (no principal:
     * the signature is the credential).
     */
    public UUID receiveWebhook(byte[] rawBody) {
        return webhooks.receive(rawBody);
    }

    /**
     * Processes up to {@code batch} kept webhook events (for a host job; hosts side by side share
     * them): each status moves its message forward in its center's unit and adds its pricing,
     * conversation and error to the message's report; template status updates reach every center of
     * the business account. Idempotent and order-free; unknown wamids and numbers are counted and
     * passed over; an unreadable event is given up on without holding up the rest.
     */
    public WebhookRun processWebhooks(int batch) {
        return webhooks.process(batch);
    }

    /** Deletes processed webhook events received more than {@link WebhookService#RETENTION} ago, up to {@code limit}; how many. */
    public int purgeProcessedWebhooks(int limit) {
        return webhooks.purge(limit);
    }

    /**
     * Replaces what hears clients' inbound messages and preference changes once stored (reply buttons,
     * STOP): called in the center's unit of the webhook processing, once per message or change.
     */
    public void inboundListener(InboundListener listener) {
        webhooks.listener(listener);
    }

    /** How many webhook events wait to be processed (a gauge for operators). */
    public long waitingWebhooks() {
        return webhooks.waiting();
    }

    // Campaigns --------------------------------------------------------------------------------------

    /**
     * {@code RUN_CAMPAIGNS}: a marketing campaign to the clients its segment matches now, one message
     * each queued in the same unit, as {@link CampaignsService} describes.
     */
    public CampaignView createCampaign(Principal principal, CreateCampaignCommand command) {
        return campaigns.create(principal, command);
    }

    /** {@code VIEW_CAMPAIGNS}: the campaign with its status and progress; another center's is not found. */
    public CampaignView campaign(Principal principal, CampaignId id) {
        return campaigns.get(principal, id);
    }

    /** {@code VIEW_CAMPAIGNS}: the center's campaigns newest first, with their progress. */
    public Page<CampaignView> campaigns(Principal principal, PageRequest page) {
        return campaigns.list(principal, page);
    }

    /** {@code VIEW_CAMPAIGNS}: the campaign's recipients by client id, each with its message's fate. */
    public Page<Campaigns.RecipientStatus> campaignRecipients(Principal principal, CampaignId id, PageRequest page) {
        return campaigns.recipients(principal, id, page);
    }

    /** {@code RUN_CAMPAIGNS}: cancels the campaign (its queued messages skipped); twice is a no-op, a completed one a conflict. */
    public CampaignView cancelCampaign(Principal principal, CampaignId id) {
        return campaigns.cancel(principal, id);
    }

    /** The campaigns a client was in, in the privacy registry: export and erasure. */
    public CampaignsRegistry campaignsRegistry() {
        return campaignsRegistry;
    }
}

package com.qleven.application;

import com.qleven.application.audit.AuditFacade;
import com.qleven.application.audit.AuditRegistryExporter;
import com.qleven.application.audit.SecurityWatch;
import com.qleven.application.billing.BillingFacade;
import com.qleven.application.clients.ClientDuplicatesRegistry;
import com.qleven.application.clients.ClientRegistryEraser;
import com.qleven.application.clients.ClientRegistryExporter;
import com.qleven.application.clients.ClientsFacade;
import com.qleven.application.consent.ConsentFacade;
import com.qleven.application.devices.DevicesFacade;
import com.qleven.application.messaging.AppointmentMessages;
import com.qleven.application.messaging.MessagingFacade;
import com.qleven.application.privacy.PrivacyFacade;
import com.qleven.application.privacy.SuppressionCheckService;
import com.qleven.application.privacy.PrivacyRegistry;
import com.qleven.application.privacy.RegistryConsentExporter;
import com.qleven.application.scheduling.SchedulingFacade;
import com.qleven.application.shared.MailQueue;
import com.qleven.application.shared.PlatformFacade;
import com.qleven.application.shared.UuidV7Ids;
import com.qleven.application.tenancy.TenancyFacade;
import com.qleven.domain.audit.BurstPolicy;
import com.qleven.domain.tenancy.AccountLifecyclePolicy;
import com.qleven.domain.tenancy.SessionPolicy;
import com.qleven.domain.tenancy.SignInThrottle;
import com.qleven.ports.audit.out.AuditHeadWitness;
import com.qleven.ports.audit.out.ChainSigner;
import com.qleven.ports.audit.out.SecurityAlerts;
import com.qleven.ports.privacy.out.RegistryEraser;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.Mailer;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.shared.out.PhoneNumbers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Qleven core for embedders: one facade per context, wired to the adapters given to {@link
 * #builder()}. The host composes the very same object, so an embedder gets the same rules
 * (permissions, tenant isolation, encryption, rate limits) as the HTTP API.
 *
 * <pre>{@code
 * Qleven qleven = Qleven.builder()
 *         .store(store).cipher(cipher).passwordHasher(hasher).phoneNumbers(phones).chainSigner(signer)
 *         .clock(Clock.systemUTC())
 *         .build();
 * SignUpResult center = qleven.tenancy().signUp(SignUpCommand.builder()...build());
 * ClientView client = qleven.clients().create(principal, CreateClientCommand.builder().fullName("Ana").build());
 * }</pre>
 *
 * <p>Each facade wires its own services from a {@link Foundation} (the store and the adapters); a
 * new context adds its facade, its store group and one accessor here.
 */
public final class Qleven {
    private final AuditFacade audit;
    private final TenancyFacade tenancy;
    private final ClientsFacade clients;
    private final ConsentFacade consent;
    private final PrivacyFacade privacy;
    private final PlatformFacade platform;
    private final SchedulingFacade scheduling;
    private final BillingFacade billing;
    private final MessagingFacade messaging;
    private final DevicesFacade devices;

    private Qleven(Builder b) {
        IdGenerator ids = b.ids != null ? b.ids : new UuidV7Ids(b.clock);
        SecurityWatch watch = new SecurityWatch(b.securityAlerts, b.clientReadBurst, b.failedSignInBurst);
        audit = new AuditFacade(b.store, b.chainSigner, b.auditHeadWitness, watch, b.clock);
        MailQueue mail = new MailQueue(b.store.shared().mailOutbox(), b.cipher, ids, b.clock);
        Foundation f = new Foundation(b.store, b.cipher, b.passwordHasher, b.phoneNumbers, b.clock, ids,
                audit.trail(), watch, mail, b.publicUrl);
        tenancy = new TenancyFacade(f, new TenancyFacade.Settings(b.signInThrottle, b.sessionPolicy,
                b.accountLifecycle, b.signupsPerAddressPerHour));
        clients = new ClientsFacade(f);
        consent = new ConsentFacade(f);
        billing = new BillingFacade(f, clients.invoiceRecipients(), Optional.ofNullable(b.invoiceRenderer),
                b.paymentProvider);
        scheduling = new SchedulingFacade(f, billing.taxRateCheck(), consent::recordFromChannel, b.publicBookingLimits,
                Optional.ofNullable(b.calendarRenderer));
        scheduling.onAppointmentChanged(billing.feePolicy());
        // Billing hears each completed appointment inside its unit: a package redeemed or an invoice drafted.
        scheduling.onAppointmentChanged(billing.appointmentListener());
        messaging = new MessagingFacade(f, Optional.ofNullable(b.whatsAppGateway), b.whatsAppSignupConfigured,
                consent.check(),
                new SuppressionCheckService(b.store.shared().transactions(), b.store.privacy().suppressions(), b.cipher),
                clients.processingCheck(),
                (tenant, client) -> clients.messageRecipients().of(tenant, client)
                        .map(r -> new AppointmentMessages.Addressee(r.fullName(), r.preferredLanguage())),
                tenancy.staffNames(), clients.messageRecipients(), scheduling.clientActivity(),
                billing.packageHolders(), Optional.ofNullable(b.webhookParser), clients.clientPhones(),
                b.inboundListener);
        // Messaging hears bookings, moves and cancellations inside their unit: confirmations, reminders, notices.
        scheduling.onAppointmentChanged(messaging.appointmentListener());
        // Clients' replies act (reply buttons on appointments, STOP and marketing stops) unless the builder
        // was given another listener.
        if (b.inboundListener == com.qleven.application.messaging.InboundListener.NONE) {
            messaging.inboundListener(new com.qleven.application.messaging.InboundReplies(
                    b.store.shared().transactions(), b.store.messaging(), b.store.privacy().centerNotifications(),
                    consent::withdrawFromChannel, scheduling.clientReplies(), b.cipher, audit.trail(), b.clock, ids));
        }
        devices = new DevicesFacade(f, Optional.ofNullable(b.deviceLink), b.brokerProvisioning,
                scheduling.equipmentMaintenance(), b.deviceDispatch);
        ClientDuplicatesRegistry duplicates = new ClientDuplicatesRegistry(b.store.clients().clientDuplicates());
        // What each context holds about a client; a context that stores personal data adds its section here.
        PrivacyRegistry registry = new PrivacyRegistry()
                .register("client", new ClientRegistryExporter(b.store.clients().clients(), b.cipher),
                        new ClientRegistryEraser(b.store.shared().dataKeys(), b.store.clients().clients(), b.cipher,
                                b.clock))
                .register("accessLog", new AuditRegistryExporter(b.store.audit().auditLog()),
                        RegistryEraser.NOTHING_PERSONAL)
                .register("consents", new RegistryConsentExporter(consent.records()),
                        (tenant, client) -> consent.records().erase(tenant, client))
                .register("appointments", scheduling.privacyRegistry(), scheduling.privacyRegistry())
                .register("possibleDuplicates", duplicates, duplicates)
                .register("billing", billing.privacyRegistry(), billing.privacyRegistry())
                // Before the client's eraser (registered first, erased last) shreds the key of their parameters.
                .register("messages", messaging.privacyRegistry(), messaging.privacyRegistry())
                .register("inboundMessages", messaging.inboundPrivacyRegistry(), messaging.inboundPrivacyRegistry())
                // Erased before the messages (the registry erases in the reverse order of registration).
                .register("campaigns", messaging.campaignsRegistry(), messaging.campaignsRegistry())
                // Erased before the appointments they belong to.
                .register("treatmentSessions", devices.sessionsRegistry(), devices.sessionsRegistry());
        privacy = new PrivacyFacade(f, registry);
        platform = new PlatformFacade(f, Optional.ofNullable(b.mailer));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Centers, members, invitations, sign-in, sessions and passwords. */
    public TenancyFacade tenancy() {
        return tenancy;
    }

    /** The center's clients: create, read, change, list, search, restriction of processing. */
    public ClientsFacade clients() {
        return clients;
    }

    /** The consent ledger and the check every sender makes at sending. */
    public ConsentFacade consent() {
        return consent;
    }

    /** Data-subject requests, export, suppression, incidents, sub-processors, policy versions. */
    public PrivacyFacade privacy() {
        return privacy;
    }

    /** The audit trail: record, seal, verify, list, witness. */
    public AuditFacade audit() {
        return audit;
    }

    /** Settings, catalogue, staff hours, availability, appointments, waitlist. */
    public SchedulingFacade scheduling() {
        return scheduling;
    }

    /** The center's tax rates (invoices, payments and packages come with billing's issue). */
    public BillingFacade billing() {
        return billing;
    }

    /** WhatsApp: the center's number, templates, appointment messages, the outbox and delivery statuses. */
    public MessagingFacade messaging() {
        return messaging;
    }

    /** Connected equipment: the registry of machines, their MQTT credentials and the brokers' authentication. */
    public DevicesFacade devices() {
        return devices;
    }

    /** Idempotent replays, the mail outbox and housekeeping. */
    public PlatformFacade platform() {
        return platform;
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
        private com.qleven.application.scheduling.PublicBookingService.Limits publicBookingLimits =
                com.qleven.application.scheduling.PublicBookingService.Limits.DEFAULT;
        private ChainSigner chainSigner;
        private PhoneNumbers phoneNumbers;
        private AuditHeadWitness auditHeadWitness = AuditHeadWitness.NONE;
        private SecurityAlerts securityAlerts = SecurityWatch.logged();
        private BurstPolicy clientReadBurst = BurstPolicy.CLIENT_READS;
        private BurstPolicy failedSignInBurst = BurstPolicy.FAILED_SIGN_INS;
        private Mailer mailer;
        private com.qleven.ports.scheduling.out.CalendarRenderer calendarRenderer;
        private com.qleven.ports.billing.out.InvoiceRenderer invoiceRenderer;
        private java.net.URI publicUrl = java.net.URI.create("http://localhost:8080");
        private AccountLifecyclePolicy accountLifecycle = AccountLifecyclePolicy.DEFAULT;
        private com.qleven.ports.messaging.out.WhatsAppGateway whatsAppGateway;
        private boolean whatsAppSignupConfigured;
        private com.qleven.application.messaging.InboundListener inboundListener =
                com.qleven.application.messaging.InboundListener.NONE;
        private com.qleven.ports.messaging.out.WebhookParser webhookParser;
        private com.qleven.ports.devices.out.DeviceLink deviceLink;
        private com.qleven.application.devices.CommandDispatcher.Settings deviceDispatch =
                com.qleven.application.devices.CommandDispatcher.Settings.defaults();
        private com.qleven.ports.devices.out.BrokerProvisioning brokerProvisioning =
                com.qleven.ports.devices.out.BrokerProvisioning.NONE;
        private com.qleven.ports.billing.out.PaymentProvider paymentProvider =
                new com.qleven.application.billing.ManualPaymentProvider();

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
         * queued but {@link PlatformFacade#dispatchMail} cannot send it.
         */
        public Builder mailer(Mailer mailer) {
            this.mailer = java.util.Objects.requireNonNull(mailer, "mailer");
            return this;
        }

        /**
         * Writes professionals' calendar feeds as iCalendar ({@code Ical4jCalendarRenderer} in the
         * iCal adapter). Without one, links can be made but {@code scheduling().readCalendarFeed}
         * throws {@link IllegalStateException}.
         */
        public Builder calendarRenderer(com.qleven.ports.scheduling.out.CalendarRenderer renderer) {
            this.calendarRenderer = java.util.Objects.requireNonNull(renderer, "renderer");
            return this;
        }

        /**
         * Lays issued invoices out as PDF ({@code OpenPdfInvoiceRenderer} in the PDF adapter).
         * Without one, {@code billing().invoicePdf} throws {@link IllegalStateException}.
         */
        public Builder invoiceRenderer(com.qleven.ports.billing.out.InvoiceRenderer renderer) {
            this.invoiceRenderer = java.util.Objects.requireNonNull(renderer, "renderer");
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

        /**
         * Where payments, refunds and deposits move money; by default the desk records what the card
         * terminal, the cash drawer or the bank statement showed ({@code ManualPaymentProvider}).
         */
        public Builder paymentProvider(com.qleven.ports.billing.out.PaymentProvider provider) {
            this.paymentProvider = java.util.Objects.requireNonNull(provider, "paymentProvider");
            return this;
        }

        /**
         * Meta's WhatsApp Cloud API ({@code CloudApiWhatsAppGateway} in the WhatsApp adapter). Without
         * one, messages are queued but never sent, and numbers and templates cannot be managed.
         */
        public Builder whatsAppGateway(com.qleven.ports.messaging.out.WhatsAppGateway gateway) {
            this.whatsAppGateway = java.util.Objects.requireNonNull(gateway, "gateway");
            return this;
        }

        /**
         * Whether the WhatsApp gateway was given Qleven's Meta app id and secret, which Embedded Signup
         * needs to exchange a code; false (the default) refuses a signup saying so.
         */
        public Builder whatsAppSignupConfigured(boolean configured) {
            this.whatsAppSignupConfigured = configured;
            return this;
        }

        /**
         * What hears each client's WhatsApp message and preference change once stored, in the center's
         * unit of the webhook processing: {@code InboundReplies} (reply buttons act on appointments,
         * STOP and marketing stops withdraw consent) when not set or set to {@code InboundListener.NONE}.
         */
        public Builder inboundListener(com.qleven.application.messaging.InboundListener listener) {
            this.inboundListener = java.util.Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Reads Meta's webhook bodies ({@code JacksonWebhookParser} in the WhatsApp adapter). Without
         * one, webhooks are kept but {@code messaging().processWebhooks} leaves them waiting.
         */

        public Builder webhookParser(com.qleven.ports.messaging.out.WebhookParser parser) {
            this.webhookParser = java.util.Objects.requireNonNull(parser, "parser");
            return this;
        }

        /**
         * The MQTT link to the machines ({@code qleven-adapter-mqtt}). Without one, no command reaches a
         * machine: commands wait in the outbox.
         */
        public Builder deviceLink(com.qleven.ports.devices.out.DeviceLink link) {
            this.deviceLink = java.util.Objects.requireNonNull(link, "link");
            return this;
        }

        /**
         * Keeps an external broker's own account of each device (Mosquitto's dynamic security);
         * {@code BrokerProvisioning.NONE} (the default) for a broker that asks the registry itself.
         */
        public Builder brokerProvisioning(com.qleven.ports.devices.out.BrokerProvisioning provisioning) {
            this.brokerProvisioning = java.util.Objects.requireNonNull(provisioning, "provisioning");
            return this;
        }

        /** How the device command dispatcher batches, leases and retries ({@code CommandDispatcher.Settings.defaults()}). */
        public Builder deviceDispatch(com.qleven.application.devices.CommandDispatcher.Settings settings) {
            this.deviceDispatch = java.util.Objects.requireNonNull(settings, "settings");
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

        /** Online booking attempts one address may make per hour, and bookings one phone per day in a center. */
        public Builder publicBookingLimits(com.qleven.application.scheduling.PublicBookingService.Limits limits) {
            this.publicBookingLimits = java.util.Objects.requireNonNull(limits, "limits");
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

package com.qleven.host.harness;

import com.qleven.adapters.crypto.AesGcmFieldCipher;
import com.qleven.application.QlevenStore;
import com.qleven.application.messaging.MessageParameters;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.ComponentKey;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.OutboundMessage;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.shared.TenantId;
import com.qleven.host.TestHost;
import com.qleven.ports.messaging.out.QueuedMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An outbound message of a fixture's client left {@code uncertain} (its call got no answer), and the
 * client's WhatsApp contact with inbound messages, so the harnesses reach the message and conversation
 * routes with real rows of each center. Written under the API, in
 * the center's unit, as a dispatcher would leave it, with its parameters sealed as queued.
 */
final class MessagingProbe {
    private static final Map<String, String> UNCERTAIN = new ConcurrentHashMap<>();
    private static final Map<String, String> MARKETING = new ConcurrentHashMap<>();
    private static final Map<String, String> CAMPAIGN = new ConcurrentHashMap<>();

    private MessagingProbe() {
    }

    private static final Map<String, UUID> CONTACTS = new ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicLong NUMBERS = new java.util.concurrent.atomic.AtomicLong();

    /**
     * The fixture client's WhatsApp contact (the fixture's phone, which an online booking shares: a
     * shared number), made on first use with a message attributed to the client, a reaction to it and
     * a message waiting for staff, written as the webhook processing writes them; its id. The client
     * wrote just now: the window is open.
     */
    static String contact(TestHost host, CenterFixture f) {
        return CONTACTS.computeIfAbsent(f.center().tenantId(), t -> {
            UUID contact = newContact(host, f, new com.qleven.domain.shared.PhoneNumber("+34600123456"));
            newInbound(host, f, contact, true);
            newInbound(host, f, contact, false);
            return contact;
        }).toString();
    }

    /** Another message of the fixture client on its contact, with a reaction to it. */
    static void newInbound(TestHost host, CenterFixture f) {
        newInbound(host, f, UUID.fromString(contact(host, f)), true);
    }

    /** Another shared number with a message waiting for staff; its id. */
    static String newWaitingContact(TestHost host, CenterFixture f) {
        UUID contact = newContact(host, f, new com.qleven.domain.shared.PhoneNumber(
                "+3461" + String.format("%07d", NUMBERS.incrementAndGet())));
        newInbound(host, f, contact, false);
        return contact.toString();
    }

    private static AesGcmFieldCipher cipher(TestHost host) {
        QlevenStore store = host.host().component().store();
        return new AesGcmFieldCipher(host.host().component().masterKeys(), store.shared().dataKeys(),
                store.shared().transactions(), host.clock);
    }

    private static UUID newContact(TestHost host, CenterFixture f, com.qleven.domain.shared.PhoneNumber phone) {
        QlevenStore store = host.host().component().store();
        TenantId tenant = new TenantId(UUID.fromString(f.center().tenantId()));
        UUID id = UUID.randomUUID();
        com.qleven.application.messaging.InboundSeal seal = new com.qleven.application.messaging.InboundSeal(
                cipher(host));
        return store.shared().transactions().inTenant(tenant, () -> {
            var index = host.host().component().qleven().clients().clientPhones().index(tenant, phone);
            var known = store.messaging().contacts().byIndex(tenant, index);
            if (known.isPresent()) {
                return known.get().id();
            }
            store.messaging().contacts().add(new com.qleven.ports.messaging.out.WhatsAppContact(tenant, id, index,
                    seal.number(tenant, id, phone), seal.profileName(tenant, id, Optional.of("Probe")),
                    host.clock.instant(), Optional.empty(),
                    com.qleven.ports.messaging.out.WhatsAppContact.Match.SHARED, true, Optional.empty()));
            return id;
        });
    }

    private static void newInbound(TestHost host, CenterFixture f, UUID contact, boolean attributed) {
        QlevenStore store = host.host().component().store();
        TenantId tenant = new TenantId(UUID.fromString(f.center().tenantId()));
        com.qleven.application.messaging.InboundSeal seal = new com.qleven.application.messaging.InboundSeal(
                cipher(host));
        java.time.Instant at = host.clock.instant();
        store.shared().transactions().inTenant(tenant, () -> {
            UUID id = UUID.randomUUID();
            String wamid = "wamid.PROBE" + id;
            store.messaging().inbound().add(new com.qleven.ports.messaging.out.InboundMessage(tenant, id, wamid,
                    contact, attributed ? Optional.of(new ClientId(UUID.fromString(f.clientId()))) : Optional.empty(),
                    com.qleven.domain.messaging.InboundKind.TEXT, at, at, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), seal.content(tenant, contact, id, Optional.of("Probe text"))));
            store.messaging().inbound().add(new com.qleven.ports.messaging.out.InboundMessage(tenant,
                    UUID.randomUUID(), "wamid.PROBER" + id, contact, Optional.empty(),
                    com.qleven.domain.messaging.InboundKind.REACTION, at, at, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(wamid), Optional.of("👍"),
                    Optional.empty(), Optional.empty()));
            store.messaging().contacts().recordInbound(tenant, contact, at, Optional.empty());
            return null;
        });
    }

    /** The fixture's uncertain message, made on first use. */
    static String uncertain(TestHost host, CenterFixture f) {
        return UNCERTAIN.computeIfAbsent(f.center().tenantId(), t -> newUncertain(host, f));
    }

    /** Another uncertain message of the fixture's client, each call a new one. */
    static String newUncertain(TestHost host, CenterFixture f) {
        QlevenStore store = host.host().component().store();
        TenantId tenant = new TenantId(UUID.fromString(f.center().tenantId()));
        OutboundMessageId id = new OutboundMessageId(UUID.randomUUID());
        store.shared().transactions().inTenant(tenant, () -> {
            OutboundMessage queued = OutboundMessage.queue(id, MessagePurpose.CONFIRMATION, host.clock.instant());
            ClientId client = new ClientId(UUID.fromString(f.clientId()));
            byte[] sealed = new MessageParameters(new AesGcmFieldCipher(host.host().component().masterKeys(),
                    store.shared().dataKeys(), store.shared().transactions(), host.clock))
                    .seal(tenant, client, id, Map.of(ComponentKey.BODY, List.of("Probe")));
            store.messaging().outbox().add(new QueuedMessage(tenant, queued, client, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), sealed));
            store.messaging().outbox().update(tenant,
                    queued.markSending(host.clock.instant()).outcomeUnknown(host.clock.instant()));
            return null;
        });
        return id.toString();
    }

    /**
     * The fixture center's approved MARKETING template mapped with purpose marketing (made on first
     * use, under the API), its number connected (through the store, unless one is) so campaigns run.
     */
    static synchronized String marketingTemplate(TestHost host, CenterFixture f) {
        // A sync from Meta marks a template Meta does not list deleted: then a new one is made.
        MARKETING.computeIfPresent(f.center().tenantId(), (t, id) -> {
            QlevenStore store = host.host().component().store();
            TenantId tenant = new TenantId(UUID.fromString(t));
            boolean approved = store.shared().transactions().inTenant(tenant, () -> store.messaging().templates()
                    .find(tenant, com.qleven.domain.messaging.TemplateId.of(id))
                    .map(w -> w.status() == com.qleven.domain.messaging.TemplateStatus.APPROVED).orElse(false));
            return approved ? id : null;
        });
        return MARKETING.computeIfAbsent(f.center().tenantId(), t -> {
            QlevenStore store = host.host().component().store();
            TenantId tenant = new TenantId(UUID.fromString(t));
            AesGcmFieldCipher cipher = new AesGcmFieldCipher(host.host().component().masterKeys(),
                    store.shared().dataKeys(), store.shared().transactions(), host.clock);
            com.qleven.domain.messaging.TemplateId id = new com.qleven.domain.messaging.TemplateId(UUID.randomUUID());
            store.shared().transactions().inTenant(tenant, () -> {
                if (store.messaging().accounts().find(tenant).isEmpty()) {
                    String phoneNumberId = Long.toString(300_000_000_000L
                            + java.util.concurrent.ThreadLocalRandom.current().nextLong(99_999_999_999L));
                    store.messaging().accounts().save(new com.qleven.ports.messaging.out.ConnectedAccount(tenant,
                            phoneNumberId, "2098765432", "+34 910 000 000",
                            new com.qleven.application.messaging.TokenSeal(cipher).seal(tenant, phoneNumberId,
                                    new com.qleven.ports.messaging.out.AccessToken("EAAG-probe")),
                            com.qleven.ports.messaging.out.ConnectedAccount.AccountStatus.CONNECTED,
                            host.clock.instant(), host.clock.instant(), 0));
                }
                store.messaging().templates().save(tenant, com.qleven.domain.messaging.WhatsAppTemplate.fromMeta(id,
                        "probe_offer_" + id.value().toString().substring(0, 8), "es",
                        com.qleven.domain.messaging.TemplateCategory.MARKETING,
                        List.of(com.qleven.domain.messaging.TemplateComponent.of(ComponentKey.BODY,
                                "Hola {{1}}, tenemos una oferta.")),
                        com.qleven.domain.messaging.TemplateStatus.APPROVED).assign(MessagePurpose.MARKETING,
                        List.of(new com.qleven.domain.messaging.ParameterBinding(ComponentKey.BODY,
                                com.qleven.domain.messaging.ParameterSource.CLIENT_FIRST_NAME))), host.clock.instant());
                return null;
            });
            return id.toString();
        });
    }

    /** The body of a campaign to these clients with the fixture's marketing template. */
    static Map<String, Object> campaignBody(TestHost host, CenterFixture f, List<String> clientIds) {
        return Map.of("name", "Probe campaign", "templateId", marketingTemplate(host, f),
                "segment", Map.of("clientIds", clientIds));
    }

    /** The fixture's campaign to its client, made on first use. */
    static String campaign(TestHost host, CenterFixture f) {
        return CAMPAIGN.computeIfAbsent(f.center().tenantId(), t -> newCampaign(host, f, List.of(f.clientId())));
    }

    /** A new campaign of the fixture to these clients; its id. */
    static String newCampaign(TestHost host, CenterFixture f, List<String> clientIds) {
        TestHost.Reply created = host.post("/v1/campaigns", campaignBody(host, f, clientIds), f.center().token());
        if (created.status() != 201) {
            throw new AssertionError("campaign: " + created.status() + " " + created.body());
        }
        return created.json().get("id").asText();
    }
}

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
 * An outbound message of a fixture's client left {@code uncertain} (its call got no answer), so the
 * harnesses reach the message routes with a real message of each center. Written under the API, in
 * the center's unit, as a dispatcher would leave it, with its parameters sealed as queued.
 */
final class MessagingProbe {
    private static final Map<String, String> UNCERTAIN = new ConcurrentHashMap<>();
    private static final Map<String, String> MARKETING = new ConcurrentHashMap<>();
    private static final Map<String, String> CAMPAIGN = new ConcurrentHashMap<>();

    private MessagingProbe() {
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

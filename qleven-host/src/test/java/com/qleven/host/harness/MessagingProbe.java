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
}

package com.qleven.host.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.adapters.crypto.AesGcmFieldCipher;
import com.qleven.application.QlevenStore;
import com.qleven.application.messaging.MessageParameters;
import com.qleven.application.messaging.TokenSeal;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.ComponentKey;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.OutboundMessage;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.messaging.ParameterBinding;
import com.qleven.domain.messaging.ParameterSource;
import com.qleven.domain.messaging.TemplateCategory;
import com.qleven.domain.messaging.TemplateComponent;
import com.qleven.domain.messaging.TemplateId;
import com.qleven.domain.messaging.TemplateStatus;
import com.qleven.domain.messaging.WhatsAppTemplate;
import com.qleven.domain.shared.TenantId;
import com.qleven.host.TestHost;
import com.qleven.host.whatsapp.FakeGraphApi;
import com.qleven.ports.messaging.out.AccessToken;
import com.qleven.ports.messaging.out.ConnectedAccount;
import com.qleven.ports.messaging.out.QueuedMessage;
import com.qleven.ports.shared.out.FieldCipher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A center ready to send WhatsApp messages through a {@link TestHost} and a {@link FakeGraphApi}: its
 * number connected with a token the fake accepts, an approved confirmation template mapped to the
 * client's first name, and clients with a phone and (unless asked otherwise) WhatsApp consent, added
 * over HTTP. Messages are put in the outbox through the store's {@code Outbox.add} with their
 * parameters sealed by {@link MessageParameters}, as the appointment messages will.
 */
final class DispatchFixture {
    static final String TEMPLATE_NAME = "appointment_confirmation";
    static final String TEMPLATE_LANGUAGE = "es";

    final TestHost host;
    final TestHost.Center center;
    final TenantId tenant;
    final String phoneNumberId;
    final String token;
    final TemplateId template;
    private final FieldCipher cipher;

    private DispatchFixture(TestHost host, TestHost.Center center, String phoneNumberId, String token,
                            TemplateId template, FieldCipher cipher) {
        this.host = host;
        this.center = center;
        this.tenant = new TenantId(UUID.fromString(center.tenantId()));
        this.phoneNumberId = phoneNumberId;
        this.token = token;
        this.template = template;
        this.cipher = cipher;
    }

    static FieldCipher cipher(TestHost host) {
        QlevenStore store = host.host().component().store();
        return new AesGcmFieldCipher(host.host().component().masterKeys(), store.shared().dataKeys(),
                store.shared().transactions(), host.clock);
    }

    /** A center with its number connected (or not) and the approved, mapped template. */
    static DispatchFixture center(TestHost host, FakeGraphApi fake, boolean connected) {
        TestHost.Center center = host.newCenter("Clínica " + UUID.randomUUID().toString().substring(0, 6));
        TenantId tenant = new TenantId(UUID.fromString(center.tenantId()));
        String phoneNumberId = Long.toString(100_000_000_000L + ThreadLocalRandom.current().nextLong(899_999_999_999L));
        String token = "EAAG" + UUID.randomUUID().toString().replace("-", "");
        fake.acceptToken(token);
        FieldCipher cipher = cipher(host);
        QlevenStore store = host.host().component().store();
        TemplateId template = new TemplateId(UUID.randomUUID());
        store.shared().transactions().inTenant(tenant, () -> {
            if (connected) {
                store.messaging().accounts().save(new ConnectedAccount(tenant, phoneNumberId, "2098765432" + 1,
                        "+34 910 000 000", new TokenSeal(cipher).seal(tenant, phoneNumberId, new AccessToken(token)),
                        ConnectedAccount.AccountStatus.CONNECTED, host.clock.instant(), host.clock.instant(), 0));
            }
            WhatsAppTemplate approved = WhatsAppTemplate.fromMeta(template, TEMPLATE_NAME, TEMPLATE_LANGUAGE,
                    TemplateCategory.UTILITY, List.of(TemplateComponent.of(ComponentKey.BODY,
                            "Hola {{1}}, tu cita está confirmada.")), TemplateStatus.APPROVED)
                    .assign(MessagePurpose.CONFIRMATION,
                            List.of(new ParameterBinding(ComponentKey.BODY, ParameterSource.CLIENT_FIRST_NAME)));
            store.messaging().templates().save(tenant, approved, host.clock.instant());
            return null;
        });
        return new DispatchFixture(host, center, phoneNumberId, token, template, cipher);
    }

    /** A client with that phone, granted WhatsApp consent when {@code consent}. */
    ClientId client(String fullName, String phone, boolean consent) {
        return client(fullName, phone, null, consent);
    }

    /** As {@link #client(String, String, boolean)}, born on {@code birthDate} (YYYY-MM-DD) when not null. */
    ClientId client(String fullName, String phone, String birthDate, boolean consent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", fullName);
        body.put("phone", phone);
        if (birthDate != null) {
            body.put("birthDate", birthDate);
        }
        TestHost.Reply created = host.post("/v1/clients", body, center.token());
        if (created.status() != 201) {
            throw new AssertionError("client: " + created.status() + " " + created.body());
        }
        String id = created.json().get("id").asText();
        if (consent) {
            consent(id, "granted");
        }
        return new ClientId(UUID.fromString(id));
    }

    void consent(String clientId, String decision) {
        consent(clientId, "whatsapp", decision);
    }

    void consent(String clientId, String purpose, String decision) {
        TestHost.Reply reply = host.post("/v1/clients/" + clientId + "/consents", Map.of("purpose", purpose,
                "decision", decision, "channel", "in_person", "textVersion", "v1",
                "text", "Acepto recibir mensajes de WhatsApp sobre mis citas."), center.token());
        if (reply.status() != 201 && reply.status() != 200) {
            throw new AssertionError("consent: " + reply.status() + " " + reply.body());
        }
    }

    /** Queues a confirmation to the client, due now, with the template and its first name sealed. */
    OutboundMessageId queue(ClientId client, String firstName) {
        return queue(client, firstName, Optional.of(template));
    }

    OutboundMessageId queue(ClientId client, String firstName, Optional<TemplateId> with) {
        return queue(client, firstName, with, MessagePurpose.CONFIRMATION);
    }

    OutboundMessageId queue(ClientId client, String firstName, Optional<TemplateId> with, MessagePurpose purpose) {
        OutboundMessageId id = new OutboundMessageId(UUID.randomUUID());
        QlevenStore store = host.host().component().store();
        store.shared().transactions().inTenant(tenant, () -> {
            byte[] sealed = new MessageParameters(cipher).seal(tenant, client, id,
                    Map.of(ComponentKey.BODY, List.of(firstName)));
            store.messaging().outbox().add(new QueuedMessage(tenant,
                    OutboundMessage.queue(id, purpose, host.clock.instant()), client,
                    Optional.empty(), with, with.map(t -> TEMPLATE_NAME), with.map(t -> TEMPLATE_LANGUAGE), sealed));
            return null;
        });
        return id;
    }

    /** The message as staff see it over HTTP, found in its client's list. */
    JsonNode message(ClientId client, OutboundMessageId id) {
        TestHost.Reply reply = host.get("/v1/messages?clientId=" + client.value() + "&limit=200", center.token());
        if (reply.status() != 200) {
            throw new AssertionError("messages: " + reply.status() + " " + reply.body());
        }
        for (JsonNode item : reply.json().get("items")) {
            if (item.get("id").asText().equals(id.toString())) {
                return item;
            }
        }
        throw new AssertionError("no message " + id + " in " + reply.body());
    }

    /** The sends the fake received for this center's number. */
    static List<FakeGraphApi.RecordedRequest> sends(FakeGraphApi fake, String phoneNumberId) {
        return fake.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/" + phoneNumberId + "/messages"))
                .toList();
    }
}

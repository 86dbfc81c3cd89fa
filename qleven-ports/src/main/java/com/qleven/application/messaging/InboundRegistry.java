package com.qleven.application.messaging;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.InboundMessage;
import com.qleven.ports.messaging.out.InboundMessages;
import com.qleven.ports.messaging.out.WhatsAppContacts;
import com.qleven.ports.privacy.out.RegistryEraser;
import com.qleven.ports.privacy.out.RegistryExporter;
import com.qleven.ports.shared.out.DataKeys;
import com.qleven.ports.shared.out.FieldCipher;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The client's WhatsApp messages to the center in the privacy registry (section {@code inboundMessages}).
 * The export lists each message attributed to the client, oldest first, opened: its wamid, kind, when
 * it was sent, its text (or caption, button title), media (Meta's id, mime type, file name), the
 * message it answers and the button's payload, a reaction's target and emoji. The erasure deletes the
 * client's messages; a contact (a WhatsApp number and its profile name) left with no message of anyone
 * is forgotten and its data key shredded, so nothing it held can be read again. A number other
 * clients' messages still come from (a shared number) stays, with their messages.
 */
public final class InboundRegistry implements RegistryExporter, RegistryEraser {
    private final InboundMessages inbound;
    private final WhatsAppContacts contacts;
    private final DataKeys dataKeys;
    private final FieldCipher cipher;
    private final InboundSeal seal;

    public InboundRegistry(InboundMessages inbound, WhatsAppContacts contacts, DataKeys dataKeys, FieldCipher cipher) {
        this.inbound = Objects.requireNonNull(inbound, "inbound");
        this.contacts = Objects.requireNonNull(contacts, "contacts");
        this.dataKeys = Objects.requireNonNull(dataKeys, "dataKeys");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.seal = new InboundSeal(cipher);
    }

    @Override
    public Map<String, Object> export(TenantId tenant, ClientId client) {
        List<InboundMessage> messages = inbound.allOfClient(tenant, client);
        List<byte[]> sealed = new ArrayList<>();
        messages.forEach(m -> {
            m.sealedContent().ifPresent(sealed::add);
            m.sealedFilename().ifPresent(sealed::add);
        });
        cipher.preload(sealed);
        List<Object> items = new ArrayList<>();
        for (InboundMessage m : messages) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", m.id().toString());
            item.put("wamid", m.wamid());
            item.put("kind", m.kind().wireName());
            item.put("sentAt", instant(m.receivedAt()));
            item.put("text", seal.openContent(tenant, m.id(), m.sealedContent()).orElse(null));
            item.put("mediaId", m.mediaId().orElse(null));
            item.put("mimeType", m.mediaMimeType().orElse(null));
            item.put("filename", seal.openFilename(tenant, m.id(), m.sealedFilename()).orElse(null));
            item.put("replyTo", m.contextWamid().orElse(null));
            item.put("replyId", m.replyId().orElse(null));
            item.put("reactionTo", m.reactionTarget().orElse(null));
            item.put("reaction", m.reactionEmoji().orElse(null));
            items.add(item);
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("items", items);
        return section;
    }

    @Override
    public void erase(TenantId tenant, ClientId client) {
        List<UUID> used = inbound.contactsOfClient(tenant, client);
        inbound.eraseClient(tenant, client);
        for (UUID contact : used) {
            if (inbound.countOfContact(tenant, contact) == 0) {
                contacts.delete(tenant, contact);
                dataKeys.shred(InboundSeal.scope(contact));
            }
        }
    }

    private static String instant(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
    }
}

package com.qleven.adapters.memory;

import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.ContactSummary;
import com.qleven.ports.messaging.out.InboundMessage;
import com.qleven.ports.messaging.out.WhatsAppContact;
import com.qleven.ports.messaging.out.WhatsAppContacts;
import com.qleven.ports.shared.out.BlindIndex;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** WhatsApp contacts in memory, as V35 keeps them: one per center and number index. */
final class InMemoryWhatsAppContacts implements WhatsAppContacts {
    private record Key(TenantId tenant, UUID id) {
    }

    private final InMemoryTransactions tx;
    private final InMemoryInboundMessages messages;
    private final Map<Key, WhatsAppContact> rows = new LinkedHashMap<>();

    InMemoryWhatsAppContacts(InMemoryTransactions tx, InMemoryInboundMessages messages) {
        this.tx = tx;
        this.messages = messages;
    }

    @Override
    public boolean add(WhatsAppContact contact) {
        return tx.within(() -> {
            tx.checkWrite(contact.tenant());
            Key key = new Key(contact.tenant(), contact.id());
            if (rows.containsKey(key) || rows.values().stream().anyMatch(c -> c.tenant().equals(contact.tenant())
                    && c.phoneIndex().equals(contact.phoneIndex()))) {
                return false;
            }
            tx.put(rows, key, contact);
            return true;
        });
    }

    @Override
    public Optional<WhatsAppContact> find(TenantId tenant, UUID id) {
        return tx.within(() -> tx.visible(tenant) ? Optional.ofNullable(rows.get(new Key(tenant, id)))
                : Optional.<WhatsAppContact>empty());
    }

    @Override
    public Optional<WhatsAppContact> byIndex(TenantId tenant, BlindIndex phoneIndex) {
        return tx.within(() -> !tx.visible(tenant) ? Optional.<WhatsAppContact>empty()
                : rows.values().stream().filter(c -> c.tenant().equals(tenant) && c.phoneIndex().equals(phoneIndex))
                        .findFirst());
    }

    @Override
    public void recordInbound(TenantId tenant, UUID contact, Instant at, Optional<byte[]> sealedProfileName) {
        change(tenant, contact, c -> {
            boolean latest = c.lastInboundAt().map(last -> !at.isBefore(last)).orElse(true);
            Optional<byte[]> name = latest && sealedProfileName.isPresent() ? sealedProfileName : c.sealedProfileName();
            Optional<Instant> last = Optional.of(c.lastInboundAt().filter(l -> l.isAfter(at)).orElse(at));
            return new WhatsAppContact(c.tenant(), c.id(), c.phoneIndex(), c.sealedNumber(), name, c.firstSeenAt(),
                    last, c.match(), c.staffTold(), c.movedTo());
        });
    }

    @Override
    public void setMatch(TenantId tenant, UUID contact, WhatsAppContact.Match match) {
        change(tenant, contact, c -> new WhatsAppContact(c.tenant(), c.id(), c.phoneIndex(), c.sealedNumber(),
                c.sealedProfileName(), c.firstSeenAt(), c.lastInboundAt(), match, c.staffTold(), c.movedTo()));
    }

    @Override
    public void markStaffTold(TenantId tenant, UUID contact) {
        change(tenant, contact, c -> new WhatsAppContact(c.tenant(), c.id(), c.phoneIndex(), c.sealedNumber(),
                c.sealedProfileName(), c.firstSeenAt(), c.lastInboundAt(), c.match(), true, c.movedTo()));
    }

    @Override
    public void moveTo(TenantId tenant, UUID contact, UUID to) {
        change(tenant, contact, c -> new WhatsAppContact(c.tenant(), c.id(), c.phoneIndex(), c.sealedNumber(),
                c.sealedProfileName(), c.firstSeenAt(), c.lastInboundAt(), c.match(), c.staffTold(), Optional.of(to)));
    }

    private void change(TenantId tenant, UUID contact, UnaryOperator<WhatsAppContact> how) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, contact);
            WhatsAppContact old = rows.get(key);
            if (old != null) {
                tx.put(rows, key, how.apply(old));
            }
        });
    }

    @Override
    public Page<ContactSummary> awaitingAttribution(TenantId tenant, WhatsAppContact.Match match, PageRequest page) {
        return tx.within(() -> {
            if (!tx.visible(tenant)) {
                return new Page<ContactSummary>(List.of(), Optional.empty());
            }
            List<ContactSummary> found = rows.values().stream()
                    .filter(c -> c.tenant().equals(tenant) && c.match() == match && c.lastInboundAt().isPresent())
                    .map(c -> {
                        List<InboundMessage> open = messages.unattributed(tenant, c.id());
                        return open.isEmpty() ? null : new ContactSummary(c, open.size(), open.stream()
                                .map(InboundMessage::receivedAt).max(Comparator.naturalOrder()).orElseThrow());
                    })
                    .filter(java.util.Objects::nonNull).toList();
            return InMemoryPages.newestFirst(found, s -> s.contact().lastInboundAt().orElseThrow(),
                    s -> s.contact().id(), page);
        });
    }

    @Override
    public boolean delete(TenantId tenant, UUID contact) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, contact);
            if (!rows.containsKey(key)) {
                return false;
            }
            messages.deleteContact(tenant, contact);
            rows.values().stream().filter(c -> c.tenant().equals(tenant) && c.movedTo().filter(contact::equals)
                    .isPresent()).toList().forEach(c -> tx.put(rows, new Key(tenant, c.id()),
                    new WhatsAppContact(c.tenant(), c.id(), c.phoneIndex(), c.sealedNumber(), c.sealedProfileName(),
                            c.firstSeenAt(), c.lastInboundAt(), c.match(), c.staffTold(), Optional.empty())));
            tx.remove(rows, key);
            return true;
        });
    }
}

package com.qleven.adapters.memory;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.InboundKind;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.ConversationEntry;
import com.qleven.ports.messaging.out.InboundMessage;
import com.qleven.ports.messaging.out.InboundMessages;
import com.qleven.ports.messaging.out.Outbox;
import com.qleven.ports.messaging.out.StoredPreferenceChange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/** Inbound messages and preference changes in memory, as V35 keeps them: unique per center and wamid. */
final class InMemoryInboundMessages implements InboundMessages {
    private record Key(TenantId tenant, UUID id) {
    }

    private record PreferenceKey(TenantId tenant, UUID contact, String category, String value, java.time.Instant at) {
    }

    private static final Comparator<InboundMessage> OLDEST_FIRST = Comparator
            .comparing(InboundMessage::receivedAt)
            .thenComparing(InboundMessage::id, InMemoryStore::compareAsPostgres);

    private final InMemoryTransactions tx;
    private final Outbox outbox;
    private final Map<Key, InboundMessage> rows = new LinkedHashMap<>();
    private final Map<PreferenceKey, StoredPreferenceChange> preferences = new LinkedHashMap<>();

    InMemoryInboundMessages(InMemoryTransactions tx, Outbox outbox) {
        this.tx = tx;
        this.outbox = outbox;
    }

    @Override
    public boolean add(InboundMessage message) {
        return tx.within(() -> {
            tx.checkWrite(message.tenant());
            Key key = new Key(message.tenant(), message.id());
            if (rows.containsKey(key) || rows.values().stream().anyMatch(m -> m.tenant().equals(message.tenant())
                    && m.wamid().equals(message.wamid()))) {
                return false;
            }
            tx.put(rows, key, message);
            return true;
        });
    }

    @Override
    public Optional<InboundMessage> byWamid(TenantId tenant, String wamid) {
        return tx.within(() -> select(tenant, m -> m.wamid().equals(wamid)).findFirst());
    }

    @Override
    public Map<String, InboundMessage> latestReactions(TenantId tenant, Collection<String> targets) {
        Set<String> wanted = new HashSet<>(targets);
        return tx.within(() -> {
            Map<String, InboundMessage> latest = new LinkedHashMap<>();
            select(tenant, m -> m.kind() == InboundKind.REACTION && wanted.contains(m.reactionTarget().orElseThrow()))
                    .sorted(Comparator.comparing(InboundMessage::receivedAt).thenComparing(InboundMessage::wamid))
                    .forEach(m -> latest.put(m.reactionTarget().orElseThrow(), m));
            return latest;
        });
    }

    @Override
    public Page<ConversationEntry> conversation(TenantId tenant, ClientId client, PageRequest page) {
        return tx.within(() -> {
            List<ConversationEntry> all = new ArrayList<>();
            select(tenant, m -> m.client().filter(client::equals).isPresent() && m.kind() != InboundKind.REACTION)
                    .forEach(m -> all.add(ConversationEntry.of(m)));
            outbox.allOfClient(tenant, client).forEach(m -> all.add(ConversationEntry.of(m)));
            return InMemoryPages.newestFirst(all, ConversationEntry::at, ConversationEntry::id, page);
        });
    }

    @Override
    public int attribute(TenantId tenant, UUID contact, ClientId client) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            List<InboundMessage> unattributed = select(tenant, m -> m.contact().equals(contact)
                    && m.client().isEmpty()).toList();
            unattributed.forEach(m -> tx.put(rows, new Key(tenant, m.id()), m.withClient(Optional.of(client))));
            return unattributed.size();
        });
    }

    @Override
    public List<InboundMessage> allOfClient(TenantId tenant, ClientId client) {
        return tx.within(() -> select(tenant, m -> m.client().filter(client::equals).isPresent())
                .sorted(OLDEST_FIRST).toList());
    }

    @Override
    public List<UUID> contactsOfClient(TenantId tenant, ClientId client) {
        return tx.within(() -> select(tenant, m -> m.client().filter(client::equals).isPresent())
                .map(InboundMessage::contact).distinct()
                .sorted(InMemoryStore::compareAsPostgres).toList());
    }

    @Override
    public long countOfContact(TenantId tenant, UUID contact) {
        return tx.within(() -> select(tenant, m -> m.contact().equals(contact)).count());
    }

    @Override
    public int eraseClient(TenantId tenant, ClientId client) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            List<InboundMessage> gone = select(tenant, m -> m.client().filter(client::equals).isPresent()).toList();
            gone.forEach(m -> tx.remove(rows, new Key(tenant, m.id())));
            return gone.size();
        });
    }

    @Override
    public boolean addPreference(StoredPreferenceChange change) {
        return tx.within(() -> {
            tx.checkWrite(change.tenant());
            PreferenceKey key = new PreferenceKey(change.tenant(), change.contact(), change.category(),
                    change.value(), change.changedAt());
            if (preferences.containsKey(key)) {
                return false;
            }
            tx.put(preferences, key, change);
            return true;
        });
    }

    @Override
    public List<StoredPreferenceChange> preferencesOf(TenantId tenant, UUID contact) {
        return tx.within(() -> !tx.visible(tenant) ? List.<StoredPreferenceChange>of()
                : preferences.values().stream()
                        .filter(p -> p.tenant().equals(tenant) && p.contact().equals(contact))
                        .sorted(Comparator.comparing(StoredPreferenceChange::changedAt)
                                .thenComparing(StoredPreferenceChange::id, InMemoryStore::compareAsPostgres))
                        .toList());
    }

    /** The contact's messages and preference changes go with it (V35's ON DELETE CASCADE). */
    void deleteContact(TenantId tenant, UUID contact) {
        select(tenant, m -> m.contact().equals(contact)).toList()
                .forEach(m -> tx.remove(rows, new Key(tenant, m.id())));
        preferences.keySet().stream().filter(k -> k.tenant().equals(tenant) && k.contact().equals(contact)).toList()
                .forEach(k -> tx.remove(preferences, k));
    }

    /** The contact's messages no client is attributed to. */
    List<InboundMessage> unattributed(TenantId tenant, UUID contact) {
        return select(tenant, m -> m.contact().equals(contact) && m.client().isEmpty()).toList();
    }

    private Stream<InboundMessage> select(TenantId tenant, java.util.function.Predicate<InboundMessage> filter) {
        if (!tx.visible(tenant)) {
            return Stream.empty();
        }
        return rows.values().stream().filter(m -> m.tenant().equals(tenant)).filter(filter)
                .filter(Objects::nonNull).toList().stream();
    }

    /** The center's inbound messages as the open unit sees them (none of another center's), for the campaigns' replies. */
    java.util.List<InboundMessage> visible(TenantId tenant) {
        return tx.within(() -> tx.visible(tenant)
                ? rows.values().stream().filter(m -> m.tenant().equals(tenant)).toList()
                : java.util.List.<InboundMessage>of());
    }
}

package com.qleven.adapters.memory;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.ports.clients.out.Clients;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.shared.out.BlindIndex;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** The clients in memory, with their name tokens; visible and writable only in their center's unit. */
final class InMemoryClients implements Clients {
    private static final Comparator<StoredClient> ORDER = Comparator.comparing(StoredClient::createdAt)
            .thenComparing(c -> c.id().value(), InMemoryStore::compareAsPostgres);

    private record Key(TenantId tenant, ClientId id) {
    }

    private final InMemoryTransactions tx;
    private final Map<Key, StoredClient> clients = new HashMap<>();
    private final Map<Key, Set<BlindIndex>> tokens = new HashMap<>();

    InMemoryClients(InMemoryTransactions tx) {
        this.tx = tx;
    }

    private <V> void put(Map<Key, V> map, Key key, V value) {
        V previous = map.put(key, value);
        tx.onRollback(() -> {
            if (previous == null) {
                map.remove(key);
            } else {
                map.put(key, previous);
            }
        });
    }

    @Override
    public void add(StoredClient client, Set<BlindIndex> nameTokens) {
        tx.within(() -> {
            tx.checkWrite(client.tenant());
            Key key = new Key(client.tenant(), client.id());
            if (clients.containsKey(key)) {
                throw new IllegalStateException("client " + client.id() + " exists");
            }
            put(clients, key, client);
            put(tokens, key, Set.copyOf(nameTokens));
        });
    }

    @Override
    public Optional<StoredClient> byId(TenantId tenant, ClientId id) {
        return tx.within(() -> Optional.ofNullable(clients.get(new Key(tenant, id)))
                .filter(c -> tx.visible(c.tenant())));
    }

    @Override
    public Map<ClientId, byte[]> sealedNames(TenantId tenant, java.util.Collection<ClientId> ids) {
        return tx.within(() -> {
            Map<ClientId, byte[]> names = new HashMap<>();
            for (ClientId id : ids) {
                StoredClient c = clients.get(new Key(tenant, id));
                if (c != null && tx.visible(c.tenant())) {
                    names.put(id, c.fullName());
                }
            }
            return names;
        });
    }

    @Override
    public Map<ClientId, StoredClient> byIds(TenantId tenant, java.util.Collection<ClientId> ids) {
        return tx.within(() -> {
            Map<ClientId, StoredClient> found = new HashMap<>();
            for (ClientId id : ids) {
                StoredClient c = clients.get(new Key(tenant, id));
                if (c != null && tx.visible(c.tenant())) {
                    found.put(id, c);
                }
            }
            return found;
        });
    }

    @Override
    public boolean update(StoredClient client, Set<BlindIndex> nameTokens, long expectedVersion) {
        return tx.within(() -> {
            Key key = new Key(client.tenant(), client.id());
            StoredClient stored = clients.get(key);
            // As an UPDATE under row-level security: another center's row is not there to change.
            if (stored == null || !tx.visible(stored.tenant()) || stored.version() != expectedVersion) {
                return false;
            }
            put(clients, key, client);
            put(tokens, key, Set.copyOf(nameTokens));
            return true;
        });
    }

    @Override
    public Page<StoredClient> list(TenantId tenant, PageRequest page) {
        return find(tenant, c -> true, page);
    }

    @Override
    public Page<StoredClient> byPhone(TenantId tenant, BlindIndex phone, PageRequest page) {
        return find(tenant, c -> c.phoneIndex().filter(phone::equals).isPresent(), page);
    }

    @Override
    public Page<StoredClient> byEmail(TenantId tenant, BlindIndex email, PageRequest page) {
        return find(tenant, c -> c.emailIndex().filter(email::equals).isPresent(), page);
    }

    @Override
    public Page<StoredClient> byNameTokens(TenantId tenant, Set<BlindIndex> wanted, PageRequest page) {
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("a name lookup needs at least one token");
        }
        return find(tenant, c -> tokens.getOrDefault(new Key(c.tenant(), c.id()), Set.of()).containsAll(wanted), page);
    }

    private Page<StoredClient> find(TenantId tenant, Predicate<StoredClient> match, PageRequest page) {
        Optional<Cursor> after = page.cursor().map(Cursor::parse);
        return tx.within(() -> {
            List<StoredClient> sorted = clients.values().stream()
                    .filter(c -> c.tenant().equals(tenant) && tx.visible(c.tenant()))
                    .filter(match)
                    .sorted(ORDER)
                    .filter(c -> after.map(a -> a.isBefore(c)).orElse(true))
                    .toList();
            List<StoredClient> items = sorted.stream().limit(page.limit()).toList();
            Optional<String> next = sorted.size() > page.limit()
                    ? Optional.of(Cursor.of(items.get(items.size() - 1)))
                    : Optional.empty();
            return new Page<>(items, next);
        });
    }

    /** Keyset cursor: the creation time and id of the last client of the page. */
    private record Cursor(Instant createdAt, UUID id) {
        static String of(StoredClient c) {
            String raw = c.createdAt() + "|" + c.id().value();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("two parts");
                }
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw new ValidationException("cursor", "is not a cursor this list returned");
            }
        }

        boolean isBefore(StoredClient c) {
            int byTime = c.createdAt().compareTo(createdAt);
            return byTime > 0 || (byTime == 0 && InMemoryStore.compareAsPostgres(c.id().value(), id) > 0);
        }
    }

    @Override
    public Map<ClientId, StoredClient> all(TenantId tenant, int limit) {
        if (limit < 1 || limit > 100_000) {
            throw new IllegalArgumentException("a limit is 1 to 100000: " + limit);
        }
        return tx.within(() -> {
            Map<ClientId, StoredClient> found = new java.util.LinkedHashMap<>();
            if (!tx.visible(tenant)) {
                return found;
            }
            clients.values().stream().filter(c -> c.tenant().equals(tenant))
                    .sorted(java.util.Comparator.comparing(c -> c.id().value(), InMemoryStore::compareAsPostgres))
                    .limit(limit)
                    .forEach(c -> found.put(c.id(), c));
            return found;
        });
    }
}

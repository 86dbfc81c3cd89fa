package com.qleven.ports.clients.out;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.BlindIndex;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A center's clients, sealed: ciphertexts, blind indexes and keyed name tokens. Every lookup is
 * within one center. Lists and lookups page oldest first (creation time, then id in PostgreSQL's
 * uuid order), with an opaque cursor; a cursor this store did not return is a
 * {@link com.qleven.domain.shared.ValidationException} on {@code cursor}. Writes join the unit of
 * work open on the thread.
 */
public interface Clients {

    /** Adds a client and the keyed tokens of its name's parts. */
    void add(StoredClient client, Set<BlindIndex> nameTokens);

    Optional<StoredClient> byId(TenantId tenant, ClientId id);

    /**
     * Replaces the stored client (and its name tokens) with {@code client} only if the stored
     * version is still {@code expectedVersion}.
     *
     * @return false, changing nothing, when the client is missing or its version is another
     */
    boolean update(StoredClient client, Set<BlindIndex> nameTokens, long expectedVersion);

    Page<StoredClient> list(TenantId tenant, PageRequest page);

    /** The center's clients whose phone has this blind index. */
    Page<StoredClient> byPhone(TenantId tenant, BlindIndex phone, PageRequest page);

    /** The center's clients whose email has this blind index. */
    Page<StoredClient> byEmail(TenantId tenant, BlindIndex email, PageRequest page);

    /** The center's clients whose name has every one of the tokens (at least one token). */
    Page<StoredClient> byNameTokens(TenantId tenant, Set<BlindIndex> tokens, PageRequest page);

    /**
     * In one statement, the sealed full names of those of {@code ids} the center has (others are
     * left out): for lists of other contexts that show a client's name and nothing else of them.
     */
    Map<ClientId, byte[]> sealedNames(TenantId tenant, Collection<ClientId> ids);

    /** In one statement, those of {@code ids} the center has (others are left out). */
    Map<ClientId, StoredClient> byIds(TenantId tenant, Collection<ClientId> ids);

    /**
     * In one statement, the center's clients by id, at most {@code limit} of them (1 to 100 000): a
     * caller that gets exactly {@code limit} asks for one more than it will use to tell there were more.
     */
    Map<ClientId, StoredClient> all(TenantId tenant, int limit);
}

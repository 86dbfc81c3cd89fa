package com.qleven.ports.messaging.out;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Clients' inbound WhatsApp messages and preference changes ({@link InboundMessage},
 * {@link StoredPreferenceChange}). Every method works in the center's unit; writes join the caller's
 * unit. PostgreSQL keeps them in {@code inbound_messages} (V35), whose {@code tenant_id},
 * {@code client_id}, {@code received_at} (Meta's time) and {@code context_wamid} other readers join on
 * (a campaign's reply rate). The center's content retention ({@code MessagingSettings.contentRetention})
 * has no purge job for outbound parameters yet; inbound content is to follow the same job when one is
 * added, and until then goes with an erasure.
 */
public interface InboundMessages {
    /** Stores the message; false, writing nothing, when the center already has its wamid (a replay). */
    boolean add(InboundMessage message);

    Optional<InboundMessage> byWamid(TenantId tenant, String wamid);

    /**
     * For each of {@code targets} (wamids, inbound or outbound) that has reactions, the latest
     * reaction to it by Meta's time (then wamid): a removal (empty emoji) later than an add means none
     * is shown. One statement whatever the number of targets.
     */
    Map<String, InboundMessage> latestReactions(TenantId tenant, Collection<String> targets);

    /**
     * The client's conversation, newest first: the messages attributed to the client (reactions
     * excepted: they show on their targets) and the outbound messages to the client, one page at a
     * time, in a bounded number of statements.
     */
    Page<ConversationEntry> conversation(TenantId tenant, ClientId client, PageRequest page);

    /** Attributes the contact's messages no client is attributed to to {@code client}; how many. */
    int attribute(TenantId tenant, UUID contact, ClientId client);

    /** Every message attributed to the client (export), oldest first. */
    List<InboundMessage> allOfClient(TenantId tenant, ClientId client);

    /** The contacts whose messages are attributed to the client. */
    List<UUID> contactsOfClient(TenantId tenant, ClientId client);

    /** How many messages the contact has, whatever their client. */
    long countOfContact(TenantId tenant, UUID contact);

    /** Deletes the messages attributed to the client (erasure); how many. */
    int eraseClient(TenantId tenant, ClientId client);

    /** Stores a preference change; false, writing nothing, when it is already stored (a replay). */
    boolean addPreference(StoredPreferenceChange change);

    /** The contact's preference changes, oldest first. */
    List<StoredPreferenceChange> preferencesOf(TenantId tenant, UUID contact);
}

package com.qleven.ports.messaging.out;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.Campaign;
import com.qleven.domain.messaging.CampaignId;
import com.qleven.domain.messaging.MessageStatus;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.messaging.SkipReason;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Marketing campaigns and the link from each to the one message queued per recipient (V37). Every
 * call is one statement in the center's unit (writes join the caller's), whatever the number of
 * recipients: the recipients are inserted in one statement, progress is one aggregate, a
 * cancellation skips the queued messages in one statement.
 */
public interface Campaigns {
    /** Stores a new campaign and its recipients' links (two statements, whatever their number). */
    void add(TenantId tenant, Campaign campaign, List<Recipient> recipients);

    /** The campaign, its row locked to the caller's commit (a cancellation reads it to change it). */
    Optional<Campaign> find(TenantId tenant, CampaignId id);

    /**
     * The campaign, read without a lock: what a view reads, so reading a running campaign never waits
     * for, nor holds up, a cancellation.
     */
    Optional<Campaign> read(TenantId tenant, CampaignId id);

    /** The center's campaigns, newest first. */
    Page<Campaign> list(TenantId tenant, PageRequest page);

    /** Stores the campaign's new status and cancellation time. */
    void update(TenantId tenant, Campaign campaign);

    /** The progress of each of {@code campaigns} (those of the center), in one aggregate statement. */
    Map<CampaignId, Progress> progress(TenantId tenant, Collection<CampaignId> campaigns);

    /** The campaign's recipients with their message's fate, by client id. */
    Page<RecipientStatus> recipients(TenantId tenant, CampaignId id, PageRequest page);

    /**
     * Skips every message of the campaign still queued ({@code campaign_cancelled}, at {@code at}) in
     * one statement; how many. A message already sending or sent keeps its fate.
     */
    int skipQueued(TenantId tenant, CampaignId id, Instant at);

    /** The campaigns the client was a recipient of, oldest first (export). */
    List<Membership> ofClient(TenantId tenant, ClientId client);

    /** Deletes the client's recipient rows and takes their id out of the campaigns' explicit lists (erasure); how many rows. */
    int eraseClient(TenantId tenant, ClientId client);

    /** A recipient's link: the client and the message queued for them. */
    record Recipient(ClientId client, OutboundMessageId message) {
        public Recipient {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(message, "message");
        }
    }

    /** A recipient as listed: the client, their message and its fate. */
    record RecipientStatus(ClientId client, OutboundMessageId message, MessageStatus status, Instant statusAt,
                           Optional<SkipReason> skipReason) {
        public RecipientStatus {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(statusAt, "statusAt");
            Objects.requireNonNull(skipReason, "skipReason");
        }
    }

    /** A campaign the client was in, for their export. */
    record Membership(CampaignId campaign, String name, Instant createdAt, OutboundMessageId message) {
    }

    /**
     * A campaign's messages counted by their current status, skipped ones by reason, and how many of
     * its recipients replied: a recipient replied when Meta accepted their message (it has a wamid)
     * and an inbound message attributed to that client (neither a reaction nor a system message)
     * either quotes it ({@code context_wamid} is its wamid) or arrived within {@link #REPLY_WINDOW}
     * after it was queued (a plain answer to a campaign rarely quotes it).
     */
    record Progress(long recipients, Map<MessageStatus, Long> byStatus, Map<SkipReason, Long> skipped, long replied) {
        public static final Progress NONE = new Progress(0, Map.of(), Map.of(), 0);
        /** How long after a campaign message an unquoting message of its client counts as a reply. */
        public static final java.time.Duration REPLY_WINDOW = java.time.Duration.ofHours(72);

        /** Whether {@code received} replies to {@code message}, sent to {@code client}, by the rule above. */
        public static boolean isReply(InboundMessage received, ClientId client,
                                      com.qleven.domain.messaging.OutboundMessage message) {
            if (message.wamid().isEmpty() || !received.client().equals(Optional.of(client))
                    || received.kind() == com.qleven.domain.messaging.InboundKind.REACTION
                    || received.kind() == com.qleven.domain.messaging.InboundKind.SYSTEM) {
                return false;
            }
            if (received.contextWamid().equals(message.wamid())) {
                return true;
            }
            return !received.receivedAt().isBefore(message.createdAt())
                    && received.receivedAt().isBefore(message.createdAt().plus(REPLY_WINDOW));
        }

        public Progress {
            byStatus = Map.copyOf(byStatus);
            skipped = Map.copyOf(skipped);
        }

        public long count(MessageStatus status) {
            return byStatus.getOrDefault(status, 0L);
        }

        /** Whether any message is still queued or sending: the campaign is not completed. */
        public boolean pending() {
            return count(MessageStatus.QUEUED) + count(MessageStatus.SENDING) > 0;
        }
    }
}

package com.qleven.adapters.memory;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.Campaign;
import com.qleven.domain.messaging.CampaignId;
import com.qleven.domain.messaging.MessageStatus;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.messaging.SkipReason;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.Campaigns;
import com.qleven.ports.messaging.out.QueuedMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Campaigns in memory, as PostgreSQL keeps them (V37): the recipients' links beside the campaigns,
 * their messages read from the in-memory outbox and the replies from the in-memory inbound messages,
 * by the rule PostgreSQL's adapter applies ({@link Campaigns.Progress}).
 */
final class InMemoryCampaigns implements Campaigns {
    private record Key(TenantId tenant, UUID id) {
    }

    private record Link(TenantId tenant, CampaignId campaign, ClientId client, OutboundMessageId message) {
    }

    private final InMemoryTransactions tx;
    private final InMemoryOutbox outbox;
    private final InMemoryInboundMessages inbound;
    private final Map<Key, Campaign> rows = new LinkedHashMap<>();
    /** Keyed by (tenant, message id): a message belongs to one campaign at most. */
    private final Map<Key, Link> links = new LinkedHashMap<>();

    InMemoryCampaigns(InMemoryTransactions tx, InMemoryOutbox outbox, InMemoryInboundMessages inbound) {
        this.tx = tx;
        this.outbox = outbox;
        this.inbound = inbound;
    }

    @Override
    public void add(TenantId tenant, Campaign campaign, List<Recipient> recipients) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, campaign.id().value());
            boolean repeated = recipients.stream().map(Recipient::client).distinct().count() != recipients.size();
            boolean unknownOrLinked = recipients.stream().anyMatch(r -> links.containsKey(
                    new Key(tenant, r.message().value())) || outbox.find(tenant, r.message()).isEmpty());
            if (rows.containsKey(key) || repeated || unknownOrLinked) {
                throw new ConflictException("cannot store the campaign: it conflicts with what is already stored");
            }
            tx.put(rows, key, campaign);
            for (Recipient r : recipients) {
                tx.put(links, new Key(tenant, r.message().value()),
                        new Link(tenant, campaign.id(), r.client(), r.message()));
            }
        });
    }

    @Override
    public Optional<Campaign> find(TenantId tenant, CampaignId id) {
        return tx.within(() -> tx.visible(tenant) ? Optional.ofNullable(rows.get(new Key(tenant, id.value())))
                : Optional.<Campaign>empty());
    }

    @Override
    public Optional<Campaign> read(TenantId tenant, CampaignId id) {
        return find(tenant, id);
    }

    @Override
    public Page<Campaign> list(TenantId tenant, PageRequest page) {
        return tx.within(() -> InMemoryPages.newestFirst(rows.entrySet().stream()
                .filter(e -> tx.visible(tenant) && e.getKey().tenant().equals(tenant))
                .map(Map.Entry::getValue)
                .toList(), Campaign::createdAt, c -> c.id().value(), page));
    }

    @Override
    public void update(TenantId tenant, Campaign campaign) {
        tx.within(() -> {
            tx.checkWrite(tenant);
            Key key = new Key(tenant, campaign.id().value());
            if (!rows.containsKey(key)) {
                throw new IllegalStateException("no campaign " + campaign.id() + " to update");
            }
            tx.put(rows, key, campaign);
        });
    }

    private List<Link> linksOf(TenantId tenant, CampaignId id) {
        if (!tx.visible(tenant)) {
            return List.of();
        }
        return links.values().stream().filter(l -> l.tenant().equals(tenant) && l.campaign().equals(id)).toList();
    }

    @Override
    public Map<CampaignId, Progress> progress(TenantId tenant, Collection<CampaignId> campaigns) {
        return tx.within(() -> {
            Map<CampaignId, Progress> out = new HashMap<>();
            for (CampaignId id : Set.copyOf(campaigns)) {
                if (find(tenant, id).isEmpty()) {
                    continue;
                }
                Map<MessageStatus, Long> byStatus = new EnumMap<>(MessageStatus.class);
                Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
                long recipients = 0;
                long replied = 0;
                List<com.qleven.ports.messaging.out.InboundMessage> received = inbound.visible(tenant);
                for (Link l : linksOf(tenant, id)) {
                    Optional<QueuedMessage> m = outbox.find(tenant, l.message());
                    if (m.isEmpty()) {
                        continue;
                    }
                    recipients++;
                    byStatus.merge(m.get().state().status(), 1L, Long::sum);
                    m.get().state().skipReason().ifPresent(r -> skipped.merge(r, 1L, Long::sum));
                    if (received.stream().anyMatch(i -> Progress.isReply(i, l.client(), m.get().state()))) {
                        replied++;
                    }
                }
                out.put(id, new Progress(recipients, byStatus, skipped, replied));
            }
            return out;
        });
    }

    @Override
    public Page<RecipientStatus> recipients(TenantId tenant, CampaignId id, PageRequest page) {
        return tx.within(() -> {
            List<RecipientStatus> all = new ArrayList<>();
            for (Link l : linksOf(tenant, id)) {
                outbox.find(tenant, l.message()).ifPresent(m -> all.add(new RecipientStatus(l.client(), l.message(),
                        m.state().status(), m.state().statusAt(), m.state().skipReason())));
            }
            // By client id, as PostgreSQL orders uuids; the cursor's time is unused.
            return InMemoryPages.oldestFirst(all, r -> Instant.EPOCH, r -> r.client().value(), page);
        });
    }

    @Override
    public int skipQueued(TenantId tenant, CampaignId id, Instant at) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            int skipped = 0;
            for (Link l : linksOf(tenant, id)) {
                Optional<QueuedMessage> m = outbox.find(tenant, l.message());
                if (m.isPresent() && m.get().state().status() == MessageStatus.QUEUED) {
                    outbox.update(tenant, m.get().state().skip(SkipReason.CAMPAIGN_CANCELLED, at));
                    skipped++;
                }
            }
            return skipped;
        });
    }

    @Override
    public List<Membership> ofClient(TenantId tenant, ClientId client) {
        return tx.within(() -> {
            if (!tx.visible(tenant)) {
                return List.<Membership>of();
            }
            return links.values().stream().filter(l -> l.tenant().equals(tenant) && l.client().equals(client))
                    .map(l -> {
                        Campaign c = rows.get(new Key(tenant, l.campaign().value()));
                        return new Membership(c.id(), c.name(), c.createdAt(), l.message());
                    })
                    .sorted(Comparator.comparing(Membership::createdAt)
                            .thenComparing(m -> m.campaign().value(), InMemoryStore::compareAsPostgres))
                    .toList();
        });
    }

    @Override
    public int eraseClient(TenantId tenant, ClientId client) {
        return tx.within(() -> {
            tx.checkWrite(tenant);
            List<Key> gone = links.entrySet().stream()
                    .filter(e -> e.getValue().tenant().equals(tenant) && e.getValue().client().equals(client))
                    .map(Map.Entry::getKey).toList();
            gone.forEach(k -> tx.remove(links, k));
            int changed = gone.size();
            for (Map.Entry<Key, Campaign> e : List.copyOf(rows.entrySet())) {
                Campaign c = e.getValue();
                if (e.getKey().tenant().equals(tenant) && c.segment().clientIds().contains(client.value())) {
                    tx.put(rows, e.getKey(), new Campaign(c.id(), c.name(), c.template(),
                            c.segment().without(client.value()), c.status(), c.createdBy(), c.createdAt(),
                            c.cancelledAt()));
                    changed++;
                }
            }
            return changed;
        });
    }
}

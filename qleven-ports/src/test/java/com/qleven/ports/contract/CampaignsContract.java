package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static com.qleven.ports.contract.ContractFixtures.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.Campaign;
import com.qleven.domain.messaging.CampaignId;
import com.qleven.domain.messaging.CampaignSegment;
import com.qleven.domain.messaging.CampaignStatus;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.MessageStatus;
import com.qleven.domain.messaging.OutboundMessage;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.messaging.SkipReason;
import com.qleven.domain.messaging.TemplateId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.Campaigns;
import com.qleven.ports.messaging.out.QueuedMessage;
import com.qleven.ports.shared.out.Transactions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@code Campaigns} store promises, with the outbox's batch insert and marketing count it
 * relies on: a campaign and its recipients' links are stored with the messages in one unit (a
 * rollback leaves none of them), read back as written (segment included); progress counts the
 * messages by status and skip reason; the recipients page by client id without gaps or repeats; a
 * cancellation skips only the still queued messages; a client's erasure removes their links and
 * their id from the explicit lists; another center sees none of it.
 */
public abstract class CampaignsContract {
    private static final Instant AT = T0.plus(Duration.ofDays(20));

    protected abstract QlevenStore store();

    private Campaigns campaigns() {
        return store().messaging().campaigns();
    }

    private Transactions tx() {
        return store().shared().transactions();
    }

    private <T> T in(TenantId tenant, Supplier<T> work) {
        return tx().inTenant(tenant, work);
    }

    private TenantId center() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        return tenant;
    }

    private static CampaignSegment segment(Set<UUID> clients) {
        return new CampaignSegment(Optional.of(LocalDate.of(2025, 1, 31)), true, Set.of(UUID.randomUUID()),
                OptionalInt.of(5), true, OptionalInt.of(2), clients);
    }

    private static QueuedMessage marketing(TenantId tenant, ClientId client, Instant at) {
        return new QueuedMessage(tenant, OutboundMessage.queue(new OutboundMessageId(UUID.randomUUID()),
                MessagePurpose.MARKETING, at), client, Optional.empty(), Optional.of(new TemplateId(UUID.randomUUID())),
                Optional.of("spring_offer"), Optional.of("es"), randomBytes(40));
    }

    /** A campaign of {@code n} clients, its messages queued at {@code at}, all in one unit. */
    private Campaign start(TenantId tenant, int n, Instant at, List<QueuedMessage> out) {
        List<QueuedMessage> messages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            messages.add(marketing(tenant, new ClientId(UUID.randomUUID()), at));
        }
        Campaign campaign = Campaign.start(new CampaignId(UUID.randomUUID()), "Primavera " + n,
                new TemplateId(UUID.randomUUID()), segment(Set.of(messages.get(0).client().value())), newUser(), at);
        in(tenant, () -> {
            store().messaging().outbox().addAll(messages);
            campaigns().add(tenant, campaign, messages.stream()
                    .map(m -> new Campaigns.Recipient(m.client(), m.state().id())).toList());
            return null;
        });
        out.addAll(messages);
        return campaign;
    }

    @Test
    void aCampaignIsReadBackAsWrittenWithItsMessagesAndAnotherCenterSeesNothing() {
        TenantId tenant = center();
        TenantId other = center();
        List<QueuedMessage> messages = new ArrayList<>();
        Campaign campaign = start(tenant, 3, AT, messages);

        assertThat(in(tenant, () -> campaigns().find(tenant, campaign.id()))).contains(campaign);
        assertThat(in(tenant, () -> campaigns().read(tenant, campaign.id()))).contains(campaign);
        for (QueuedMessage m : messages) {
            assertThat(in(tenant, () -> store().messaging().outbox().find(tenant, m.state().id())))
                    .hasValueSatisfying(read -> {
                        assertThat(read.state()).isEqualTo(m.state());
                        assertThat(read.sealedParameters()).isEqualTo(m.sealedParameters());
                        assertThat(read.template()).isEqualTo(m.template());
                    });
        }
        Campaigns.Progress progress = in(tenant, () -> campaigns().progress(tenant, List.of(campaign.id())))
                .get(campaign.id());
        assertThat(progress.recipients()).isEqualTo(3);
        assertThat(progress.count(MessageStatus.QUEUED)).isEqualTo(3);
        assertThat(progress.pending()).isTrue();
        assertThat(in(other, () -> campaigns().find(other, campaign.id()))).isEmpty();
        assertThat(in(other, () -> campaigns().read(other, campaign.id()))).isEmpty();
        assertThat(in(other, () -> campaigns().progress(other, List.of(campaign.id())))).isEmpty();
        assertThat(in(other, () -> campaigns().list(other, PageRequest.first())).items()).isEmpty();
        assertThat(in(other, () -> campaigns().recipients(other, campaign.id(), PageRequest.first())).items()).isEmpty();
        assertThat(in(other, () -> campaigns().skipQueued(other, campaign.id(), AT))).isZero();
        assertThat(in(tenant, () -> campaigns().progress(tenant, List.of(campaign.id())).get(campaign.id())
                .count(MessageStatus.QUEUED))).isEqualTo(3);
    }

    @Test
    void aRolledBackCampaignLeavesNeitherItNorItsMessages() {
        TenantId tenant = center();
        QueuedMessage m = marketing(tenant, new ClientId(UUID.randomUUID()), AT);
        Campaign campaign = Campaign.start(new CampaignId(UUID.randomUUID()), "Rollback", new TemplateId(UUID.randomUUID()),
                segment(Set.of()), newUser(), AT);
        assertThatThrownBy(() -> in(tenant, () -> {
            store().messaging().outbox().addAll(List.of(m));
            campaigns().add(tenant, campaign, List.of(new Campaigns.Recipient(m.client(), m.state().id())));
            throw new IllegalStateException("the cause failed");
        })).hasMessage("the cause failed");
        assertThat(in(tenant, () -> campaigns().find(tenant, campaign.id()))).isEmpty();
        assertThat(in(tenant, () -> store().messaging().outbox().find(tenant, m.state().id()))).isEmpty();
    }

    @Test
    void progressCountsByStatusAndReasonAndACancellationSkipsOnlyTheQueued() {
        TenantId tenant = center();
        List<QueuedMessage> messages = new ArrayList<>();
        Campaign campaign = start(tenant, 4, AT, messages);
        Instant later = AT.plusSeconds(30);
        in(tenant, () -> {
            var outbox = store().messaging().outbox();
            outbox.update(tenant, messages.get(0).state().markSending(later));
            outbox.update(tenant, messages.get(1).state().skip(SkipReason.NO_MARKETING_CONSENT, later));
            return null;
        });

        int skipped = in(tenant, () -> campaigns().skipQueued(tenant, campaign.id(), later.plusSeconds(1)));
        assertThat(skipped).isEqualTo(2);
        Campaign cancelled = campaign.cancel(later.plusSeconds(1), true);
        in(tenant, () -> {
            campaigns().update(tenant, cancelled);
            return null;
        });
        assertThat(in(tenant, () -> campaigns().find(tenant, campaign.id()))).contains(cancelled);
        Campaigns.Progress p = in(tenant, () -> campaigns().progress(tenant, List.of(campaign.id())))
                .get(campaign.id());
        assertThat(p.recipients()).isEqualTo(4);
        assertThat(p.count(MessageStatus.SENDING)).isEqualTo(1);
        assertThat(p.count(MessageStatus.SKIPPED)).isEqualTo(3);
        assertThat(p.count(MessageStatus.QUEUED)).isZero();
        assertThat(p.skipped()).isEqualTo(Map.of(SkipReason.NO_MARKETING_CONSENT, 1L,
                SkipReason.CAMPAIGN_CANCELLED, 2L));
        assertThat(in(tenant, () -> store().messaging().outbox().find(tenant, messages.get(0).state().id()))
                .orElseThrow().state().status()).isEqualTo(MessageStatus.SENDING);
        assertThat(in(tenant, () -> store().messaging().outbox().lockDue(tenant, later.plusSeconds(60), 10)))
                .as("a skipped message is never due").isEmpty();
    }

    @Test
    void recipientsPageByClientIdAndTheListIsNewestFirst() {
        TenantId tenant = center();
        List<QueuedMessage> messages = new ArrayList<>();
        Campaign first = start(tenant, 5, AT, messages);
        Campaign second = start(tenant, 1, AT.plusSeconds(60), new ArrayList<>());
        List<ClientId> seen = new ArrayList<>();
        PageRequest page = new PageRequest(2, Optional.empty());
        do {
            PageRequest current = page;
            Page<Campaigns.RecipientStatus> got = in(tenant, () -> campaigns().recipients(tenant, first.id(), current));
            got.items().forEach(r -> {
                seen.add(r.client());
                assertThat(r.status()).isEqualTo(MessageStatus.QUEUED);
                assertThat(r.skipReason()).isEmpty();
            });
            page = got.next().map(c -> new PageRequest(2, Optional.of(c))).orElse(null);
        } while (page != null);
        List<ClientId> expected = messages.stream().map(QueuedMessage::client)
                .sorted(Comparator.comparing(c -> c.value().toString())).toList();
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected).doesNotHaveDuplicates();
        assertThat(in(tenant, () -> campaigns().list(tenant, PageRequest.first())).items())
                .extracting(Campaign::id).containsExactly(second.id(), first.id());
        assertThat(first.status()).isEqualTo(CampaignStatus.RUNNING);
    }

    @Test
    void anErasureTakesTheClientOutOfEveryCampaign() {
        TenantId tenant = center();
        List<QueuedMessage> messages = new ArrayList<>();
        Campaign campaign = start(tenant, 2, AT, messages);
        ClientId erased = messages.get(0).client();
        assertThat(in(tenant, () -> campaigns().ofClient(tenant, erased))).singleElement().satisfies(m -> {
            assertThat(m.campaign()).isEqualTo(campaign.id());
            assertThat(m.name()).isEqualTo(campaign.name());
            assertThat(m.message()).isEqualTo(messages.get(0).state().id());
        });

        assertThat(in(tenant, () -> campaigns().eraseClient(tenant, erased))).isPositive();
        assertThat(in(tenant, () -> campaigns().ofClient(tenant, erased))).isEmpty();
        assertThat(in(tenant, () -> campaigns().find(tenant, campaign.id())).orElseThrow().segment().clientIds())
                .doesNotContain(erased.value());
        assertThat(in(tenant, () -> campaigns().recipients(tenant, campaign.id(), PageRequest.first())).items())
                .extracting(Campaigns.RecipientStatus::client).containsExactly(messages.get(1).client());
    }

    @Test
    void theMarketingCountIsPerClientSinceTheWindowsStartInOneCall() {
        TenantId tenant = center();
        ClientId ana = new ClientId(UUID.randomUUID());
        ClientId bea = new ClientId(UUID.randomUUID());
        ClientId none = new ClientId(UUID.randomUUID());
        QueuedMessage old = marketing(tenant, ana, AT);
        QueuedMessage recent = marketing(tenant, ana, AT);
        QueuedMessage beas = marketing(tenant, bea, AT);
        QueuedMessage stillQueued = marketing(tenant, bea, AT);
        QueuedMessage skipped = marketing(tenant, bea, AT);
        in(tenant, () -> {
            var outbox = store().messaging().outbox();
            outbox.addAll(List.of(old, recent, beas, stillQueued, skipped));
            outbox.update(tenant, old.state().markSending(AT.plusSeconds(1)));
            outbox.update(tenant, recent.state().markSending(AT.plus(Duration.ofDays(3))));
            outbox.update(tenant, beas.state().markSending(AT.plus(Duration.ofDays(3))).accepted("wamid.B1",
                    AT.plus(Duration.ofDays(3))));
            outbox.update(tenant, skipped.state().skip(SkipReason.OPTED_OUT, AT.plus(Duration.ofDays(3))));
            return null;
        });
        Map<ClientId, Long> counts = in(tenant, () -> store().messaging().outbox()
                .marketingSince(tenant, List.of(ana, bea, none), AT.plus(Duration.ofDays(2))));
        assertThat(counts).isEqualTo(Map.of(ana, 1L, bea, 1L));
        TenantId other = center();
        assertThat(in(other, () -> store().messaging().outbox().marketingSince(other, List.of(ana, bea), AT)))
                .isEmpty();
    }

    private void received(TenantId tenant, UUID contact, ClientId client, com.qleven.domain.messaging.InboundKind kind,
                          Instant at, Optional<String> context) {
        UUID id = UUID.randomUUID();
        boolean reaction = kind == com.qleven.domain.messaging.InboundKind.REACTION;
        in(tenant, () -> {
            store().messaging().inbound().add(new com.qleven.ports.messaging.out.InboundMessage(tenant, id,
                    "wamid.IN" + id, contact, Optional.of(client), kind, at, at, context, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(),
                    reaction ? Optional.of("wamid.target") : Optional.empty(),
                    reaction ? Optional.of("x") : Optional.empty(), Optional.empty(),
                    reaction ? Optional.empty() : Optional.of(randomBytes(20))));
            return null;
        });
    }

    @Test
    void aRecipientRepliedWhenTheirMessageWentAndTheyQuotedItOrWroteWithinThreeDays() {
        TenantId tenant = center();
        List<QueuedMessage> messages = new ArrayList<>();
        Campaign campaign = start(tenant, 5, AT, messages);
        UUID contact = UUID.randomUUID();
        in(tenant, () -> {
            store().messaging().contacts().add(new com.qleven.ports.messaging.out.WhatsAppContact(tenant, contact,
                    ContractFixtures.newBlindIndex(), randomBytes(24), Optional.empty(), AT, Optional.empty(),
                    com.qleven.ports.messaging.out.WhatsAppContact.Match.SHARED, false, Optional.empty()));
            for (int i = 0; i < 4; i++) {
                store().messaging().outbox().update(tenant, messages.get(i).state().markSending(AT.plusSeconds(1))
                        .accepted("wamid.C" + i + campaign.id(), AT.plusSeconds(2)));
            }
            return null;
        });
        var text = com.qleven.domain.messaging.InboundKind.TEXT;
        // 0 quotes its message a week later; 1 writes an hour later; 2 only reacts; 3 writes four days later.
        received(tenant, contact, messages.get(0).client(), text, AT.plus(Duration.ofDays(7)),
                Optional.of("wamid.C0" + campaign.id()));
        received(tenant, contact, messages.get(1).client(), text, AT.plus(Duration.ofHours(1)), Optional.empty());
        received(tenant, contact, messages.get(2).client(), com.qleven.domain.messaging.InboundKind.REACTION,
                AT.plus(Duration.ofHours(1)), Optional.empty());
        received(tenant, contact, messages.get(3).client(), text, AT.plus(Duration.ofDays(4)), Optional.empty());
        // 4's message never went: what they write is no reply to it.
        received(tenant, contact, messages.get(4).client(), text, AT.plus(Duration.ofHours(1)), Optional.empty());

        assertThat(in(tenant, () -> campaigns().progress(tenant, List.of(campaign.id()))).get(campaign.id()).replied())
                .isEqualTo(2);
    }
}

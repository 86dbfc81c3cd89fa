package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newBlindIndex;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.application.QlevenStore;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.InboundKind;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.OutboundMessage;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.messaging.out.ContactSummary;
import com.qleven.ports.messaging.out.ConversationEntry;
import com.qleven.ports.messaging.out.InboundMessage;
import com.qleven.ports.messaging.out.InboundMessages;
import com.qleven.ports.messaging.out.QueuedMessage;
import com.qleven.ports.messaging.out.StoredPreferenceChange;
import com.qleven.ports.messaging.out.WhatsAppContact;
import com.qleven.ports.messaging.out.WhatsAppContacts;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.Transactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@code WhatsAppContacts} and {@code InboundMessages} implementation promises: one contact
 * per center and number, its window a maximum, a message once per wamid, the latest reaction per
 * target, a conversation of both directions newest first, attribution of a shared or unknown number,
 * preference changes once, erasure, and nothing of another center.
 */
public abstract class InboundMessagesContract {

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    private Transactions tx() {
        return store().shared().transactions();
    }

    private WhatsAppContacts contacts() {
        return store().messaging().contacts();
    }

    private InboundMessages inbound() {
        return store().messaging().inbound();
    }

    private <T> T in(TenantId tenant, Supplier<T> work) {
        return tx().inTenant(tenant, work);
    }

    private TenantId center() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        return tenant;
    }

    private static final Instant S0 = Instant.parse("2025-03-30T10:00:00Z");

    private static WhatsAppContact contact(TenantId tenant, BlindIndex index) {
        return new WhatsAppContact(tenant, UUID.randomUUID(), index, new byte[] {1, 2}, Optional.empty(), T0,
                Optional.empty(), WhatsAppContact.Match.UNMATCHED, false, Optional.empty());
    }

    private WhatsAppContact newContact(TenantId tenant) {
        WhatsAppContact c = contact(tenant, newBlindIndex());
        assertThat(in(tenant, () -> contacts().add(c))).isTrue();
        return c;
    }

    private static InboundMessage text(TenantId tenant, UUID contact, Optional<ClientId> client, String wamid,
                                       long second) {
        return new InboundMessage(tenant, UUID.randomUUID(), wamid, contact, client, InboundKind.TEXT,
                S0.plusSeconds(second), S0.plusSeconds(second + 1), Optional.of("wamid.ctx"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(new byte[] {9, 8, 7}));
    }

    private static InboundMessage reaction(TenantId tenant, UUID contact, String wamid, String target,
                                           Optional<String> emoji, long second) {
        return new InboundMessage(tenant, UUID.randomUUID(), wamid, contact, Optional.empty(), InboundKind.REACTION,
                S0.plusSeconds(second), S0.plusSeconds(second), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(target), emoji, Optional.empty(), Optional.empty());
    }

    @Test
    void aCenterHasOneContactPerNumberAndItsWindowIsTheLatestMessageWhateverTheOrder() {
        TenantId tenant = center();
        BlindIndex number = newBlindIndex();
        WhatsAppContact first = contact(tenant, number);
        assertThat(in(tenant, () -> contacts().add(first))).isTrue();
        assertThat(in(tenant, () -> contacts().add(contact(tenant, number)))).isFalse();
        assertThat(in(tenant, () -> contacts().byIndex(tenant, number))).map(WhatsAppContact::id).contains(first.id());

        in(tenant, () -> {
            contacts().recordInbound(tenant, first.id(), S0.plusSeconds(60), Optional.of(new byte[] {5}));
            contacts().recordInbound(tenant, first.id(), S0, Optional.of(new byte[] {4}));
            contacts().recordInbound(tenant, first.id(), S0.plusSeconds(30), Optional.empty());
            return null;
        });
        WhatsAppContact stored = in(tenant, () -> contacts().find(tenant, first.id())).orElseThrow();
        assertThat(stored.lastInboundAt()).contains(S0.plusSeconds(60));
        assertThat(stored.sealedProfileName()).hasValueSatisfying(n -> assertThat(n).containsExactly(5));
        assertThat(stored.firstSeenAt()).isEqualTo(first.firstSeenAt());

        TenantId other = center();
        assertThat(in(other, () -> contacts().byIndex(other, number))).isEmpty();
        assertThat(in(other, () -> contacts().add(contact(other, number)))).isTrue();
    }

    @Test
    void matchTellingAndMovesAreKept() {
        TenantId tenant = center();
        WhatsAppContact old = newContact(tenant);
        WhatsAppContact moved = newContact(tenant);
        in(tenant, () -> {
            contacts().setMatch(tenant, old.id(), WhatsAppContact.Match.SHARED);
            contacts().markStaffTold(tenant, old.id());
            contacts().moveTo(tenant, old.id(), moved.id());
            return null;
        });
        WhatsAppContact stored = in(tenant, () -> contacts().find(tenant, old.id())).orElseThrow();
        assertThat(stored.match()).isEqualTo(WhatsAppContact.Match.SHARED);
        assertThat(stored.staffTold()).isTrue();
        assertThat(stored.movedTo()).contains(moved.id());

        assertThat(in(tenant, () -> contacts().delete(tenant, moved.id()))).isTrue();
        assertThat(in(tenant, () -> contacts().find(tenant, old.id())).orElseThrow().movedTo()).isEmpty();
    }

    @Test
    void aReplayedWamidStoresNothing() {
        TenantId tenant = center();
        WhatsAppContact c = newContact(tenant);
        InboundMessage m = text(tenant, c.id(), Optional.empty(), "wamid.A", 0);
        assertThat(in(tenant, () -> inbound().add(m))).isTrue();
        assertThat(in(tenant, () -> inbound().add(text(tenant, c.id(), Optional.empty(), "wamid.A", 5)))).isFalse();
        InboundMessage stored = in(tenant, () -> inbound().byWamid(tenant, "wamid.A")).orElseThrow();
        assertThat(stored.id()).isEqualTo(m.id());
        assertThat(stored.receivedAt()).isEqualTo(m.receivedAt());
        assertThat(stored.contextWamid()).contains("wamid.ctx");
        assertThat(stored.sealedContent()).hasValueSatisfying(b -> assertThat(b).containsExactly(9, 8, 7));
        assertThat(in(tenant, () -> inbound().countOfContact(tenant, c.id()))).isEqualTo(1);

        TenantId other = center();
        assertThat(in(other, () -> inbound().byWamid(other, "wamid.A"))).isEmpty();
    }

    @Test
    void theLatestReactionToEachTargetIsReadInOneGoWhateverTheOrder() {
        TenantId tenant = center();
        WhatsAppContact c = newContact(tenant);
        in(tenant, () -> {
            inbound().add(reaction(tenant, c.id(), "wamid.R2", "wamid.T1", Optional.empty(), 20));
            inbound().add(reaction(tenant, c.id(), "wamid.R1", "wamid.T1", Optional.of("👍"), 10));
            inbound().add(reaction(tenant, c.id(), "wamid.R3", "wamid.T2", Optional.of("❤"), 10));
            inbound().add(reaction(tenant, c.id(), "wamid.R4", "wamid.T2", Optional.of("😂"), 30));
            return null;
        });
        var latest = in(tenant, () -> inbound().latestReactions(tenant, List.of("wamid.T1", "wamid.T2", "wamid.T3")));
        assertThat(latest).containsOnlyKeys("wamid.T1", "wamid.T2");
        assertThat(latest.get("wamid.T1").reactionRemoved()).isTrue();
        assertThat(latest.get("wamid.T2").reactionEmoji()).contains("😂");
        assertThat(in(tenant, () -> inbound().latestReactions(tenant, List.of()))).isEmpty();
    }

    @Test
    void aConversationMixesBothDirectionsNewestFirstAcrossPages() {
        TenantId tenant = center();
        WhatsAppContact c = newContact(tenant);
        ClientId client = new ClientId(UUID.randomUUID());
        List<UUID> expected = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            int i = n;
            InboundMessage m = text(tenant, c.id(), Optional.of(client), "wamid.in" + i, i * 10L);
            in(tenant, () -> inbound().add(m));
            OutboundMessageId out = new OutboundMessageId(UUID.randomUUID());
            in(tenant, () -> {
                store().messaging().outbox().add(new QueuedMessage(tenant,
                        OutboundMessage.queue(out, MessagePurpose.CONVERSATION, S0.plusSeconds(i * 10L + 5)), client,
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), new byte[] {1}));
                return null;
            });
            expected.add(0, m.id());
            expected.add(0, out.value());
        }
        // a reaction and another client's message are not in it
        in(tenant, () -> inbound().add(reaction(tenant, c.id(), "wamid.R", "wamid.in0", Optional.of("👍"), 100)));
        in(tenant, () -> inbound().add(text(tenant, c.id(), Optional.of(new ClientId(UUID.randomUUID())),
                "wamid.other", 100)));

        List<UUID> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Optional<String> at = cursor;
            Page<ConversationEntry> page = in(tenant, () -> inbound().conversation(tenant, client,
                    new PageRequest(4, at)));
            page.items().forEach(e -> seen.add(e.id()));
            cursor = page.next();
            pages++;
        } while (cursor.isPresent());
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(2);
        Page<ConversationEntry> first = in(tenant, () -> inbound().conversation(tenant, client, new PageRequest(2,
                Optional.empty())));
        assertThat(first.items().get(0).outbound()).isPresent();
        assertThat(first.items().get(1).inbound()).map(InboundMessage::wamid).contains("wamid.in2");

        TenantId other = center();
        assertThat(in(other, () -> inbound().conversation(other, client, PageRequest.first())).items()).isEmpty();
    }

    @Test
    void twoClientsSharingANumberWaitForStaffToAttributeTheMessages() {
        TenantId tenant = center();
        WhatsAppContact shared = newContact(tenant);
        WhatsAppContact unknown = newContact(tenant);
        WhatsAppContact matched = newContact(tenant);
        ClientId parent = new ClientId(UUID.randomUUID());
        in(tenant, () -> {
            contacts().setMatch(tenant, shared.id(), WhatsAppContact.Match.SHARED);
            contacts().setMatch(tenant, matched.id(), WhatsAppContact.Match.MATCHED);
            for (int i = 0; i < 3; i++) {
                inbound().add(text(tenant, shared.id(), Optional.empty(), "wamid.s" + i, i));
                contacts().recordInbound(tenant, shared.id(), S0.plusSeconds(i), Optional.empty());
            }
            inbound().add(text(tenant, unknown.id(), Optional.empty(), "wamid.u", 50));
            contacts().recordInbound(tenant, unknown.id(), S0.plusSeconds(50), Optional.empty());
            inbound().add(text(tenant, matched.id(), Optional.of(parent), "wamid.m", 60));
            contacts().recordInbound(tenant, matched.id(), S0.plusSeconds(60), Optional.empty());
            return null;
        });
        Page<ContactSummary> sharedList = in(tenant, () -> contacts().awaitingAttribution(tenant,
                WhatsAppContact.Match.SHARED, PageRequest.first()));
        assertThat(sharedList.items()).singleElement().satisfies(s -> {
            assertThat(s.contact().id()).isEqualTo(shared.id());
            assertThat(s.unattributedMessages()).isEqualTo(3);
            assertThat(s.lastMessageAt()).isEqualTo(S0.plusSeconds(2));
        });
        assertThat(in(tenant, () -> contacts().awaitingAttribution(tenant, WhatsAppContact.Match.UNMATCHED,
                PageRequest.first())).items()).extracting(s -> s.contact().id()).containsExactly(unknown.id());

        assertThat(in(tenant, () -> inbound().attribute(tenant, shared.id(), parent))).isEqualTo(3);
        assertThat(in(tenant, () -> inbound().attribute(tenant, shared.id(), new ClientId(UUID.randomUUID()))))
                .isZero();
        assertThat(in(tenant, () -> contacts().awaitingAttribution(tenant, WhatsAppContact.Match.SHARED,
                PageRequest.first())).items()).isEmpty();
        assertThat(in(tenant, () -> inbound().allOfClient(tenant, parent))).extracting(InboundMessage::wamid)
                .containsExactly("wamid.s0", "wamid.s1", "wamid.s2", "wamid.m");
        assertThat(in(tenant, () -> inbound().contactsOfClient(tenant, parent)))
                .containsExactlyInAnyOrder(shared.id(), matched.id());
    }

    @Test
    void theWorklistPagesByLastActivity() {
        TenantId tenant = center();
        List<UUID> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            WhatsAppContact c = newContact(tenant);
            int n = i;
            in(tenant, () -> {
                inbound().add(text(tenant, c.id(), Optional.empty(), "wamid.w" + n, n));
                contacts().recordInbound(tenant, c.id(), S0.plusSeconds(n), Optional.empty());
                return null;
            });
            expected.add(0, c.id());
        }
        Page<ContactSummary> first = in(tenant, () -> contacts().awaitingAttribution(tenant,
                WhatsAppContact.Match.UNMATCHED, new PageRequest(2, Optional.empty())));
        Page<ContactSummary> second = in(tenant, () -> contacts().awaitingAttribution(tenant,
                WhatsAppContact.Match.UNMATCHED, new PageRequest(2, first.next())));
        assertThat(first.next()).isPresent();
        assertThat(second.next()).isEmpty();
        List<UUID> seen = new ArrayList<>();
        first.items().forEach(s -> seen.add(s.contact().id()));
        second.items().forEach(s -> seen.add(s.contact().id()));
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void aPreferenceChangeIsStoredOnce() {
        TenantId tenant = center();
        WhatsAppContact c = newContact(tenant);
        StoredPreferenceChange stop = new StoredPreferenceChange(tenant, UUID.randomUUID(), c.id(),
                "marketing_messages", "stop", S0, Optional.of("User requested to stop marketing messages"), S0);
        assertThat(in(tenant, () -> inbound().addPreference(stop))).isTrue();
        assertThat(in(tenant, () -> inbound().addPreference(new StoredPreferenceChange(tenant, UUID.randomUUID(),
                c.id(), "marketing_messages", "stop", S0, Optional.empty(), S0.plusSeconds(9))))).isFalse();
        assertThat(in(tenant, () -> inbound().addPreference(new StoredPreferenceChange(tenant, UUID.randomUUID(),
                c.id(), "marketing_messages", "resume", S0.plusSeconds(1), Optional.empty(), S0)))).isTrue();
        assertThat(in(tenant, () -> inbound().preferencesOf(tenant, c.id())))
                .extracting(StoredPreferenceChange::value).containsExactly("stop", "resume");
        assertThat(in(tenant, () -> inbound().preferencesOf(tenant, c.id())).get(0)).isEqualTo(stop);
    }

    @Test
    void erasingAClientDeletesItsMessagesAndDeletingAContactTakesTheRest() {
        TenantId tenant = center();
        WhatsAppContact c = newContact(tenant);
        ClientId client = new ClientId(UUID.randomUUID());
        in(tenant, () -> {
            inbound().add(text(tenant, c.id(), Optional.of(client), "wamid.e1", 0));
            inbound().add(text(tenant, c.id(), Optional.empty(), "wamid.e2", 1));
            inbound().addPreference(new StoredPreferenceChange(tenant, UUID.randomUUID(), c.id(),
                    "marketing_messages", "stop", S0, Optional.empty(), S0));
            return null;
        });
        assertThat(in(tenant, () -> inbound().eraseClient(tenant, client))).isEqualTo(1);
        assertThat(in(tenant, () -> inbound().allOfClient(tenant, client))).isEmpty();
        assertThat(in(tenant, () -> inbound().countOfContact(tenant, c.id()))).isEqualTo(1);
        assertThat(in(tenant, () -> contacts().delete(tenant, c.id()))).isTrue();
        assertThat(in(tenant, () -> inbound().byWamid(tenant, "wamid.e2"))).isEmpty();
        assertThat(in(tenant, () -> inbound().preferencesOf(tenant, c.id()))).isEmpty();
        assertThat(in(tenant, () -> contacts().delete(tenant, c.id()))).isFalse();
    }
}

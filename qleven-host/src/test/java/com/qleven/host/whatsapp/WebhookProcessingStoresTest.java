package com.qleven.host.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.adapters.crypto.AesGcmFieldCipher;
import com.qleven.adapters.crypto.Argon2Parameters;
import com.qleven.adapters.crypto.Argon2idPasswordHasher;
import com.qleven.adapters.crypto.HmacChainSigner;
import com.qleven.adapters.crypto.MasterKeys;
import com.qleven.adapters.memory.InMemoryStore;
import com.qleven.adapters.phone.LibphonenumberPhoneNumbers;
import com.qleven.adapters.postgres.PostgresStore;
import com.qleven.adapters.postgres.testing.TestDatabases;
import com.qleven.adapters.whatsapp.JacksonWebhookParser;
import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.MessageStatus;
import com.qleven.domain.messaging.OutboundMessage;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.contract.ContractFixtures;
import com.qleven.ports.messaging.in.WebhookRun;
import com.qleven.ports.messaging.out.ConnectedAccount;
import com.qleven.ports.messaging.out.QueuedMessage;
import com.qleven.ports.messaging.out.WebhookEvent;
import com.qleven.ports.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The webhook use cases ({@code receiveWebhook}, {@code processWebhooks}) on both stores, with the
 * real parser: a kept body is sealed, a status moves its message forward once however often it is
 * processed, unknown numbers and wamids are counted, and an unreadable body is given up on without
 * holding up the others.
 */
class WebhookProcessingStoresTest {
    private static final PostgresStore POSTGRES = PostgresStore.open(TestDatabases.newDatabase());

    @AfterAll
    static void close() {
        POSTGRES.close();
    }

    static Stream<QlevenStore> stores() {
        return Stream.of(new InMemoryStore(), POSTGRES);
    }

    private static Qleven core(QlevenStore store, MutableClock clock) {
        MasterKeys keys = MasterKeys.parse(MasterKeys.newKeyFile(), "test");
        return Qleven.builder().store(store)
                .cipher(new AesGcmFieldCipher(keys, store.shared().dataKeys(), store.shared().transactions()))
                .passwordHasher(new Argon2idPasswordHasher(Argon2Parameters.FAST))
                .chainSigner(new HmacChainSigner(keys)).phoneNumbers(new LibphonenumberPhoneNumbers())
                .clock(clock).webhookParser(new JacksonWebhookParser()).build();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aStatusMovesItsMessageOnceAndUnreadableBodiesAreGivenUpOn(QlevenStore store) {
        MutableClock clock = new MutableClock(Instant.now());
        Qleven qleven = core(store, clock);
        TenantId center = ContractFixtures.newTenant();
        ContractFixtures.addCenter(store, center);
        String number = Long.toString(100_000_000_000L + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000L));
        OutboundMessageId id = new OutboundMessageId(UUID.randomUUID());
        Instant now = clock.instant();
        store.shared().transactions().inTenant(center, () -> {
            store.messaging().accounts().save(new ConnectedAccount(center, number, "9" + number, "+34 600",
                    new byte[] {1}, ConnectedAccount.AccountStatus.CONNECTED, now, now, 0));
            store.messaging().outbox().add(new QueuedMessage(center, OutboundMessage.queue(id, MessagePurpose.REMINDER,
                    now).markSending(now).accepted("wamid.S1", now), new ClientId(UUID.randomUUID()),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), new byte[] {1}));
        });
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"9" + number + "\",\"changes\":["
                + "{\"field\":\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":\"" + number + "\"},\"statuses\":["
                + "{\"id\":\"wamid.S1\",\"status\":\"read\",\"timestamp\":\"1767600009\",\"recipient_id\":\"34600111222\","
                + "\"biz_opaque_callback_data\":\"" + id + "\"},"
                + "{\"id\":\"wamid.NOPE\",\"status\":\"delivered\",\"timestamp\":\"1767600001\"}]}},"
                + "{\"field\":\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":\"1" + number + "\"},\"statuses\":["
                + "{\"id\":\"wamid.S1\",\"status\":\"failed\",\"timestamp\":\"1767600010\"}]}}]}]}";
        UUID poison = qleven.messaging().receiveWebhook("{not json".getBytes(StandardCharsets.UTF_8));
        UUID kept = qleven.messaging().receiveWebhook(body.getBytes(StandardCharsets.UTF_8));
        qleven.messaging().receiveWebhook(body.getBytes(StandardCharsets.UTF_8));

        WebhookEvent sealed = store.shared().transactions().global(() -> store.messaging().webhookInbox().find(kept))
                .orElseThrow();
        assertThat(new String(sealed.sealedBody(), StandardCharsets.ISO_8859_1)).doesNotContain("34600111222");
        assertThat(store.shared().transactions().inTenant(center, () -> store.messaging().webhookInbox().find(kept)))
                .isEmpty();

        WebhookRun run = qleven.messaging().processWebhooks(50);

        assertThat(run.events()).isEqualTo(3);
        assertThat(run.processed()).isEqualTo(2);
        assertThat(run.unreadable()).isEqualTo(1);
        assertThat(run.statuses()).isEqualTo(2);
        assertThat(run.unknownMessages()).isEqualTo(2);
        assertThat(run.unknownNumbers()).isEqualTo(2);
        OutboundMessage message = store.shared().transactions().inTenant(center,
                () -> store.messaging().outbox().find(center, id)).orElseThrow().state();
        assertThat(message.status()).isEqualTo(MessageStatus.READ);
        assertThat(message.statusAt()).isEqualTo(Instant.ofEpochSecond(1767600009L));
        assertThat(store.shared().transactions().global(() -> store.messaging().webhookInbox().find(poison))
                .orElseThrow().processedAt()).isPresent();
        assertThat(qleven.messaging().waitingWebhooks()).isZero();
        assertThat(qleven.messaging().processWebhooks(50).events()).isZero();
    }
}

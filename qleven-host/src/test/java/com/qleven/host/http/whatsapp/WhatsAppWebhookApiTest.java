package com.qleven.host.http.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.adapters.crypto.AesGcmFieldCipher;
import com.qleven.application.QlevenStore;
import com.qleven.application.messaging.MessageParameters;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.ComponentKey;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.OutboundMessage;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.messaging.TemplateCategory;
import com.qleven.domain.messaging.TemplateComponent;
import com.qleven.domain.messaging.TemplateId;
import com.qleven.domain.messaging.TemplateStatus;
import com.qleven.domain.messaging.WhatsAppTemplate;
import com.qleven.domain.shared.TenantId;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.WhatsAppWebhookJob;
import com.qleven.host.config.WhatsAppSettings;
import com.qleven.host.whatsapp.FakeGraphApi;
import com.qleven.ports.messaging.in.WebhookRun;
import com.qleven.ports.messaging.out.ConnectedAccount;
import com.qleven.ports.messaging.out.DeliveryReport;
import com.qleven.ports.messaging.out.QueuedMessage;
import com.qleven.ports.messaging.out.StatusUpdate;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Meta's webhook end to end over HTTP on PostgreSQL: the handshake only for the verify token; a POST
 * signed over its raw bytes is stored sealed and answered 200, a forged, missing or unconfigured
 * signature 401 with nothing stored, a body over 8 MiB 413; whatever a signed body holds, never a 5xx
 * (bad JSON is stored and given up on). Real-shaped status batches (both pricing models, failures with
 * their errors, mixed entries and changes, unknown fields, unknown wamids and numbers, a template status
 * update) leave the same messages and reports whether posted once in order or three times shuffled.
 */
class WhatsAppWebhookApiTest {
    static final String SECRET = "meta-app-secret-for-tests";
    static final String VERIFY = "verify-token-for-tests";
    private static final AtomicLong NUMBERS = new AtomicLong(106540352242000L);
    private static TestHost host;
    private static URI webhook;

    @BeforeAll
    static void start() {
        host = TestHost.start(Map.of(WhatsAppSettings.APP_SECRET, SECRET, WhatsAppSettings.VERIFY_TOKEN, VERIFY,
                WhatsAppWebhookJob.EVERY, "1h"));
        webhook = host.base.resolve(WhatsAppWebhookEndpoints.PATH);
    }

    @AfterAll
    static void stop() {
        if (host != null) {
            host.close();
        }
    }

    private static QlevenStore store() {
        return host.host().component().store();
    }

    private static WebhookRun process() {
        return host.host().component().whatsAppWebhookJob().runOnce();
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = host.superuser(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long events() throws SQLException {
        return count("SELECT count(*) FROM public.whatsapp_webhook_events");
    }

    private static Reply handshake(String query) {
        return host.get(WhatsAppWebhookEndpoints.PATH + query);
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static int post(byte[] body, String signature) {
        HttpRequest.Builder request = host.request(WhatsAppWebhookEndpoints.PATH)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return host.send(request.build()).status();
    }

    private static int postSigned(byte[] body) {
        try {
            return FakeGraphApi.postSigned(webhook, SECRET, body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // ---- handshake ----------------------------------------------------------------------------

    @Test
    void theHandshakeAnswersTheChallengeOnlyForTheVerifyTokenAndSubscribe() {
        Reply ok = handshake("?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=" + q(VERIFY));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(ok.header("Content-Type")).startsWith("text/plain");

        assertThat(handshake("?hub.mode=subscribe&hub.challenge=1&hub.verify_token=" + q(VERIFY + "x")).status())
                .isEqualTo(403);
        assertThat(handshake("?hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=" + q(VERIFY)).status())
                .isEqualTo(403);
        assertThat(handshake("?hub.mode=subscribe&hub.challenge=1").status()).isEqualTo(403);
        assertThat(handshake("").status()).isEqualTo(403);
        Reply noChallenge = handshake("?hub.mode=subscribe&hub.verify_token=" + q(VERIFY));
        assertThat(noChallenge.status()).isEqualTo(400);
        assertThat(noChallenge.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void withoutAVerifyTokenOrSecretNothingIsAnsweredOrStored() throws Exception {
        try (TestHost bare = TestHost.start(Map.of(WhatsAppWebhookJob.EVERY, "1h"))) {
            assertThat(bare.get(WhatsAppWebhookEndpoints.PATH + "?hub.mode=subscribe&hub.challenge=1&hub.verify_token=")
                    .status()).isEqualTo(403);
            byte[] body = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);
            int status = FakeGraphApi.postSigned(bare.base.resolve(WhatsAppWebhookEndpoints.PATH), SECRET, body);
            assertThat(status).isEqualTo(401);
            try (Connection c = bare.superuser(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM public.whatsapp_webhook_events")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }

    // ---- signature, size, content ---------------------------------------------------------------

    @Test
    void aForgedOrMissingSignatureIsRefusedWith401AndStoresNothing() throws Exception {
        byte[] body = statusBody("106540352242999", "wamid.FORGED", "delivered", 1_767_600_000L);
        long before = events();

        assertThat(post(body, null)).isEqualTo(401);
        assertThat(post(body, "sha256=" + "0".repeat(64))).isEqualTo(401);
        assertThat(post(body, FakeGraphApi.signature("another-secret", body))).isEqualTo(401);
        assertThat(post(body, FakeGraphApi.signature(SECRET, body).replace("sha256=", "sha1="))).isEqualTo(401);
        assertThat(post(body, "sha256=zz")).isEqualTo(401);
        byte[] tampered = body.clone();
        tampered[tampered.length - 3] ^= 1;
        assertThat(post(tampered, FakeGraphApi.signature(SECRET, body))).isEqualTo(401);
        HttpRequest.Builder problem = host.request(WhatsAppWebhookEndpoints.PATH)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        Reply refused = host.send(problem.build());
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("status").asInt()).isEqualTo(401);

        assertThat(events()).isEqualTo(before);
        assertThat(postSigned(body)).isEqualTo(200);
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void aBodyOverEightMebibytesIs413AndStoresNothing() throws Exception {
        long before = events();
        byte[] big = new byte[8 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';

        assertThat(post(big, FakeGraphApi.signature(SECRET, big))).isEqualTo(413);
        assertThat(events()).isEqualTo(before);

        byte[] justFits = java.util.Arrays.copyOf(big, 8 * 1024 * 1024);
        justFits[justFits.length - 1] = '}';
        assertThat(postSigned(justFits)).isEqualTo(200);
        assertThat(events()).isEqualTo(before + 1);
        process();
    }

    @Test
    void aSignedBodyIsStoredSealedAndAnythingSignedIs200EvenNotJsonWhichIsGivenUpOn() throws Exception {
        String phone = "34600111222";
        byte[] withPhone = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":"
                + "\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":\"5\"},\"contacts\":[{\"wa_id\":\"" + phone
                + "\"}],\"messages\":[{\"from\":\"" + phone + "\",\"id\":\"wamid.IN\",\"timestamp\":\"1\",\"type\":"
                + "\"text\",\"text\":{\"body\":\"Hola, secreto\"}}]}}]}]}").getBytes(StandardCharsets.UTF_8);
        byte[] notJson = "not json at all \u00ff".getBytes(StandardCharsets.ISO_8859_1);
        byte[] notUtf8 = {(byte) 0xc3, (byte) 0x28, '{', '}'};
        byte[] empty = new byte[0];
        for (byte[] body : List.of(withPhone, notJson, notUtf8, empty, "[]".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8))) {
            assertThat(postSigned(body)).isEqualTo(200);
        }
        try (Connection c = host.superuser(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT body FROM public.whatsapp_webhook_events")) {
            while (rs.next()) {
                String stored = new String(rs.getBytes(1), StandardCharsets.ISO_8859_1);
                assertThat(stored).doesNotContain(phone).doesNotContain("secreto").doesNotContain("not json");
            }
        }

        process();

        assertThat(count("SELECT count(*) FROM public.whatsapp_webhook_events WHERE processed_at IS NULL")).isZero();
        assertThat(count("SELECT count(*) FROM public.whatsapp_webhook_events WHERE unreadable")).isGreaterThanOrEqualTo(4);
        // Processing again finds nothing left to do.
        assertThat(process().events()).isZero();
    }

    @Test
    void processedBodiesArePurgedAfterAWeekAndNotBefore() throws Exception {
        byte[] body = statusBody("106540352242998", "wamid.PURGE", "sent", 1_767_600_000L);
        assertThat(postSigned(body)).isEqualTo(200);
        process();
        long processed = count("SELECT count(*) FROM public.whatsapp_webhook_events WHERE processed_at IS NOT NULL");
        assertThat(processed).isPositive();

        assertThat(host.host().component().qleven().messaging().purgeProcessedWebhooks(10_000)).isZero();
        host.clock.advance(Duration.ofDays(7).plusMinutes(1));
        try {
            assertThat(host.host().component().qleven().messaging().purgeProcessedWebhooks(10_000))
                    .isGreaterThanOrEqualTo((int) processed);
            assertThat(count("SELECT count(*) FROM public.whatsapp_webhook_events WHERE processed_at IS NOT NULL"))
                    .isZero();
        } finally {
            host.clock.advance(Duration.ofDays(-7).minusMinutes(1));
        }
    }

    // ---- statuses: replays in any order leave the same state ------------------------------------

    /** A center with a connected number, a template and five messages sent through it. */
    record Seeded(TenantId tenant, String phoneNumberId, String wabaId, List<OutboundMessageId> messages,
                  List<String> wamids) {
    }

    private static Seeded seed(String name) {
        TenantId tenant = new TenantId(UUID.fromString(host.newCenter(name).tenantId()));
        String number = Long.toString(NUMBERS.incrementAndGet());
        String waba = Long.toString(NUMBERS.incrementAndGet() + 500_000_000L);
        QlevenStore store = store();
        Instant now = host.clock.instant();
        MessageParameters parameters = new MessageParameters(new AesGcmFieldCipher(host.host().component().masterKeys(),
                store.shared().dataKeys(), store.shared().transactions(), host.clock));
        List<OutboundMessageId> ids = new ArrayList<>();
        List<String> wamids = new ArrayList<>();
        store.shared().transactions().inTenant(tenant, () -> {
            store.messaging().accounts().save(new ConnectedAccount(tenant, number, waba, "+34 600 000 000",
                    new byte[] {1, 2, 3}, ConnectedAccount.AccountStatus.CONNECTED, now, now, 0));
            store.messaging().templates().save(tenant, WhatsAppTemplate.submitted(new TemplateId(UUID.randomUUID()),
                    "cita_recordatorio", "es", TemplateCategory.UTILITY,
                    List.of(TemplateComponent.of(ComponentKey.BODY, "Hola {{1}}"))), now);
            for (int i = 0; i < 5; i++) {
                OutboundMessageId id = new OutboundMessageId(UUID.randomUUID());
                ClientId client = new ClientId(UUID.randomUUID());
                String wamid = "wamid.HBgL" + UUID.randomUUID().toString().replace("-", "");
                OutboundMessage sending = OutboundMessage.queue(id, MessagePurpose.REMINDER, now).markSending(now);
                // The fourth is uncertain: the connection dropped; only our id in the status finds it.
                OutboundMessage state = i == 3 ? sending.outcomeUnknown(now) : sending.accepted(wamid, now);
                store.messaging().outbox().add(new QueuedMessage(tenant, state, client, Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(),
                        parameters.seal(tenant, client, id, Map.of(ComponentKey.BODY, List.of("Ana")))));
                ids.add(id);
                wamids.add(wamid);
            }
        });
        return new Seeded(tenant, number, waba, ids, wamids);
    }

    private static final long T = 1_767_600_000L;

    /** Real-shaped POSTs about a center's messages, each one body. */
    private static List<byte[]> payloads(Seeded s) {
        List<String> w = s.wamids();
        List<String> id = s.messages().stream().map(OutboundMessageId::toString).toList();
        String meta = "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"34600000000\","
                + "\"phone_number_id\":\"" + s.phoneNumberId() + "\"}";
        String pmpUtility = "\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\",\"type\":\"regular\","
                + "\"category\":\"utility\"}";
        String conversation = "\"conversation\":{\"id\":\"conv-" + s.phoneNumberId() + "\",\"expiration_timestamp\":\""
                + (T + 86400) + "\",\"origin\":{\"type\":\"utility\"}}";
        List<String> bodies = List.of(
                // 0: sent of message 0, conversation and PMP pricing, a field Meta added later
                envelope(s.wabaId(), change(meta, status(w.get(0), "sent", T, id.get(0), conversation + ","
                        + pmpUtility + ",\"new_field\":{\"nested\":[1,2]}"))),
                // 1: delivered and read of message 0 (read without pricing), sent of messages 1 and 2
                envelope(s.wabaId(), change(meta, status(w.get(0), "delivered", T + 5, id.get(0), pmpUtility) + ","
                        + status(w.get(0), "read", T + 9, id.get(0), "") + ","
                        + status(w.get(1), "sent", T + 1, id.get(1), pmpUtility) + ","
                        + status(w.get(2), "sent", T + 1, null, pmpUtility))),
                // 2: message 1 failed (re-engagement), message 2 failed on one device then delivered on another
                envelope(s.wabaId(), change(meta, failed(w.get(1), T + 3, 131047, "Re-engagement message") + ","
                        + failed(w.get(2), T + 4, 131026, "Message undeliverable"))),
                envelope(s.wabaId(), change(meta, status(w.get(2), "delivered", T + 6, id.get(2), pmpUtility))),
                // 3: the uncertain message: found by our id, learns its wamid
                envelope(s.wabaId(), change(meta, status(w.get(3), "sent", T + 2, id.get(3), pmpUtility) + ","
                        + status(w.get(3), "delivered", T + 7, id.get(3), ""))),
                // 4: message 4 priced under the old conversation-based model; an unknown wamid; a deleted status;
                //    a second entry for a number nobody connected; an inbound message; a template status update
                "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + s.wabaId() + "\",\"time\":" + T
                        + ",\"changes\":[" + change(meta, status(w.get(4), "sent", T + 1, id.get(4),
                                "\"conversation\":{\"id\":\"old-" + s.phoneNumberId() + "\",\"origin\":{\"type\":"
                                        + "\"marketing\"}},\"pricing\":{\"billable\":true,\"pricing_model\":\"CBP\","
                                        + "\"category\":\"marketing\"}") + ","
                                + status("wamid.UNKNOWN" + s.phoneNumberId(), "delivered", T + 3, null, "") + ","
                                + status(w.get(4), "deleted", T + 8, null, ""))
                        + ",{\"field\":\"messages\",\"value\":{" + meta + ",\"contacts\":[{\"profile\":{\"name\":\"Ana\"},"
                        + "\"wa_id\":\"34600111222\"}],\"messages\":[{\"from\":\"34600111222\",\"id\":\"wamid.IN"
                        + s.phoneNumberId() + "\",\"timestamp\":\"" + T + "\",\"type\":\"text\",\"text\":{\"body\":\"ok\"}}]}}"
                        + ",{\"field\":\"message_template_status_update\",\"value\":{\"event\":\"APPROVED\","
                        + "\"message_template_id\":880001,\"message_template_name\":\"cita_recordatorio\","
                        + "\"message_template_language\":\"es\",\"reason\":\"NONE\"}}]},"
                        + "{\"id\":\"9\",\"changes\":[" + change("\"metadata\":{\"phone_number_id\":\"1999\"}",
                                status(w.get(4), "read", T + 9, id.get(4), "")) + "]}]}");
        return bodies.stream().map(b -> b.getBytes(StandardCharsets.UTF_8)).toList();
    }

    private static String envelope(String waba, String change) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + waba + "\",\"changes\":[" + change
                + "]}]}";
    }

    private static String change(String meta, String statuses) {
        return "{\"field\":\"messages\",\"value\":{" + meta + ",\"statuses\":[" + statuses + "]}}";
    }

    private static String status(String wamid, String status, long at, String callback, String extra) {
        return "{\"id\":\"" + wamid + "\",\"status\":\"" + status + "\",\"timestamp\":\"" + at
                + "\",\"recipient_id\":\"34600111222\"" + (callback == null ? "" : ",\"biz_opaque_callback_data\":\""
                + callback + "\"") + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    private static String failed(String wamid, long at, int code, String title) {
        return "{\"id\":\"" + wamid + "\",\"status\":\"failed\",\"timestamp\":\"" + at + "\",\"recipient_id\":"
                + "\"34600111222\",\"errors\":[{\"code\":" + code + ",\"title\":\"" + title + "\",\"message\":\""
                + title + "\",\"error_data\":{\"details\":\"" + title + " (details)\"},\"href\":\"https://x\"}]}";
    }

    private static byte[] statusBody(String number, String wamid, String status, long at) {
        return envelope("1", change("\"metadata\":{\"phone_number_id\":\"" + number + "\"}",
                status(wamid, status, at, null, ""))).getBytes(StandardCharsets.UTF_8);
    }

    /** What a center's messages became, by their position: status, time, wamid, failure, report (ids left out). */
    private static List<String> finalState(Seeded s) {
        QlevenStore store = store();
        return store.shared().transactions().inTenant(s.tenant(), () -> s.messages().stream().map(id -> {
            OutboundMessage m = store.messaging().outbox().find(s.tenant(), id).orElseThrow().state();
            Optional<DeliveryReport> r = store.messaging().deliveryReports().find(s.tenant(), id);
            return m.status() + " " + m.statusAt() + " " + m.wamid().map(w -> s.wamids().indexOf(w)).orElse(-1) + " "
                    + m.failure().map(f -> f.graphCode() + "/" + f.kind()).orElse("-") + " "
                    + r.map(x -> x.pricing() + "@" + x.pricingAt() + " " + x.conversation().map(c -> c.id()
                            .replace(s.phoneNumberId(), "N") + "/" + c.origin()) + "@" + x.conversationAt() + " "
                            + x.lastError().map(StatusUpdate.StatusError::code) + "@" + x.lastErrorAt())
                    .orElse("no report");
        }).toList());
    }

    private static TemplateStatus templateStatus(Seeded s) {
        QlevenStore store = store();
        return store.shared().transactions().inTenant(s.tenant(), () -> store.messaging().templates()
                .findByName(s.tenant(), "cita_recordatorio", "es").orElseThrow().status());
    }

    @Test
    void statusBatchesReplayedThreeTimesInShuffledOrderLeaveTheSameStateAsOnceInOrder() {
        Seeded once = seed("Centro Webhook Uno");
        Seeded thrice = seed("Centro Webhook Tres");

        for (byte[] body : payloads(once)) {
            assertThat(postSigned(body)).isEqualTo(200);
        }
        WebhookRun first = process();
        List<byte[]> replays = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            replays.addAll(payloads(thrice));
        }
        Collections.shuffle(replays, new Random(20261207L));
        for (byte[] body : replays) {
            assertThat(postSigned(body)).isEqualTo(200);
        }
        process();
        List<String> expected = finalState(once);
        // Processing again (a crash before marking) changes nothing either.
        process();

        assertThat(finalState(thrice)).isEqualTo(expected);
        assertThat(finalState(once)).isEqualTo(expected);
        assertThat(first.unknownMessages()).isEqualTo(1);
        assertThat(first.unknownNumbers()).isEqualTo(1);

        // What users rely on, message by message.
        assertThat(expected.get(0)).startsWith("READ " + Instant.ofEpochSecond(T + 9) + " 0 - ")
                .contains("category=Optional[utility]").contains("model=Optional[PMP]")
                .contains("@Optional[" + Instant.ofEpochSecond(T) + "]").contains("conv-N/Optional[utility]");
        assertThat(expected.get(1)).startsWith("FAILED " + Instant.ofEpochSecond(T + 3) + " 1 131047/NEVER ")
                .contains("Optional[131047]@Optional[" + Instant.ofEpochSecond(T + 3) + "]");
        // A failure on one device gives way to a delivery on another, its error still on the report.
        assertThat(expected.get(2)).startsWith("DELIVERED " + Instant.ofEpochSecond(T + 6) + " 2 - ")
                .contains("Optional[131026]");
        assertThat(expected.get(3)).startsWith("DELIVERED " + Instant.ofEpochSecond(T + 7) + " 3 - ");
        // The status of another number never touches this center's message.
        assertThat(expected.get(4)).startsWith("SENT " + Instant.ofEpochSecond(T + 1) + " 4 - ")
                .contains("model=Optional[CBP]").contains("old-N/Optional[marketing]");
        assertThat(templateStatus(once)).isEqualTo(TemplateStatus.APPROVED);
        assertThat(templateStatus(thrice)).isEqualTo(TemplateStatus.APPROVED);
    }

    @Test
    void nothingAboutACenterIsKeptInTheInboxInTheClearAndAcrossCentersNothingLeaks() {
        Seeded a = seed("Centro Webhook A");
        Seeded b = seed("Centro Webhook B");
        // A status naming B's message id through A's number changes nothing of B's.
        byte[] crossing = envelope(a.wabaId(), change("\"metadata\":{\"phone_number_id\":\"" + a.phoneNumberId()
                + "\"}", status(b.wamids().get(0), "read", T + 50, b.messages().get(0).toString(), "")))
                .getBytes(StandardCharsets.UTF_8);
        List<String> before = finalState(b);

        assertThat(postSigned(crossing)).isEqualTo(200);
        WebhookRun run = process();

        assertThat(finalState(b)).isEqualTo(before);
        assertThat(run.unknownMessages()).isEqualTo(1);
    }
}

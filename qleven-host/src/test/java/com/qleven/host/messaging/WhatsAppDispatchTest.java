package com.qleven.host.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.application.QlevenStore;
import com.qleven.application.messaging.Dispatcher;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.messaging.TemplateStatus;
import com.qleven.domain.messaging.WhatsAppTemplate;
import com.qleven.host.TestHost;
import com.qleven.host.WhatsAppDispatchJob;
import com.qleven.host.config.WhatsAppSettings;
import com.qleven.host.whatsapp.FakeGraphApi;
import com.qleven.host.whatsapp.FakeGraphApi.Fault;
import com.qleven.host.whatsapp.FakeGraphApi.RecordedRequest;
import com.qleven.ports.messaging.out.ConnectedAccount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher over real HTTP against the fake Graph API: what Meta receives (only the allow-listed
 * fields, P9), what staff see, the send-time rules, and the faults — throughput and pair-rate errors,
 * server errors, slow answers, a revoked token, a dropped connection, a host that died mid-call —
 * with every message counted at the fake against the rows: none lost, none sent twice by itself.
 * The host's own dispatch job is slowed to an hour here; each test runs the dispatcher itself.
 */
class WhatsAppDispatchTest {
    private FakeGraphApi fake;
    private TestHost host;

    @BeforeEach
    void start() {
        fake = FakeGraphApi.start(0);
        host = TestHost.start(Map.of(WhatsAppSettings.GRAPH_URL, fake.baseUrl().toString(),
                WhatsAppDispatchJob.EVERY, "1h"));
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        fake.close();
    }

    private Dispatcher.Counts dispatch() {
        return host.host().component().qleven().messaging().dispatchDue();
    }

    private static Map<String, Integer> countByCallback(List<RecordedRequest> sends) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (RecordedRequest r : sends) {
            try {
                String callback = TestHost.JSON.readTree(r.body()).path("biz_opaque_callback_data").asText();
                counts.merge(callback, 1, Integer::sum);
            } catch (java.io.IOException e) {
                throw new AssertionError("the fake recorded a body that is not JSON", e);
            }
        }
        return counts;
    }

    @Test
    void eachMessageIsSentOnceWithOnlyTheAllowListedFieldsAndTheCentersToken() throws Exception {
        DispatchFixture center = DispatchFixture.center(host, fake, true);
        ClientId ana = center.client("Ana María García", "+34600111222", true);
        ClientId omar = center.client("Omar Benali", "+212612345678", true);
        OutboundMessageId toAna = center.queue(ana, "Ana");
        OutboundMessageId toOmar = center.queue(omar, "Omar");

        Dispatcher.Counts counts = dispatch();
        assertThat(counts.sent()).isEqualTo(2);
        List<RecordedRequest> sends = DispatchFixture.sends(fake, center.phoneNumberId);
        assertThat(sends).hasSize(2);
        Set<String> callbacks = new HashSet<>();
        for (RecordedRequest send : sends) {
            assertThat(send.headers().get("authorization")).isEqualTo("Bearer " + center.token);
            JsonNode body = TestHost.JSON.readTree(send.body());
            Set<String> fields = new HashSet<>();
            body.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as("P9: only the allow-listed fields reach Meta")
                    .isSubsetOf("messaging_product", "recipient_type", "to", "type", "template",
                            "biz_opaque_callback_data")
                    .contains("messaging_product", "to", "type", "template", "biz_opaque_callback_data");
            Set<String> templateFields = new HashSet<>();
            body.get("template").fieldNames().forEachRemaining(templateFields::add);
            assertThat(templateFields).containsExactlyInAnyOrder("name", "language", "components");
            assertThat(body.get("template").get("name").asText()).isEqualTo(DispatchFixture.TEMPLATE_NAME);
            assertThat(body.get("type").asText()).isEqualTo("template");
            assertThat(body.toString()).as("no center id in what Meta sees").doesNotContain(center.tenant.toString())
                    .doesNotContain(ana.value().toString()).doesNotContain(omar.value().toString());
            callbacks.add(body.get("biz_opaque_callback_data").asText());
        }
        assertThat(callbacks).containsExactlyInAnyOrder(toAna.toString(), toOmar.toString());
        JsonNode anaSend = TestHost.JSON.readTree(sends.stream()
                .filter(s -> s.body().contains(toAna.toString())).findFirst().orElseThrow().body());
        assertThat(anaSend.get("to").asText()).endsWith("34600111222");
        assertThat(anaSend.get("template").get("components").toString()).contains("\"Ana\"")
                .doesNotContain("García");

        JsonNode seen = center.message(ana, toAna);
        assertThat(seen.get("status").asText()).isEqualTo("sent");
        assertThat(seen.get("wamid").asText()).startsWith("wamid.");
        assertThat(seen.get("direction").asText()).isEqualTo("outbound");
        assertThat(seen.get("attempts").asInt()).isEqualTo(1);
        assertThat(seen.get("template").get("name").asText()).isEqualTo(DispatchFixture.TEMPLATE_NAME);
        assertThat(seen.get("error").isNull()).isTrue();

        host.clock.advance(Duration.ofMinutes(10));
        assertThat(dispatch().attempted()).as("nothing is due any more").isZero();
        assertThat(DispatchFixture.sends(fake, center.phoneNumberId)).hasSize(2);
    }

    @Test
    void theSendTimeRulesSkipWithAReasonAndNothingReachesMeta() {
        DispatchFixture center = DispatchFixture.center(host, fake, true);
        ClientId noConsent = center.client("Sin Consentimiento", "+34600000001", false);
        ClientId withdrew = center.client("Retirado Después", "+34600000002", true);
        ClientId restricted = center.client("Limitado Art Dieciocho", "+34600000003", true);
        ClientId noPhone = center.client("Sin Teléfono", null, true);
        OutboundMessageId a = center.queue(noConsent, "Sin");
        OutboundMessageId b = center.queue(withdrew, "Retirado");
        OutboundMessageId c = center.queue(restricted, "Limitado");
        OutboundMessageId d = center.queue(noPhone, "Sin");
        OutboundMessageId e = center.queue(withdrew, "Retirado", Optional.empty());
        // Between queueing and sending: the consent is withdrawn, the processing restricted.
        center.consent(withdrew.value().toString(), "withdrawn");
        QlevenStore store = host.host().component().store();
        store.shared().transactions().inTenant(center.tenant, () -> {
            store.clients().clientRestrictions().restrict(center.tenant, restricted, Optional.empty(),
                    new byte[] {1}, host.clock.instant());
            return null;
        });

        Dispatcher.Counts counts = dispatch();
        assertThat(counts.skipped()).isEqualTo(5);
        assertThat(DispatchFixture.sends(fake, center.phoneNumberId)).isEmpty();
        assertThat(center.message(noConsent, a).get("skippedReason").asText()).isEqualTo("no_whatsapp_consent");
        assertThat(center.message(withdrew, b).get("skippedReason").asText()).isEqualTo("no_whatsapp_consent");
        assertThat(center.message(restricted, c).get("skippedReason").asText()).isEqualTo("restricted");
        assertThat(center.message(noPhone, d).get("skippedReason").asText()).isEqualTo("no_phone");
        assertThat(center.message(withdrew, e).get("skippedReason").asText()).isEqualTo("no_whatsapp_consent");
        assertThat(center.message(noConsent, a).get("status").asText()).isEqualTo("skipped");
    }

    @Test
    void marketingAlsoNeedsMarketingConsentAndSixteenYears() {
        DispatchFixture center = DispatchFixture.center(host, fake, true);
        ClientId noMarketing = center.client("Sin Marketing", "+34600000081", true);
        String minorBirth = java.time.LocalDate.ofInstant(host.clock.instant(), java.time.ZoneOffset.UTC)
                .minusYears(15).toString();
        ClientId minor = center.client("Menor Quince", "+34600000082", minorBirth, true);
        ClientId willing = center.client("Con Marketing", "+34600000083", true);
        center.consent(willing.value().toString(), "marketing", "granted");
        OutboundMessageId a = center.queue(noMarketing, "Sin", Optional.of(center.template), MessagePurpose.MARKETING);
        OutboundMessageId b = center.queue(minor, "Menor", Optional.of(center.template), MessagePurpose.MARKETING);
        OutboundMessageId c = center.queue(willing, "Con", Optional.of(center.template), MessagePurpose.MARKETING);
        OutboundMessageId d = center.queue(noMarketing, "Sin");

        Dispatcher.Counts counts = dispatch();
        assertThat(counts.skipped()).isEqualTo(2);
        assertThat(counts.sent()).isEqualTo(2);
        assertThat(center.message(noMarketing, a).get("skippedReason").asText()).isEqualTo("no_marketing_consent");
        assertThat(center.message(minor, b).get("skippedReason").asText()).isEqualTo("under_16");
        assertThat(center.message(willing, c).get("status").asText()).isEqualTo("sent");
        assertThat(center.message(noMarketing, d).get("status").asText()).as("an appointment message needs no "
                + "marketing consent").isEqualTo("sent");
        assertThat(countByCallback(DispatchFixture.sends(fake, center.phoneNumberId)).keySet())
                .containsExactlyInAnyOrder(c.toString(), d.toString());
    }

    @Test
    void aTemplateMetaNoLongerApprovesIsNeverSentAndACenterWithoutANumberSkips() {
        DispatchFixture center = DispatchFixture.center(host, fake, true);
        ClientId ana = center.client("Ana Paused", "+34600000011", true);
        OutboundMessageId queued = center.queue(ana, "Ana");
        QlevenStore store = host.host().component().store();
        store.shared().transactions().inTenant(center.tenant, () -> {
            WhatsAppTemplate t = store.messaging().templates().find(center.tenant, center.template).orElseThrow();
            store.messaging().templates().save(center.tenant, t.withStatusFromMeta(TemplateStatus.PAUSED),
                    host.clock.instant());
            return null;
        });
        DispatchFixture unconnected = DispatchFixture.center(host, fake, false);
        ClientId omar = unconnected.client("Omar Sin Número", "+34600000012", true);
        OutboundMessageId waiting = unconnected.queue(omar, "Omar");

        dispatch();
        assertThat(fake.requests()).isEmpty();
        assertThat(center.message(ana, queued).get("skippedReason").asText()).isEqualTo("no_approved_template");
        assertThat(unconnected.message(omar, waiting).get("skippedReason").asText()).isEqualTo("no_account");
    }

    @Test
    void throughputPairRateAndServerErrorsBackOffKeepTheirCodeAndSendOnceInTheEnd() {
        DispatchFixture center = DispatchFixture.center(host, fake, true);
        List<ClientId> clients = new ArrayList<>();
        List<OutboundMessageId> messages = new ArrayList<>();
        String[] phones = {"+34600000021", "+34600000022", "+34600000023", "+34600000024", "+34600000025"};
        for (String phone : phones) {
            ClientId c = center.client("Cliente " + phone.substring(9), phone, true);
            clients.add(c);
            messages.add(center.queue(c, "Cliente"));
        }
        // One call at a time would make the order of faults the order of messages; the dispatcher
        // sends in parallel, so only counts are asserted per run.
        fake.inject(Fault.graphError(130429)).inject(Fault.graphError(131056)).inject(new Fault.ServerError())
                .inject(new Fault.TooManyRequests()).inject(new Fault.Slow(Duration.ofMillis(1500)));

        Dispatcher.Counts first = dispatch();
        assertThat(first.retried()).isEqualTo(4);
        assertThat(first.sent()).isEqualTo(1);
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < phones.length; i++) {
            JsonNode m = center.message(clients.get(i), messages.get(i));
            if (m.get("status").asText().equals("queued")) {
                assertThat(m.get("attempts").asInt()).isEqualTo(1);
                codes.add(m.get("error").get("code").asInt());
            } else {
                assertThat(m.get("status").asText()).isEqualTo("sent");
            }
        }
        // A bare HTTP 429 or 500 keeps its HTTP status where no Graph code came.
        assertThat(codes).as("each failure keeps its Graph code").containsExactlyInAnyOrder(130429, 131056, 500, 429);

        // Backoff: nothing is retried before its time; after the longest wait (2 s jittered, 1 s for the
        // pair rate's first wait), every one goes, once.
        host.clock.advance(Duration.ofSeconds(3));
        Dispatcher.Counts second = dispatch();
        assertThat(second.sent()).isEqualTo(4);
        for (int i = 0; i < phones.length; i++) {
            assertThat(center.message(clients.get(i), messages.get(i)).get("status").asText()).isEqualTo("sent");
        }
        Map<String, Integer> perMessage = countByCallback(DispatchFixture.sends(fake, center.phoneNumberId));
        assertThat(perMessage.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(9);
        assertThat(perMessage).hasSize(5);
        assertThat(perMessage.values()).allMatch(n -> n <= 2);
    }

    @Test
    void anErrorThatCanNeverSucceedFailsTheMessageWithItsCodeAndItIsNotRetried() {
        DispatchFixture center = DispatchFixture.center(host, fake, true);
        ClientId ana = center.client("Ana Undeliverable", "+34600000031", true);
        OutboundMessageId id = center.queue(ana, "Ana");
        fake.inject(Fault.graphError(131026));
        assertThat(dispatch().failed()).isEqualTo(1);
        JsonNode m = center.message(ana, id);
        assertThat(m.get("status").asText()).isEqualTo("failed");
        assertThat(m.get("error").get("code").asInt()).isEqualTo(131026);
        assertThat(m.get("error").get("kind").asText()).isEqualTo("never");
        host.clock.advance(Duration.ofHours(1));
        dispatch();
        assertThat(DispatchFixture.sends(fake, center.phoneNumberId)).hasSize(1);
    }

    @Test
    void aRevokedTokenMarksTheNumberAndTheMessagesWaitUnattemptedUntilItIsReconnected() {
        DispatchFixture center = DispatchFixture.center(host, fake, true);
        ClientId ana = center.client("Ana Token", "+34600000041", true);
        OutboundMessageId first = center.queue(ana, "Ana");
        fake.inject(Fault.graphError(190));
        dispatch();
        QlevenStore store = host.host().component().store();
        ConnectedAccount account = store.shared().transactions().inTenant(center.tenant,
                () -> store.messaging().accounts().find(center.tenant)).orElseThrow();
        assertThat(account.status()).isEqualTo(ConnectedAccount.AccountStatus.RECONNECT_NEEDED);
        JsonNode m = center.message(ana, first);
        assertThat(m.get("status").asText()).isEqualTo("queued");
        assertThat(m.get("error").get("code").asInt()).isEqualTo(190);

        OutboundMessageId second = center.queue(ana, "Ana");
        host.clock.advance(Duration.ofMinutes(20));
        dispatch();
        assertThat(DispatchFixture.sends(fake, center.phoneNumberId)).as("nothing goes until reconnected").hasSize(1);
        assertThat(center.message(ana, second).get("attempts").asInt()).isZero();
    }

    @Test
    void aDroppedConnectionLeavesTheMessageUncertainListedForStaffNeverResentByItselfAndStaffCanResend() {
        DispatchFixture center = DispatchFixture.center(host, fake, true);
        ClientId ana = center.client("Ana Dropped", "+34600000051", true);
        OutboundMessageId id = center.queue(ana, "Ana");
        fake.inject(new Fault.Dropped());
        assertThat(dispatch().uncertain()).isEqualTo(1);
        assertThat(center.message(ana, id).get("status").asText()).isEqualTo("uncertain");
        TestHost.Reply worklist = host.get("/v1/messages?status=uncertain", center.center.token());
        assertThat(worklist.status()).isEqualTo(200);
        assertThat(worklist.json().get("items")).hasSize(1);
        assertThat(worklist.json().get("items").get(0).get("id").asText()).isEqualTo(id.toString());

        host.clock.advance(Duration.ofMinutes(20));
        dispatch();
        assertThat(DispatchFixture.sends(fake, center.phoneNumberId)).as("never resent by itself").hasSize(1);

        TestHost.Reply resent = host.post("/v1/messages/" + id + "/resend", Map.of(), center.center.token());
        assertThat(resent.status()).isEqualTo(201);
        assertThat(resent.json().get("resendOf").asText()).isEqualTo(id.toString());
        assertThat(resent.json().get("status").asText()).isEqualTo("queued");
        OutboundMessageId fresh = OutboundMessageId.of(resent.json().get("id").asText());
        assertThat(dispatch().sent()).isEqualTo(1);
        assertThat(center.message(ana, fresh).get("status").asText()).isEqualTo("sent");
        assertThat(center.message(ana, id).get("status").asText()).as("the old one stays as it was")
                .isEqualTo("uncertain");
        assertThat(countByCallback(DispatchFixture.sends(fake, center.phoneNumberId)))
                .containsEntry(id.toString(), 1).containsEntry(fresh.toString(), 1);
        assertThat(host.post("/v1/messages/" + fresh + "/resend", Map.of(), center.center.token()).status())
                .as("a sent message is not resent").isEqualTo(409);
    }

    /**
     * A host that died between marking a message sending and recording the outcome leaves it sending;
     * two minutes on, any dispatcher makes it uncertain — never sent again by itself.
     */
    @Test
    void aMessageLeftSendingByADeadHostBecomesUncertainAndIsNotResent() {
        DispatchFixture center = DispatchFixture.center(host, fake, true);
        ClientId ana = center.client("Ana Crash", "+34600000061", true);
        OutboundMessageId id = center.queue(ana, "Ana");
        QlevenStore store = host.host().component().store();
        store.shared().transactions().inTenant(center.tenant, () -> {
            var m = store.messaging().outbox().find(center.tenant, id).orElseThrow();
            store.messaging().outbox().update(center.tenant, m.state().markSending(host.clock.instant()));
            return null;
        });
        host.clock.advance(Duration.ofSeconds(90));
        dispatch();
        assertThat(center.message(ana, id).get("status").asText()).as("within the grace").isEqualTo("sending");
        host.clock.advance(Duration.ofSeconds(31));
        assertThat(dispatch().uncertain()).isEqualTo(1);
        assertThat(center.message(ana, id).get("status").asText()).isEqualTo("uncertain");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void theListNeedsExactlyOneFilterAndAnotherCentersIdsShowNothing() {
        DispatchFixture center = DispatchFixture.center(host, fake, true);
        ClientId ana = center.client("Ana Lists", "+34600000071", true);
        OutboundMessageId id = center.queue(ana, "Ana");
        TestHost.Reply none = host.get("/v1/messages", center.center.token());
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("clientId");
        TestHost.Reply two = host.get("/v1/messages?clientId=" + ana.value() + "&status=uncertain",
                center.center.token());
        assertThat(two.status()).isEqualTo(400);
        assertThat(two.body()).contains("status");
        assertThat(host.get("/v1/messages?clientId=not-a-uuid", center.center.token()).body()).contains("clientId");
        assertThat(host.get("/v1/messages?status=sent", center.center.token()).status()).isEqualTo(400);

        DispatchFixture other = DispatchFixture.center(host, fake, true);
        TestHost.Reply elsewhere = host.get("/v1/messages?clientId=" + ana.value(), other.center.token());
        assertThat(elsewhere.status()).isEqualTo(200);
        assertThat(elsewhere.json().get("items")).isEmpty();
        assertThat(host.post("/v1/messages/" + id + "/resend", Map.of(), other.center.token()).status())
                .isEqualTo(404);

        // Paging: newest first, two at a time, no repeats.
        center.queue(ana, "Ana");
        center.queue(ana, "Ana");
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            TestHost.Reply page = host.get("/v1/messages?clientId=" + ana.value() + "&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), center.center.token());
            assertThat(page.status()).isEqualTo(200);
            for (Iterator<JsonNode> it = page.json().get("items").elements(); it.hasNext(); ) {
                assertThat(seen.add(it.next().get("id").asText())).isTrue();
            }
            cursor = page.json().get("next").isNull() ? null : page.json().get("next").asText();
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(3);
        assertThat(pages).isEqualTo(2);
    }
}

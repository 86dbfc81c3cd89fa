package com.qleven.host.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.qleven.application.QlevenStore;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.ComponentKey;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.ParameterBinding;
import com.qleven.domain.messaging.ParameterSource;
import com.qleven.domain.messaging.TemplateCategory;
import com.qleven.domain.messaging.TemplateComponent;
import com.qleven.domain.messaging.TemplateId;
import com.qleven.domain.messaging.TemplateStatus;
import com.qleven.domain.messaging.WhatsAppTemplate;
import com.qleven.host.TestHost;
import com.qleven.host.TestHost.Reply;
import com.qleven.host.WhatsAppDispatchJob;
import com.qleven.host.config.WhatsAppSettings;
import com.qleven.host.whatsapp.FakeGraphApi;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Campaigns over real HTTP against the fake Graph API (issue 12, done-when 3): a campaign is created
 * for a segment, its messages queued at once; the dispatcher's send-time rules decide who is messaged,
 * so exactly the consenting clients not known to be under 16 get the template (a client without a
 * birth date may be), each once, and every other recipient shows why it was skipped. Also the
 * frequency cap, cancellation and who may run and see campaigns.
 */
class CampaignsEndToEndTest {
    private static final String TEMPLATE_NAME = "spring_offer";
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

    /** Dispatch runs until nothing more is sent or skipped (a run sends at most one second's budget). */
    private void dispatchAll() {
        for (int i = 0; i < 20; i++) {
            var counts = host.host().component().qleven().messaging().dispatchDue();
            if (counts.attempted() + counts.skipped() + counts.deferred() == 0) {
                return;
            }
            host.clock.advance(java.time.Duration.ofSeconds(2));
        }
    }

    /** An approved MARKETING template mapped with purpose marketing and the client's first name. */
    private TemplateId marketingTemplate(DispatchFixture center, TemplateCategory category, MessagePurpose purpose,
                                         TemplateStatus status) {
        QlevenStore store = host.host().component().store();
        TemplateId id = new TemplateId(UUID.randomUUID());
        store.shared().transactions().inTenant(center.tenant, () -> {
            WhatsAppTemplate t = WhatsAppTemplate.fromMeta(id, TEMPLATE_NAME + "_" + id.value().toString().substring(0, 6),
                    "es", category, List.of(TemplateComponent.of(ComponentKey.BODY,
                            "Hola {{1}}, este mes tienes un 20% en tu tratamiento.")), TemplateStatus.APPROVED)
                    .assign(purpose, List.of(new ParameterBinding(ComponentKey.BODY, ParameterSource.CLIENT_FIRST_NAME)));
            store.messaging().templates().save(center.tenant, status == TemplateStatus.APPROVED ? t
                    : t.withStatusFromMeta(status), host.clock.instant());
            return null;
        });
        return id;
    }

    private TemplateId marketingTemplate(DispatchFixture center) {
        return marketingTemplate(center, TemplateCategory.MARKETING, MessagePurpose.MARKETING, TemplateStatus.APPROVED);
    }

    /** A client with WhatsApp and marketing consent granted. */
    private ClientId willing(DispatchFixture center, String name, String phone, String birthDate) {
        ClientId id = center.client(name, phone, birthDate, true);
        center.consent(id.value().toString(), "marketing", "granted");
        return id;
    }

    private Reply create(DispatchFixture center, String token, TemplateId template, Map<String, Object> segment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Primavera");
        body.put("templateId", template.toString());
        body.put("segment", segment);
        return host.post("/v1/campaigns", body, token);
    }

    private static Map<String, Object> clientIds(List<?> ids) {
        return Map.of("clientIds", ids.stream().map(i -> i instanceof ClientId c ? c.value().toString() : i.toString())
                .toList());
    }

    private Map<String, String> skippedReasons(DispatchFixture center, String campaignId) {
        Map<String, String> reasons = new HashMap<>();
        Reply page = host.get("/v1/campaigns/" + campaignId + "/recipients?limit=200", center.center.token());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        for (JsonNode r : page.json().get("items")) {
            reasons.put(r.get("clientId").asText(), r.get("status").asText().equals("skipped")
                    ? r.get("skippedReason").asText() : r.get("status").asText());
        }
        return reasons;
    }

    private List<String> sentTo(DispatchFixture center) throws Exception {
        List<String> to = new ArrayList<>();
        for (FakeGraphApi.RecordedRequest r : DispatchFixture.sends(fake, center.phoneNumberId)) {
            to.add(TestHost.JSON.readTree(r.body()).get("to").asText());
        }
        return to;
    }

    @Test
    void aCampaignMessagesExactlyTheConsentingClientsNotKnownToBeUnder16EachOnce() throws Exception {
        DispatchFixture center = DispatchFixture.center(host, fake, true);
        TemplateId template = marketingTemplate(center);
        LocalDate today = LocalDate.ofInstant(host.clock.instant(), ZoneOffset.UTC);
        String fifteen = today.minusYears(15).toString();
        ClientId adult = willing(center, "Ana Adulta", "+34600100001", "1990-05-01");
        ClientId noBirthDate = willing(center, "Berta Sinfecha", "+34600100002", null);
        ClientId noWhatsApp = center.client("Carla Nada", "+34600100003", false);
        ClientId noMarketing = center.client("Dani Solocitas", "+34600100004", true);
        ClientId minor = center.client("Eva Menor", "+34600100005", fifteen, true);
        // The consent rules may refuse a minor's marketing grant; either way the minor is never messaged.
        host.post("/v1/clients/" + minor.value() + "/consents", Map.of("purpose", "marketing", "decision", "granted",
                "channel", "in_person", "textVersion", "v1", "text", "Acepto ofertas."), center.center.token());
        // Granted while no birth date was known; the birth date set afterwards shows a 15-year-old.
        ClientId minorLate = willing(center, "Fran Menortarde", "+34600100006", null);
        HttpRequest patch = host.request("/v1/clients/" + minorLate.value())
                .header("Content-Type", "application/merge-patch+json")
                .header("Authorization", "Bearer " + center.center.token())
                .method("PATCH", HttpRequest.BodyPublishers.ofString(TestHost.write(Map.of("birthDate", fifteen))))
                .build();
        Reply patched = host.send(patch);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        ClientId restricted = willing(center, "Gala Limitada", "+34600100007", "1985-01-01");
        ClientId objecting = willing(center, "Hugo Opuesto", "+34600100008", "1980-02-02");
        ClientId optedOut = willing(center, "Ines Baja", "+34600100009", "1979-03-03");
        QlevenStore store = host.host().component().store();
        store.shared().transactions().inTenant(center.tenant, () -> {
            store.clients().clientRestrictions().restrict(center.tenant, restricted, Optional.empty(),
                    new byte[] {1}, host.clock.instant());
            store.privacy().suppressions().add(center.tenant, DispatchFixture.cipher(host).blindIndex(
                    "suppression.phone", Optional.of(center.tenant), "+34600100009"), host.clock.instant());
            return null;
        });
        Reply objection = host.post("/v1/privacy/requests", Map.of("clientId", objecting.value().toString(),
                "type", "objection"), center.center.token());
        assertThat(objection.status()).as(objection.body()).isEqualTo(201);
        Reply completed = host.post("/v1/privacy/requests/" + objection.json().get("id").asText() + "/complete",
                Map.of("outcome", "No more marketing."), center.center.token());
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        DispatchFixture other = DispatchFixture.center(host, fake, true);
        ClientId theirs = willing(other, "Otra Centro", "+34600100010", "1990-01-01");

        List<Object> everyone = List.of(adult, noBirthDate, noWhatsApp, noMarketing, minor, minorLate, restricted,
                objecting, optedOut, theirs);
        Reply created = create(center, center.center.token(), template, clientIds(everyone));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.headers().firstValue("Location")).contains("/v1/campaigns/" + id);
        assertThat(created.json().get("status").asText()).isEqualTo("running");
        assertThat(created.json().get("progress").get("recipients").asInt())
                .as("another center's client is not a recipient").isEqualTo(9);
        assertThat(created.json().get("progress").get("queued").asInt()).isEqualTo(9);

        dispatchAll();

        assertThat(sentTo(center)).as("exactly the consenting clients not known to be under 16, each once")
                .containsExactlyInAnyOrder("+34600100001", "+34600100002");
        assertThat(sentTo(other)).isEmpty();
        Map<String, String> fate = skippedReasons(center, id);
        assertThat(fate).hasSize(9).doesNotContainKey(theirs.value().toString());
        assertThat(fate.get(adult.value().toString())).isEqualTo("sent");
        assertThat(fate.get(noBirthDate.value().toString())).isEqualTo("sent");
        assertThat(fate.get(noWhatsApp.value().toString())).isEqualTo("no_whatsapp_consent");
        assertThat(fate.get(noMarketing.value().toString())).isEqualTo("no_marketing_consent");
        assertThat(fate.get(minor.value().toString())).isEqualTo("under_16");
        assertThat(fate.get(minorLate.value().toString())).isEqualTo("under_16");
        assertThat(fate.get(restricted.value().toString())).isEqualTo("restricted");
        assertThat(fate.get(objecting.value().toString())).isEqualTo("opted_out");
        assertThat(fate.get(optedOut.value().toString())).isEqualTo("opted_out");

        JsonNode view = host.get("/v1/campaigns/" + id, center.center.token()).json();
        assertThat(view.get("status").asText()).isEqualTo("completed");
        JsonNode progress = view.get("progress");
        assertThat(progress.get("sent").asInt()).isEqualTo(2);
        assertThat(progress.get("queued").asInt()).isZero();
        assertThat(progress.get("skipped").get("total").asInt()).isEqualTo(7);
        assertThat(progress.get("skipped").get("byReason").get("under_16").asInt()).isEqualTo(2);
        assertThat(progress.get("skipped").get("byReason").get("opted_out").asInt()).isEqualTo(2);
        assertThat(progress.get("deliveryRate").asDouble()).isZero();
        assertThat(host.get("/v1/campaigns/" + id, other.center.token()).status())
                .as("another center's campaign is not found").isEqualTo(404);
        // Ana quotes the campaign message in her reply; Berta only reacts to it: one reply of two sent.
        inbound(center, adult, "+34600100001", com.qleven.domain.messaging.InboundKind.TEXT,
                Optional.of(center.message(adult, campaignMessage(center, adult)).get("wamid").asText()));
        inbound(center, noBirthDate, "+34600100002", com.qleven.domain.messaging.InboundKind.REACTION, Optional.empty());
        JsonNode replied = host.get("/v1/campaigns/" + id, center.center.token()).json().get("progress");
        assertThat(replied.get("replied").asInt()).isEqualTo(1);
        assertThat(replied.get("replyRate").asDouble()).isEqualTo(0.5);
        Reply export = host.get("/v1/clients/" + adult.value() + "/export", center.center.token());
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        JsonNode inCampaigns = export.json().findValue("campaigns");
        assertThat(inCampaigns).as("the export lists the campaigns the client was in: " + export.body()).isNotNull();
        assertThat(inCampaigns.toString()).contains(id).contains("Primavera");
        JsonNode list = host.get("/v1/campaigns", center.center.token()).json();
        assertThat(list.get("items")).hasSize(1);
        assertThat(host.get("/v1/campaigns", other.center.token()).json().get("items")).isEmpty();
    }

    /** The id of the client's one campaign message, from the staff's list of the client's messages. */
    private com.qleven.domain.messaging.OutboundMessageId campaignMessage(DispatchFixture center, ClientId client) {
        for (JsonNode m : host.get("/v1/messages?clientId=" + client.value(), center.center.token()).json().get("items")) {
            if (m.get("purpose").asText().equals("marketing")) {
                return com.qleven.domain.messaging.OutboundMessageId.of(m.get("id").asText());
            }
        }
        throw new AssertionError("no marketing message of " + client);
    }

    /** An inbound message of the client's number as the webhook processing stores it (a reaction quotes nothing here). */
    private void inbound(DispatchFixture center, ClientId client, String phone, com.qleven.domain.messaging.InboundKind kind,
                         Optional<String> context) {
        QlevenStore store = host.host().component().store();
        com.qleven.application.messaging.InboundSeal seal = new com.qleven.application.messaging.InboundSeal(
                DispatchFixture.cipher(host));
        java.time.Instant at = host.clock.instant();
        store.shared().transactions().inTenant(center.tenant, () -> {
            var index = host.host().component().qleven().clients().clientPhones()
                    .index(center.tenant, new com.qleven.domain.shared.PhoneNumber(phone));
            UUID contact = store.messaging().contacts().byIndex(center.tenant, index)
                    .map(com.qleven.ports.messaging.out.WhatsAppContact::id).orElseGet(() -> {
                        UUID fresh = UUID.randomUUID();
                        store.messaging().contacts().add(new com.qleven.ports.messaging.out.WhatsAppContact(
                                center.tenant, fresh, index, seal.number(center.tenant, fresh,
                                new com.qleven.domain.shared.PhoneNumber(phone)),
                                seal.profileName(center.tenant, fresh, Optional.of("Cliente")), at, Optional.empty(),
                                com.qleven.ports.messaging.out.WhatsAppContact.Match.MATCHED, false, Optional.empty()));
                        return fresh;
                    });
            UUID id = UUID.randomUUID();
            boolean reaction = kind == com.qleven.domain.messaging.InboundKind.REACTION;
            store.messaging().inbound().add(new com.qleven.ports.messaging.out.InboundMessage(center.tenant, id,
                    "wamid.IN" + id, contact, Optional.of(client), kind, at, at, context, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(),
                    reaction ? Optional.of("wamid.any") : Optional.empty(),
                    reaction ? Optional.of("👍") : Optional.empty(), Optional.empty(),
                    reaction ? Optional.empty() : seal.content(center.tenant, contact, id, Optional.of("¡Me interesa!"))));
            return null;
        });
    }

    @Test
    void aSegmentByCriteriaMatchesTheBirthdayMonthAndRefusesWhatItCannotSend() {
        DispatchFixture center = DispatchFixture.center(host, fake, true);
        TemplateId template = marketingTemplate(center);
        ClientId may = willing(center, "Mayo Uno", "+34600200001", "1990-05-10");
        willing(center, "Junio Dos", "+34600200002", "1990-06-10");
        willing(center, "Sin Fecha", "+34600200003", null);
        Reply created = create(center, center.center.token(), template, Map.of("birthdayMonth", 5));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Map<String, String> fate = skippedReasons(center, created.json().get("id").asText());
        assertThat(fate.keySet()).containsExactly(may.value().toString());

        Reply unknown = create(center, center.center.token(), template, Map.of("birthdayMonth", 5, "vip", true));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("segment.vip");
        Reply empty = create(center, center.center.token(), template, Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("segment");
        Reply badMonth = create(center, center.center.token(), template, Map.of("birthdayMonth", 13));
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.body()).contains("segment.birthdayMonth");
        TemplateId utility = marketingTemplate(center, TemplateCategory.UTILITY, MessagePurpose.FOLLOW_UP,
                TemplateStatus.APPROVED);
        Reply notMarketing = create(center, center.center.token(), utility, Map.of("birthdayMonth", 5));
        assertThat(notMarketing.status()).isEqualTo(422);
        assertThat(notMarketing.body()).contains("templateId");
        TemplateId paused = marketingTemplate(center, TemplateCategory.MARKETING, MessagePurpose.MARKETING,
                TemplateStatus.PAUSED);
        assertThat(create(center, center.center.token(), paused, Map.of("birthdayMonth", 5)).status()).isEqualTo(409);
        DispatchFixture other = DispatchFixture.center(host, fake, true);
        Reply foreign = create(center, center.center.token(), marketingTemplate(other), Map.of("birthdayMonth", 5));
        Reply none = create(center, center.center.token(), new TemplateId(UUID.randomUUID()), Map.of("birthdayMonth", 5));
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(none.status()).isEqualTo(422);
        assertThat(foreign.json().get("detail")).as("another center's template reads as none")
                .isEqualTo(none.json().get("detail"));
        DispatchFixture unconnected = DispatchFixture.center(host, fake, false);
        assertThat(create(unconnected, unconnected.center.token(), marketingTemplate(unconnected),
                Map.of("birthdayMonth", 5)).status()).isEqualTo(409);
        assertThat(host.get("/v1/campaigns", center.center.token()).json().get("items")).hasSize(1);
    }

    /** An appointment of the client in the given status, written under the API (its history is what matters here). */
    private void visit(DispatchFixture center, ClientId client, UUID service, java.time.Instant start,
                       com.qleven.domain.scheduling.AppointmentStatus status) {
        QlevenStore store = host.host().component().store();
        store.shared().transactions().inTenant(center.tenant, () -> {
            store.scheduling().appointments().add(new com.qleven.ports.scheduling.out.StoredAppointment(center.tenant,
                    new com.qleven.domain.scheduling.AppointmentId(UUID.randomUUID()), client,
                    new com.qleven.domain.scheduling.ServiceId(service),
                    new com.qleven.domain.shared.UserId(UUID.randomUUID()), null, List.of(), start,
                    start.plus(java.time.Duration.ofMinutes(45)), 0, 0, status, start, Optional.empty(), List.of(), null,
                    start.minus(java.time.Duration.ofDays(3)),
                    com.qleven.domain.scheduling.Actor.staff(new com.qleven.domain.shared.UserId(UUID.randomUUID())), 1,
                    null));
            return null;
        });
    }

    private java.util.Set<String> recipientsOf(DispatchFixture center, Map<String, Object> segment, TemplateId template) {
        Reply created = create(center, center.center.token(), template, segment);
        assertThat(created.status()).as(segment + " " + created.body()).isEqualTo(201);
        return skippedReasons(center, created.json().get("id").asText()).keySet();
    }

    @Test
    void aSegmentByHistoryAndPackagesIsResolvedFromEachContextInBulk() {
        DispatchFixture center = DispatchFixture.center(host, fake, true);
        TemplateId template = marketingTemplate(center);
        String admin = center.center.token();
        String service = host.post("/v1/services", Map.of("name", "Facial", "durationMinutes", 45, "price",
                Map.of("amountMinor", 4500, "currency", "EUR"), "taxRate", "exempt", "roomRequired", false,
                "equipmentKinds", List.of(), "professionalIds", List.of(center.center.adminId())), admin)
                .json().get("id").asText();
        String offer = host.post("/v1/packages", Map.of("name", "Bono 5", "serviceIds", List.of(service), "sessions", 5,
                "price", Map.of("amountMinor", 20000, "currency", "EUR"), "validityDays", 365), admin)
                .json().get("id").asText();
        ClientId ana = willing(center, "Ana Antigua", "+34600600001", "1990-01-01");
        ClientId bea = willing(center, "Bea Reciente", "+34600600002", "1990-01-01");
        ClientId cai = willing(center, "Cai Nunca", "+34600600003", "1990-01-01");
        ClientId dan = willing(center, "Dan Nada", "+34600600004", "1990-01-01");
        java.time.Instant now = host.clock.instant();
        UUID facial = UUID.fromString(service);
        visit(center, ana, facial, now.minus(java.time.Duration.ofDays(200)),
                com.qleven.domain.scheduling.AppointmentStatus.COMPLETED);
        visit(center, ana, UUID.randomUUID(), now.minus(java.time.Duration.ofDays(150)),
                com.qleven.domain.scheduling.AppointmentStatus.NO_SHOW);
        visit(center, ana, UUID.randomUUID(), now.minus(java.time.Duration.ofDays(100)),
                com.qleven.domain.scheduling.AppointmentStatus.NO_SHOW);
        visit(center, bea, UUID.randomUUID(), now.minus(java.time.Duration.ofDays(5)),
                com.qleven.domain.scheduling.AppointmentStatus.COMPLETED);
        visit(center, cai, facial, now.plus(java.time.Duration.ofDays(5)),
                com.qleven.domain.scheduling.AppointmentStatus.BOOKED);
        for (ClientId holder : List.of(bea, cai)) {
            Reply sold = host.post("/v1/clients/" + holder.value() + "/packages", Map.of("packageId", offer), admin);
            assertThat(sold.status()).as(sold.body()).isEqualTo(201);
        }
        String monthAgo = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(30).toString();
        java.util.function.Function<ClientId, String> id = c -> c.value().toString();

        assertThat(recipientsOf(center, Map.of("lastVisitBefore", monthAgo), template)).containsExactly(id.apply(ana));
        assertThat(recipientsOf(center, Map.of("lastVisitBefore", monthAgo, "includeNeverVisited", true), template))
                .containsExactlyInAnyOrder(id.apply(ana), id.apply(cai), id.apply(dan));
        assertThat(recipientsOf(center, Map.of("serviceIds", List.of(service)), template))
                .as("a booked appointment is not a service taken").containsExactly(id.apply(ana));
        assertThat(recipientsOf(center, Map.of("noShowsAtLeast", 2), template)).containsExactly(id.apply(ana));
        assertThat(recipientsOf(center, Map.of("packageHolders", true), template))
                .containsExactlyInAnyOrder(id.apply(bea), id.apply(cai));
        assertThat(recipientsOf(center, Map.of("packageHolders", true, "lastVisitBefore", monthAgo,
                "includeNeverVisited", true), template)).containsExactly(id.apply(cai));
        assertThat(recipientsOf(center, Map.of("packageHolders", true, "clientIds", List.of(id.apply(bea),
                id.apply(ana))), template)).containsExactly(id.apply(bea));
    }

    @Test
    void theFrequencyCapSkipsWhatWouldGoOverItEvenWithinOneBatch() throws Exception {
        DispatchFixture center = DispatchFixture.center(host, fake, true);
        Reply cap = host.put("/v1/whatsapp/settings", Map.of("reminderOffsets", List.of("PT24H"), "sendsPerSecond", 40,
                "contentRetentionDays", 90, "marketingCap", Map.of("maxMessages", 2, "perDays", 7)),
                center.center.token());
        assertThat(cap.status()).as(cap.body()).isEqualTo(200);
        TemplateId template = marketingTemplate(center);
        ClientId ana = willing(center, "Ana Tope", "+34600300001", "1990-01-01");
        ClientId bea = willing(center, "Bea Tope", "+34600300002", "1990-01-01");
        String first = create(center, center.center.token(), template, clientIds(List.of(ana))).json().get("id").asText();
        dispatchAll();
        // Two more for Ana in one batch: the cap of two lets one through, the other is capped.
        String second = create(center, center.center.token(), template, clientIds(List.of(ana, bea))).json()
                .get("id").asText();
        String third = create(center, center.center.token(), template, clientIds(List.of(ana))).json().get("id").asText();
        dispatchAll();
        assertThat(sentTo(center)).containsExactlyInAnyOrder("+34600300001", "+34600300001", "+34600300002");
        Map<String, String> secondFate = skippedReasons(center, second);
        Map<String, String> thirdFate = skippedReasons(center, third);
        assertThat(List.of(secondFate.get(ana.value().toString()), thirdFate.get(ana.value().toString())))
                .containsExactlyInAnyOrder("sent", "frequency_cap");
        assertThat(secondFate.get(bea.value().toString())).isEqualTo("sent");
        assertThat(skippedReasons(center, first).get(ana.value().toString())).isEqualTo("sent");

        // Past the window, Ana may get one again.
        host.clock.advance(java.time.Duration.ofDays(8));
        // Sessions idle out meanwhile: the administrator signs in again.
        String admin = host.login(center.center.adminEmail(), TestHost.PASSWORD, null);
        Reply laterCreated = create(center, admin, template, clientIds(List.of(ana)));
        assertThat(laterCreated.status()).as(laterCreated.body()).isEqualTo(201);
        String later = laterCreated.json().get("id").asText();
        dispatchAll();
        Reply laterFate = host.get("/v1/campaigns/" + later + "/recipients", admin);
        assertThat(laterFate.json().get("items").get(0).get("status").asText()).isEqualTo("sent");
    }

    @Test
    void aCancelledCampaignsQueuedMessagesAreNeverSent() throws Exception {
        DispatchFixture center = DispatchFixture.center(host, fake, true);
        TemplateId template = marketingTemplate(center);
        ClientId ana = willing(center, "Ana Cancel", "+34600400001", "1990-01-01");
        ClientId bea = willing(center, "Bea Cancel", "+34600400002", "1990-01-01");
        String id = create(center, center.center.token(), template, clientIds(List.of(ana, bea))).json()
                .get("id").asText();

        Reply cancelled = host.post("/v1/campaigns/" + id + "/cancel", null, center.center.token());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.json().get("cancelledAt").isNull()).isFalse();
        assertThat(cancelled.json().get("progress").get("skipped").get("byReason").get("campaign_cancelled").asInt())
                .isEqualTo(2);
        dispatchAll();
        assertThat(sentTo(center)).isEmpty();
        assertThat(skippedReasons(center, id).values()).containsOnly("campaign_cancelled");
        Reply again = host.post("/v1/campaigns/" + id + "/cancel", null, center.center.token());
        assertThat(again.status()).as("cancelling twice changes nothing").isEqualTo(200);
        assertThat(again.json().get("cancelledAt").asText()).isEqualTo(cancelled.json().get("cancelledAt").asText());

        String done = create(center, center.center.token(), template, clientIds(List.of(ana))).json().get("id").asText();
        dispatchAll();
        assertThat(host.get("/v1/campaigns/" + done, center.center.token()).json().get("status").asText())
                .isEqualTo("completed");
        assertThat(host.post("/v1/campaigns/" + done + "/cancel", null, center.center.token()).status())
                .as("a completed campaign cannot be cancelled").isEqualTo(409);
        DispatchFixture other = DispatchFixture.center(host, fake, true);
        assertThat(host.post("/v1/campaigns/" + done + "/cancel", null, other.center.token()).status()).isEqualTo(404);

        // Bea's erasure takes her out of the campaign (her skipped message goes with the messages' section).
        Reply erasure = host.post("/v1/privacy/requests", Map.of("clientId", bea.value().toString(), "type", "erasure"),
                center.center.token());
        assertThat(erasure.status()).as(erasure.body()).isEqualTo(201);
        Reply erased = host.post("/v1/privacy/requests/" + erasure.json().get("id").asText() + "/complete",
                Map.of("outcome", "Erased."), center.center.token());
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(skippedReasons(center, id).keySet()).containsExactly(ana.value().toString());
        assertThat(host.get("/v1/campaigns/" + id, center.center.token()).json().get("progress").get("recipients")
                .asInt()).isEqualTo(1);
    }

    private String staff(DispatchFixture center, String role) {
        String email = TestHost.newEmail(role);
        Reply added = host.post("/v1/users", TestHost.userBody(email, role), center.center.token());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return host.login(email, TestHost.PASSWORD, null);
    }

    @Test
    void receptionistsSeeCampaignsOnlyAdministratorsRunThemAndProfessionalsNeither() {
        DispatchFixture center = DispatchFixture.center(host, fake, true);
        TemplateId template = marketingTemplate(center);
        ClientId ana = willing(center, "Ana Permiso", "+34600500001", "1990-01-01");
        String id = create(center, center.center.token(), template, clientIds(List.of(ana))).json().get("id").asText();
        String receptionist = staff(center, "receptionist");
        String professional = staff(center, "professional");

        assertThat(host.get("/v1/campaigns/" + id, receptionist).status()).isEqualTo(200);
        assertThat(host.get("/v1/campaigns", receptionist).status()).isEqualTo(200);
        assertThat(host.get("/v1/campaigns/" + id + "/recipients", receptionist).status()).isEqualTo(200);
        assertThat(create(center, receptionist, template, clientIds(List.of(ana))).status()).isEqualTo(403);
        assertThat(host.post("/v1/campaigns/" + id + "/cancel", null, receptionist).status()).isEqualTo(403);
        assertThat(host.get("/v1/campaigns/" + id, professional).status()).isEqualTo(403);
        assertThat(host.get("/v1/campaigns", professional).status()).isEqualTo(403);
        assertThat(host.get("/v1/campaigns/" + id + "/recipients", professional).status()).isEqualTo(403);
        assertThat(create(center, professional, template, clientIds(List.of(ana))).status()).isEqualTo(403);
        assertThat(host.post("/v1/campaigns/" + id + "/cancel", null, professional).status()).isEqualTo(403);
        assertThat(host.get("/v1/campaigns", center.center.token()).json().get("items")).hasSize(1);
    }
}

package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.application.messaging.Dispatcher;
import com.qleven.application.messaging.InboundReplies;
import com.qleven.application.messaging.TokenSeal;
import com.qleven.application.shared.UuidV7Ids;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentChannel;
import com.qleven.domain.consent.ConsentDecision;
import com.qleven.domain.consent.ConsentEntry;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.messaging.ComponentKey;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.MessageStatus;
import com.qleven.domain.messaging.MessagingSettings;
import com.qleven.domain.messaging.OutboundMessage;
import com.qleven.domain.messaging.OutboundMessageId;
import com.qleven.domain.messaging.ParameterBinding;
import com.qleven.domain.messaging.ParameterSource;
import com.qleven.domain.messaging.ReminderSchedule;
import com.qleven.domain.messaging.ReplyAction;
import com.qleven.domain.messaging.SkipReason;
import com.qleven.domain.messaging.TemplateCategory;
import com.qleven.domain.messaging.TemplateComponent;
import com.qleven.domain.messaging.TemplateId;
import com.qleven.domain.messaging.TemplateStatus;
import com.qleven.domain.messaging.WhatsAppTemplate;
import com.qleven.domain.privacy.CenterNotification;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.AppointmentStatus;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Principal;
import com.qleven.application.privacy.CenterNotificationSeal;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.consent.in.RecordConsentCommand;
import com.qleven.ports.messaging.out.AccessToken;
import com.qleven.ports.messaging.out.Acknowledged;
import com.qleven.ports.messaging.out.ConnectedAccount;
import com.qleven.ports.messaging.out.CreatedTemplate;
import com.qleven.ports.messaging.out.GraphResult;
import com.qleven.ports.messaging.out.PreferenceChange;
import com.qleven.ports.messaging.out.QueuedMessage;
import com.qleven.ports.messaging.out.ReceivedMessage;
import com.qleven.ports.messaging.out.SendResult;
import com.qleven.ports.messaging.out.TemplateDraft;
import com.qleven.ports.messaging.out.TemplateMessage;
import com.qleven.ports.messaging.out.TemplatePage;
import com.qleven.ports.messaging.out.TextMessage;
import com.qleven.ports.messaging.out.WhatsAppGateway;
import com.qleven.ports.scheduling.in.AppointmentView;
import com.qleven.ports.scheduling.in.BookAppointmentCommand;
import com.qleven.ports.scheduling.in.ServiceCommand;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import com.qleven.ports.testing.RecordingAuditTrail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a client's WhatsApp reply does, against every store, through the listener the webhook
 * processing calls and the real consent, scheduling and messaging services: STOP and its kin (in four
 * languages and the center's own words) withdraw WhatsApp and marketing for every client on the number,
 * "stop promotions" and WhatsApp's marketing stop marketing only, a resume grants nothing, a stop inside
 * a sentence is none; a withdrawn client's reminders are skipped at send time and reach no gateway; a
 * reply button on an appointment message confirms or cancels it within the center's rules, once, and a
 * refusal tells staff once; a reply to another client's message or to a message about no appointment
 * does nothing.
 */
public abstract class InboundRepliesUseCasesSuite extends UseCasesSuiteBase {
    private static final String PASSWORD = "correct horse battery";
    private static final String NOTICE = "Clínica Sol le enviará mensajes por WhatsApp.";
    /** Saturday 20 March 2027, 09:00 in Madrid. */
    private static final Instant NOW = Instant.parse("2027-03-20T08:00:00Z");

    private MutableClock clock;
    private QlevenStore store;
    private FieldCipher cipher;
    private Qleven qleven;
    private ClientInfo from;
    private RecordingGateway gateway;
    private RecordingAuditTrail listenerAudit;
    private InboundReplies replies;

    @BeforeEach
    void buildCore() {
        clock = new MutableClock(NOW);
        from = clientAtAnAddressOfItsOwn("test", Optional.empty());
        store = newStore();
        cipher = cipher(store);
        gateway = new RecordingGateway();
        qleven = core(store, cipher).clock(clock).signupsPerAddressPerHour(1000).whatsAppGateway(gateway).build();
        listenerAudit = new RecordingAuditTrail();
        // Wired as the platform wires it: the consent context's withdrawal, scheduling's client steps.
        replies = new InboundReplies(store.shared().transactions(), store.messaging(),
                store.privacy().centerNotifications(), qleven.consent()::withdrawFromChannel,
                qleven.scheduling().clientReplies(), cipher, listenerAudit, clock, new UuidV7Ids(clock));
    }

    /** Meta's side: every template send recorded and accepted with a new wamid. */
    private static final class RecordingGateway implements WhatsAppGateway {
        final List<TemplateMessage> sent = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger wamids = new AtomicInteger();

        @Override
        public SendResult sendTemplate(AccessToken token, TemplateMessage message) {
            sent.add(message);
            return new SendResult.Sent("wamid.out" + wamids.incrementAndGet());
        }

        @Override
        public SendResult sendText(AccessToken token, TextMessage message) {
            throw new AssertionError("no free text is sent here");
        }

        @Override
        public GraphResult<Acknowledged> markRead(AccessToken token, String phoneNumberId, String wamid) {
            throw new AssertionError("nothing is marked read here");
        }

        @Override
        public GraphResult<TemplatePage> listTemplates(AccessToken token, String wabaId, int limit,
                                                       Optional<String> after) {
            throw new AssertionError("no template sync here");
        }

        @Override
        public GraphResult<CreatedTemplate> createTemplate(AccessToken token, String wabaId, TemplateDraft draft) {
            throw new AssertionError("no template is created here");
        }

        @Override
        public GraphResult<AccessToken> exchangeSignupCode(String code) {
            throw new AssertionError("no signup here");
        }

        @Override
        public GraphResult<Acknowledged> registerPhoneNumber(AccessToken token, String phoneNumberId, String pin) {
            throw new AssertionError("no registration here");
        }

        @Override
        public GraphResult<Acknowledged> subscribeApp(AccessToken token, String wabaId) {
            throw new AssertionError("no subscription here");
        }
    }

    /** A connected center in Madrid: a professional working every day, a 60-minute service, templates with buttons. */
    private record Center(TenantId tenant, Principal admin, Principal desk, Principal professional, ServiceId service,
                          String phoneNumberId) {
    }

    private Center center() {
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        TenantId tenant = qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica Sol " + UUID.randomUUID().toString().substring(0, 8)).address("Calle 1")
                .taxId("B1").country("ES").timeZone("Europe/Madrid").currency("EUR").fullName("Ana Admin")
                .email(adminEmail).password(PASSWORD).ageConfirmed(true).client(from).build()).tenantId();
        Principal admin = signIn(qleven, adminEmail, from);
        Principal professional = staff(qleven, admin, "professional", from);
        Principal desk = staff(qleven, admin, "receptionist", from);
        ServiceId service = qleven.scheduling().createService(admin, ServiceCommand.builder().name("Limpieza facial")
                .durationMinutes(60).price(4500, "EUR").taxRate("21").build()).service().id();
        List<WeeklyHours.Entry> entries = new ArrayList<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            entries.add(new WeeklyHours.Entry(day, "08:00", "20:00"));
        }
        String phoneNumberId = "1" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        store.shared().transactions().inTenant(tenant, () -> {
            store.scheduling().staffSchedules().putWeekly(tenant, professional.userId(), WeeklyHours.parse(entries),
                    NOW);
            store.messaging().accounts().save(new ConnectedAccount(tenant, phoneNumberId, "2" + phoneNumberId,
                    "+34 910 000 000", new TokenSeal(cipher).seal(tenant, phoneNumberId,
                    new AccessToken("EAAtoken" + phoneNumberId)), ConnectedAccount.AccountStatus.CONNECTED, NOW,
                    NOW, 1));
            for (MessagePurpose purpose : List.of(MessagePurpose.CONFIRMATION, MessagePurpose.REMINDER,
                    MessagePurpose.CHANGE, MessagePurpose.CANCELLATION)) {
                store.messaging().templates().save(tenant, template(purpose), NOW);
            }
        });
        return new Center(tenant, admin, desk, professional, service, phoneNumberId);
    }

    /** "Hola {{1}}, te esperamos el {{2}}." with quick replies "Confirmar" (confirm) and "No puedo ir" (cancel). */
    private static WhatsAppTemplate template(MessagePurpose purpose) {
        return WhatsAppTemplate.fromMeta(new TemplateId(UUID.randomUUID()), purpose.wireName() + "_es", "es",
                        TemplateCategory.UTILITY, List.of(
                                TemplateComponent.of(ComponentKey.BODY, "Hola {{1}}, te esperamos el {{2}}."),
                                TemplateComponent.quickReply(0, "Confirmar"),
                                TemplateComponent.quickReply(1, "No puedo ir")),
                        TemplateStatus.APPROVED)
                .assign(purpose, List.of(new ParameterBinding(ComponentKey.BODY, ParameterSource.CLIENT_FIRST_NAME),
                                new ParameterBinding(ComponentKey.BODY, ParameterSource.APPOINTMENT_START)),
                        Map.of(0, ReplyAction.CONFIRM, 1, ReplyAction.CANCEL));
    }

    /** A client on {@code phone} who granted WhatsApp and marketing to staff. */
    private ClientId client(Center c, String name, String phone) {
        ClientId client = qleven.clients().create(c.admin(), CreateClientCommand.builder().fullName(name).phone(phone)
                .birthDate("1990-04-12").build()).id();
        for (String purpose : List.of("whatsapp", "marketing")) {
            qleven.consent().record(c.admin(), client, RecordConsentCommand.builder().purpose(purpose)
                    .decision("granted").channel("in_person").textVersion("2027-01").text(NOTICE).build());
        }
        return client;
    }

    private boolean allows(Center c, ClientId client, ConsentPurpose purpose) {
        return qleven.consent().allows(c.tenant(), client, purpose, clock.instant());
    }

    private List<ConsentEntry> history(Center c, ClientId client) {
        return qleven.consent().get(c.admin(), client).history();
    }

    private static final AtomicInteger INBOUND = new AtomicInteger();

    /** A text from the number, {@code ago} before now (Meta's timestamp). */
    private static ReceivedMessage text(Center c, String text, Instant at) {
        return new ReceivedMessage(c.phoneNumberId(), "wamid.in" + INBOUND.incrementAndGet() + UUID.randomUUID(),
                "34600111222", Optional.of("Lucía"), at, "text", Optional.of(text), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** A template quick-reply tap answering {@code context}: the title as text and, by default, as payload. */
    private static ReceivedMessage button(Center c, String title, String context, Instant at) {
        return new ReceivedMessage(c.phoneNumberId(), "wamid.in" + INBOUND.incrementAndGet() + UUID.randomUUID(),
                "34600111222", Optional.empty(), at, "button", Optional.of(title), Optional.of(context),
                Optional.of(title), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** An interactive button reply of id {@code id} answering {@code context}. */
    private static ReceivedMessage interactive(Center c, String id, String context, Instant at) {
        return new ReceivedMessage(c.phoneNumberId(), "wamid.in" + INBOUND.incrementAndGet() + UUID.randomUUID(),
                "34600111222", Optional.empty(), at, "interactive", Optional.of("Sí"), Optional.of(context),
                Optional.of(id), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    private AppointmentView book(Center c, ClientId client, Instant start) {
        return qleven.scheduling().book(c.desk(), new BookAppointmentCommand(client, c.service(), start,
                Optional.of(c.professional().userId())));
    }

    private AppointmentStatus status(Center c, AppointmentId id) {
        return qleven.scheduling().appointment(c.admin(), id).status();
    }

    private List<QueuedMessage> messages(Center c, AppointmentId appointment) {
        return store.shared().transactions().inTenant(c.tenant(), () -> store.messaging().outbox()
                .ofAppointment(c.tenant(), appointment, new PageRequest(PageRequest.MAX_LIMIT, Optional.empty()))
                .items());
    }

    /** Sends what is due and answers the wamid the appointment's confirmation got. */
    private String sentConfirmation(Center c, AppointmentId appointment) {
        Dispatcher.Counts counts = qleven.messaging().dispatchDue();
        assertThat(counts.sent()).as(counts.toString()).isGreaterThanOrEqualTo(1);
        return messages(c, appointment).stream().filter(m -> m.state().purpose() == MessagePurpose.CONFIRMATION)
                .findFirst().orElseThrow().state().wamid().orElseThrow();
    }

    /** What reached the gateway from the center's number (a store may hold other tests' centers). */
    private List<TemplateMessage> sendsOf(Center c) {
        synchronized (gateway.sent) {
            return gateway.sent.stream().filter(m -> m.phoneNumberId().equals(c.phoneNumberId())).toList();
        }
    }

    private List<String> auditActions(Center c) {
        return qleven.audit().list(c.admin(), new PageRequest(PageRequest.MAX_LIMIT, Optional.empty())).items()
                .stream().map(r -> r.event().action()).toList();
    }

    private List<CenterNotification> notifications(Center c) {
        CenterNotificationSeal seal = new CenterNotificationSeal(cipher);
        return store.shared().transactions().inTenant(c.tenant(), () -> store.privacy().centerNotifications()
                .list(c.tenant(), new PageRequest(PageRequest.MAX_LIMIT, Optional.empty())).items().stream()
                .map(seal::open).toList());
    }

    // --- opt-outs -------------------------------------------------------------------------------

    @Test
    void aStopInEveryLanguageWithdrawsWhatsAppAndMarketingAsALedgerEntryWithTheReplyAsProof() {
        Center c = center();
        for (String reply : List.of("STOP", "Arrêt !", "baja", "توقف")) {
            ClientId client = client(c, "Lucía Fernández", "600 111 222");
            clock.advance(Duration.ofMinutes(5));
            Instant sent = clock.instant().minusSeconds(30);
            ReceivedMessage stop = text(c, reply, sent);

            replies.onMessage(c.tenant(), stop, List.of(client));

            assertThat(allows(c, client, ConsentPurpose.WHATSAPP)).as(reply).isFalse();
            assertThat(allows(c, client, ConsentPurpose.MARKETING)).as(reply).isFalse();
            List<ConsentEntry> withdrawals = history(c, client).stream()
                    .filter(e -> e.decision() == ConsentDecision.WITHDRAWN).toList();
            assertThat(withdrawals).as(reply).hasSize(2).allSatisfy(e -> {
                assertThat(e.channel()).isEqualTo(ConsentChannel.WHATSAPP_REPLY);
                assertThat(e.proof()).contains(stop.wamid());
                assertThat(e.recordedBy()).isEmpty();
                assertThat(e.recordedAt()).as("when the client sent it").isEqualTo(sent);
                assertThat(e.notice().version()).isEqualTo("whatsapp-reply");
            });
            assertThat(withdrawals).extracting(ConsentEntry::purpose)
                    .containsExactlyInAnyOrder(ConsentPurpose.WHATSAPP, ConsentPurpose.MARKETING);
        }
    }

    @Test
    void aSharedNumberWithdrawsEveryClientOnItAndAReplayWritesNothingNew() {
        Center c = center();
        ClientId mother = client(c, "Carmen Ruiz", "600 222 333");
        ClientId son = client(c, "Pablo Ruiz", "600 222 333");
        ClientId other = client(c, "Otra Persona", "600 999 888");
        ReceivedMessage stop = text(c, "Stop", clock.instant());

        replies.onMessage(c.tenant(), stop, List.of(mother, son));
        int entries = history(c, mother).size() + history(c, son).size();
        replies.onMessage(c.tenant(), stop, List.of(mother, son));
        replies.onMessage(c.tenant(), text(c, "STOP STOP", clock.instant()), List.of(mother, son));

        for (ClientId withdrawn : List.of(mother, son)) {
            assertThat(allows(c, withdrawn, ConsentPurpose.WHATSAPP)).isFalse();
            assertThat(allows(c, withdrawn, ConsentPurpose.MARKETING)).isFalse();
        }
        assertThat(history(c, mother).size() + history(c, son).size()).as("already withdrawn: nothing new")
                .isEqualTo(entries);
        assertThat(allows(c, other, ConsentPurpose.WHATSAPP)).as("a client on another number").isTrue();
    }

    @Test
    void stopPromotionsWithdrawsMarketingOnlyAndAStopInsideASentenceNothing() {
        Center c = center();
        ClientId client = client(c, "Lucía Fernández", "600 111 222");
        replies.onMessage(c.tenant(), text(c, "no pares mis recordatorios, stop no", clock.instant()), List.of(client));
        replies.onMessage(c.tenant(), text(c, "Don't stop my reminders", clock.instant()), List.of(client));
        assertThat(allows(c, client, ConsentPurpose.WHATSAPP)).isTrue();
        assertThat(allows(c, client, ConsentPurpose.MARKETING)).isTrue();

        replies.onMessage(c.tenant(), text(c, "Stop promotions", clock.instant()), List.of(client));
        assertThat(allows(c, client, ConsentPurpose.WHATSAPP)).isTrue();
        assertThat(allows(c, client, ConsentPurpose.MARKETING)).isFalse();
    }

    @Test
    void theCentersOwnWordIsAStop() {
        Center c = center();
        ClientId client = client(c, "Lucía Fernández", "600 111 222");
        replies.onMessage(c.tenant(), text(c, "Basta ya", clock.instant()), List.of(client));
        assertThat(allows(c, client, ConsentPurpose.WHATSAPP)).as("not a word of this center yet").isTrue();

        qleven.messaging().saveSettings(c.admin(), new MessagingSettings(ReminderSchedule.standard(), 40,
                Duration.ofDays(90), List.of("Basta ya"), com.qleven.domain.messaging.FrequencyCap.standard()),
                Optional.empty());
        replies.onMessage(c.tenant(), text(c, "¡BASTA YA!", clock.instant()), List.of(client));
        assertThat(allows(c, client, ConsentPurpose.WHATSAPP)).isFalse();
        assertThat(allows(c, client, ConsentPurpose.MARKETING)).isFalse();
    }

    @Test
    void aClientWithoutConsentRecordsOrAnUnknownNumberIsNeverAFailure() {
        Center c = center();
        ClientId never = qleven.clients().create(c.admin(), CreateClientCommand.builder().fullName("Sin Registro")
                .phone("600 333 444").build()).id();
        replies.onMessage(c.tenant(), text(c, "STOP", clock.instant()), List.of(never));
        replies.onMessage(c.tenant(), text(c, "STOP", clock.instant()), List.of());
        assertThat(history(c, never)).isEmpty();
    }

    @Test
    void whatsAppsMarketingStopWithdrawsMarketingOnlyAndAResumeGrantsNothing() {
        Center c = center();
        ClientId client = client(c, "Lucía Fernández", "600 111 222");
        clock.advance(Duration.ofHours(1));
        Instant at = clock.instant().minusSeconds(10).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        replies.onPreference(c.tenant(), new PreferenceChange(c.phoneNumberId(), "34600111222", at,
                "marketing_messages", "stop", Optional.of("User requested to stop marketing messages")), List.of(client));

        assertThat(allows(c, client, ConsentPurpose.WHATSAPP)).isTrue();
        assertThat(allows(c, client, ConsentPurpose.MARKETING)).isFalse();
        ConsentEntry stop = history(c, client).get(history(c, client).size() - 1);
        assertThat(stop.proof()).contains("user_preferences:" + at.getEpochSecond());
        assertThat(stop.recordedAt()).isEqualTo(at);
        assertThat(stop.channel()).isEqualTo(ConsentChannel.WHATSAPP_REPLY);

        int entries = history(c, client).size();
        clock.advance(Duration.ofMinutes(1));
        replies.onPreference(c.tenant(), new PreferenceChange(c.phoneNumberId(), "34600111222", clock.instant(),
                "marketing_messages", "resume", Optional.empty()), List.of(client));
        assertThat(allows(c, client, ConsentPurpose.MARKETING)).as("consent is explicit").isFalse();
        assertThat(history(c, client)).hasSize(entries);
        assertThat(listenerAudit.events()).extracting(AuditEvent::action).containsExactly("consent.whatsapp_resume_heard");
        assertThat(listenerAudit.events().get(0).subjectId()).contains(client.value());
    }

    @Test
    void afterAStopTheQueuedReminderIsSkippedAtSendTimeAndNothingReachesTheGateway() {
        Center c = center();
        ClientId client = client(c, "Lucía Fernández", "600 111 222");
        AppointmentView booked = book(c, client, NOW.plus(Duration.ofDays(3)));
        sentConfirmation(c, booked.id());
        assertThat(sendsOf(c)).hasSize(1);
        List<QueuedMessage> reminders = messages(c, booked.id()).stream()
                .filter(m -> m.state().purpose() == MessagePurpose.REMINDER).toList();
        assertThat(reminders).isNotEmpty().allSatisfy(m -> assertThat(m.state().status()).isEqualTo(MessageStatus.QUEUED));

        replies.onMessage(c.tenant(), text(c, "STOP", clock.instant()), List.of(client));
        clock.advance(Duration.ofDays(3));
        qleven.messaging().dispatchDue();

        assertThat(sendsOf(c)).as("only the confirmation sent before the STOP").hasSize(1);
        assertThat(messages(c, booked.id()).stream().filter(m -> m.state().purpose() == MessagePurpose.REMINDER))
                .isNotEmpty().allSatisfy(m -> {
                    assertThat(m.state().status()).isEqualTo(MessageStatus.SKIPPED);
                    assertThat(m.state().skipReason()).contains(SkipReason.NO_WHATSAPP_CONSENT);
                });
    }

    // --- reply buttons --------------------------------------------------------------------------

    @Test
    void aQuickReplyConfirmsTheAppointmentOnceWithTheReplyOnTheAuditTrail() {
        Center c = center();
        ClientId client = client(c, "Lucía Fernández", "600 111 222");
        AppointmentView booked = book(c, client, NOW.plus(Duration.ofDays(3)));
        String wamid = sentConfirmation(c, booked.id());

        ReceivedMessage tap = button(c, "Confirmar", wamid, clock.instant());
        replies.onMessage(c.tenant(), tap, List.of(client));
        assertThat(status(c, booked.id())).isEqualTo(AppointmentStatus.CONFIRMED);
        long version = qleven.scheduling().appointment(c.admin(), booked.id()).version();
        assertThat(auditActions(c)).contains("appointment.confirm_by_whatsapp", "appointment.evidence");

        // Again (a replay, or a second tap): confirmed already, nothing changes.
        replies.onMessage(c.tenant(), tap, List.of(client));
        replies.onMessage(c.tenant(), button(c, "Confirmar", wamid, clock.instant()), List.of(client));
        assertThat(qleven.scheduling().appointment(c.admin(), booked.id()).version()).isEqualTo(version);
        assertThat(auditActions(c).stream().filter("appointment.confirm_by_whatsapp"::equals)).hasSize(1);
        assertThat(notifications(c)).isEmpty();
    }

    @Test
    void aQuickReplyCancelsWithinTheWindowAndTheCancellationNoticeIsQueued() {
        Center c = center();
        ClientId client = client(c, "Lucía Fernández", "600 111 222");
        AppointmentView booked = book(c, client, NOW.plus(Duration.ofDays(3)));
        String wamid = sentConfirmation(c, booked.id());

        replies.onMessage(c.tenant(), button(c, "No puedo ir", wamid, clock.instant()), List.of(client));

        AppointmentView cancelled = qleven.scheduling().appointment(c.admin(), booked.id());
        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(messages(c, booked.id())).filteredOn(m -> m.state().purpose() == MessagePurpose.CANCELLATION)
                .singleElement().satisfies(m -> assertThat(m.state().status()).isEqualTo(MessageStatus.QUEUED));
        assertThat(messages(c, booked.id())).filteredOn(m -> m.state().purpose() == MessagePurpose.REMINDER)
                .allSatisfy(m -> assertThat(m.state().status()).isEqualTo(MessageStatus.SKIPPED));
        assertThat(auditActions(c)).contains("appointment.cancel_by_whatsapp");
        // The client's own cancellation, tapped again: nothing more, nothing to tell staff.
        replies.onMessage(c.tenant(), button(c, "No puedo ir", wamid, clock.instant()), List.of(client));
        assertThat(notifications(c)).isEmpty();
        assertThat(messages(c, booked.id())).filteredOn(m -> m.state().purpose() == MessagePurpose.CANCELLATION)
                .hasSize(1);
    }

    @Test
    void anInteractiveReplyActsByItsIdAndAnyOtherIdDoesNothing() {
        Center c = center();
        ClientId client = client(c, "Lucía Fernández", "600 111 222");
        AppointmentView first = book(c, client, NOW.plus(Duration.ofDays(3)));
        String firstWamid = sentConfirmation(c, first.id());
        AppointmentView second = book(c, client, NOW.plus(Duration.ofDays(4)));
        String secondWamid = sentConfirmation(c, second.id());

        replies.onMessage(c.tenant(), interactive(c, "maybe", firstWamid, clock.instant()), List.of(client));
        assertThat(status(c, first.id())).isEqualTo(AppointmentStatus.BOOKED);
        replies.onMessage(c.tenant(), interactive(c, "confirm", firstWamid, clock.instant()), List.of(client));
        replies.onMessage(c.tenant(), interactive(c, "cancel", secondWamid, clock.instant()), List.of(client));

        assertThat(status(c, first.id())).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(status(c, second.id())).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void aReplyToAnotherClientsMessageOrToAMessageAboutNoAppointmentDoesNothing() {
        Center c = center();
        ClientId lucia = client(c, "Lucía Fernández", "600 111 222");
        ClientId marta = client(c, "Marta Gil", "600 555 666");
        AppointmentView hers = book(c, lucia, NOW.plus(Duration.ofDays(3)));
        String wamid = sentConfirmation(c, hers.id());
        assertThat(messages(c, hers.id()).get(0).client()).isEqualTo(lucia);

        // Marta's number answers Lucía's message: not hers.
        replies.onMessage(c.tenant(), button(c, "No puedo ir", wamid, clock.instant()), List.of(marta));
        // A message of no one's.
        replies.onMessage(c.tenant(), button(c, "No puedo ir", "wamid.unknown", clock.instant()), List.of(lucia));
        // A marketing message, about no appointment.
        OutboundMessageId promo = new OutboundMessageId(UUID.randomUUID());
        store.shared().transactions().inTenant(c.tenant(), () -> store.messaging().outbox().add(new QueuedMessage(
                c.tenant(), OutboundMessage.queue(promo, MessagePurpose.MARKETING, NOW).markSending(NOW)
                        .accepted("wamid.promo" + promo, NOW), lucia, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), new byte[] {1})));
        replies.onMessage(c.tenant(), button(c, "No puedo ir", "wamid.promo" + promo, clock.instant()),
                List.of(lucia));
        // A plain text answering the message is no button.
        replies.onMessage(c.tenant(), new ReceivedMessage(c.phoneNumberId(), "wamid.plain" + UUID.randomUUID(),
                "34600111222", Optional.empty(), clock.instant(), "text", Optional.of("No puedo ir"),
                Optional.of(wamid), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of()),
                List.of(lucia));

        assertThat(status(c, hers.id())).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(notifications(c)).isEmpty();
    }

    @Test
    void aCancellationTooLateIsRefusedChangesNothingAndTellsStaffOncePerReply() {
        Center c = center();
        ClientId client = client(c, "Lucía Fernández", "600 111 222");
        // In three hours: inside the default 24-hour cancellation window.
        AppointmentView soon = book(c, client, NOW.plus(Duration.ofHours(3)));
        String wamid = sentConfirmation(c, soon.id());
        long version = qleven.scheduling().appointment(c.admin(), soon.id()).version();

        ReceivedMessage tap = button(c, "No puedo ir", wamid, clock.instant());
        replies.onMessage(c.tenant(), tap, List.of(client));
        replies.onMessage(c.tenant(), tap, List.of(client));

        AppointmentView after = qleven.scheduling().appointment(c.admin(), soon.id());
        assertThat(after.status()).isEqualTo(AppointmentStatus.BOOKED);
        assertThat(after.version()).isEqualTo(version);
        assertThat(messages(c, soon.id())).noneMatch(m -> m.state().purpose() == MessagePurpose.CANCELLATION);
        assertThat(notifications(c)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("whatsapp_reply_refused");
            assertThat(n.text()).contains(soon.id().toString(), "cancel").doesNotContain("Lucía");
        });

        // Another tap is another reply: staff hear of it too. A confirmation is still allowed.
        replies.onMessage(c.tenant(), button(c, "No puedo ir", wamid, clock.instant()), List.of(client));
        assertThat(notifications(c)).hasSize(2);
        replies.onMessage(c.tenant(), button(c, "Confirmar", wamid, clock.instant()), List.of(client));
        assertThat(status(c, soon.id())).isEqualTo(AppointmentStatus.CONFIRMED);
    }

    @Test
    void aReplyToAnAppointmentStaffCancelledIsRefusedAndToldToStaff() {
        Center c = center();
        ClientId client = client(c, "Lucía Fernández", "600 111 222");
        AppointmentView booked = book(c, client, NOW.plus(Duration.ofDays(3)));
        String wamid = sentConfirmation(c, booked.id());
        qleven.scheduling().cancel(c.desk(), booked.id(), "el centro cierra");

        replies.onMessage(c.tenant(), button(c, "Confirmar", wamid, clock.instant()), List.of(client));
        replies.onMessage(c.tenant(), button(c, "No puedo ir", wamid, clock.instant()), List.of(client));

        assertThat(status(c, booked.id())).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(notifications(c)).hasSize(2);
    }
}

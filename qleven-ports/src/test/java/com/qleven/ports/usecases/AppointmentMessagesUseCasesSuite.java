package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.application.messaging.MessageParameters;
import com.qleven.application.messaging.TokenSeal;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.ComponentKey;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.MessageStatus;
import com.qleven.domain.messaging.MessagingSettings;
import com.qleven.domain.messaging.ParameterBinding;
import com.qleven.domain.messaging.ParameterSource;
import com.qleven.domain.messaging.ReminderSchedule;
import com.qleven.domain.messaging.SkipReason;
import com.qleven.domain.messaging.TemplateCategory;
import com.qleven.domain.messaging.TemplateComponent;
import com.qleven.domain.messaging.TemplateId;
import com.qleven.domain.messaging.TemplateStatus;
import com.qleven.domain.messaging.WhatsAppTemplate;
import com.qleven.domain.scheduling.AppointmentId;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.scheduling.WeeklyHours;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.PreconditionFailedException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.messaging.in.MessagingSettingsView;
import com.qleven.ports.messaging.out.AccessToken;
import com.qleven.ports.messaging.out.ConnectedAccount;
import com.qleven.ports.messaging.out.QueuedMessage;
import com.qleven.ports.privacy.in.CreatePrivacyRequestCommand;
import com.qleven.ports.scheduling.in.AppointmentView;
import com.qleven.ports.scheduling.in.BookAppointmentCommand;
import com.qleven.ports.scheduling.in.BookSeriesCommand;
import com.qleven.ports.scheduling.in.PublicBooking;
import com.qleven.ports.scheduling.in.RescheduleCommand;
import com.qleven.ports.scheduling.in.ServiceCommand;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Appointment messages and the messaging settings against every store, through the facades: a
 * booking queues one confirmation and the reminders at the center's offsets in its zone (calendar
 * days across a daylight-saving change, none in the past), in the booking's own unit of work; a move
 * skips the pending reminders and queues new ones with a change notice; a cancellation skips them with
 * a cancellation notice; a message without an approved template, or needing what the step lacks, is
 * recorded skipped with its reason; a center with no connected number gets none; the export opens each
 * message's parameters and an erasure deletes what was never sent.
 */
public abstract class AppointmentMessagesUseCasesSuite extends UseCasesSuiteBase {
    private static final String PASSWORD = "correct horse battery";
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Locale ES = Locale.forLanguageTag("es-ES");
    /** Saturday 20 March 2027, 09:00 in Madrid (CET, a week before summer time starts on the 28th). */
    private static final Instant NOW = Instant.parse("2027-03-20T08:00:00Z");

    private MutableClock clock;
    private QlevenStore store;
    private FieldCipher cipher;
    private Qleven qleven;
    private ClientInfo from;

    @BeforeEach
    void buildCore() {
        clock = new MutableClock(NOW);
        from = clientAtAnAddressOfItsOwn("test", Optional.empty());
        store = newStore();
        cipher = cipher(store);
        qleven = core(store, cipher).clock(clock).signupsPerAddressPerHour(1000).build();
    }

    /** A center in Madrid with a professional working every day, a client, a 60-minute service. */
    private record Center(TenantId tenant, Principal admin, Principal desk, Principal professional, ClientId client,
                          ServiceId service, String slug) {
    }

    private Center center(boolean connected) {
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        TenantId tenant = qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica Sol " + UUID.randomUUID().toString().substring(0, 8)).address("Calle 1")
                .taxId("B1").country("ES").timeZone("Europe/Madrid").currency("EUR").fullName("Ana Admin")
                .email(adminEmail).password(PASSWORD).ageConfirmed(true).client(from).build()).tenantId();
        Principal admin = signIn(qleven, adminEmail, from);
        Principal professional = staff(qleven, admin, "professional", from);
        Principal desk = staff(qleven, admin, "receptionist", from);
        ClientId client = qleven.clients().create(admin, CreateClientCommand.builder()
                .fullName("Lucía  Fernández Ruiz").phone("600 111 222").build()).id();
        ServiceId service = qleven.scheduling().createService(admin, ServiceCommand.builder().name("Limpieza facial")
                .durationMinutes(60).price(4500, "EUR").taxRate("21").build()).service().id();
        List<WeeklyHours.Entry> entries = new ArrayList<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
            entries.add(new WeeklyHours.Entry(day, "08:00", "20:00"));
        }
        String slug = qleven.scheduling().center(admin).settings().slug();
        store.shared().transactions().inTenant(tenant, () -> {
            store.scheduling().staffSchedules().putWeekly(tenant, professional.userId(), WeeklyHours.parse(entries),
                    NOW);
            if (connected) {
                String phoneNumberId = "1" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
                store.messaging().accounts().save(new ConnectedAccount(tenant, phoneNumberId, "2" + phoneNumberId,
                        "+34 910 000 000", new TokenSeal(cipher).seal(tenant, phoneNumberId,
                        new AccessToken("EAAtoken" + phoneNumberId)), ConnectedAccount.AccountStatus.CONNECTED, NOW,
                        NOW, 1));
            }
            return null;
        });
        return new Center(tenant, admin, desk, professional, client, service, slug);
    }

    /** An approved template of {@code purpose} in Spanish: "Hola {{1}}, {{2}} con {{3}}: {{4}}." */
    private WhatsAppTemplate template(Center c, MessagePurpose purpose, String language, ParameterSource... body) {
        StringBuilder text = new StringBuilder("Hola");
        for (int i = 1; i <= body.length; i++) {
            text.append(" {{").append(i).append("}}");
        }
        WhatsAppTemplate t = WhatsAppTemplate.fromMeta(new TemplateId(UUID.randomUUID()),
                        purpose.wireName() + "_" + language.toLowerCase(Locale.ROOT), language,
                        TemplateCategory.UTILITY, List.of(TemplateComponent.of(ComponentKey.BODY, text.toString())),
                        TemplateStatus.APPROVED)
                .assign(purpose, java.util.Arrays.stream(body).map(s -> new ParameterBinding(ComponentKey.BODY, s))
                        .toList());
        store.shared().transactions().inTenant(c.tenant(), () -> store.messaging().templates().save(c.tenant(), t,
                NOW));
        return t;
    }

    /** Templates for every appointment purpose: the client's first name, the start, the service, the professional. */
    private void templates(Center c) {
        for (MessagePurpose p : List.of(MessagePurpose.CONFIRMATION, MessagePurpose.REMINDER, MessagePurpose.CHANGE,
                MessagePurpose.CANCELLATION)) {
            template(c, p, "es", ParameterSource.CLIENT_FIRST_NAME, ParameterSource.APPOINTMENT_START,
                    ParameterSource.SERVICE_NAME, ParameterSource.PROFESSIONAL_FIRST_NAME);
        }
    }

    private static Instant madrid(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), MADRID).toInstant();
    }

    private AppointmentView book(Center c, Instant start) {
        return qleven.scheduling().book(c.desk(), new BookAppointmentCommand(c.client(), c.service(), start,
                Optional.of(c.professional().userId())));
    }

    /** The appointment's messages, oldest first (then by due time). */
    private List<QueuedMessage> messages(Center c, AppointmentId appointment) {
        List<QueuedMessage> all = new ArrayList<>(store.shared().transactions().inTenant(c.tenant(),
                () -> store.messaging().outbox().ofAppointment(c.tenant(), appointment,
                        new PageRequest(PageRequest.MAX_LIMIT, Optional.empty())).items()));
        all.sort(Comparator.comparing((QueuedMessage m) -> m.state().createdAt())
                .thenComparing(m -> m.state().nextAttemptAt().orElse(Instant.MAX)));
        return all;
    }

    private static List<QueuedMessage> of(List<QueuedMessage> messages, MessagePurpose purpose) {
        return messages.stream().filter(m -> m.state().purpose() == purpose).toList();
    }

    private static List<Instant> dueTimes(List<QueuedMessage> messages) {
        return messages.stream().map(m -> m.state().nextAttemptAt().orElseThrow()).sorted().toList();
    }

    private Map<ComponentKey, List<String>> parameters(Center c, QueuedMessage m) {
        return store.shared().transactions().inTenant(c.tenant(),
                () -> new MessageParameters(cipher).open(c.tenant(), m.state().id(), m.sealedParameters()));
    }

    private static String local(Instant at) {
        return ZonedDateTime.ofInstant(at, MADRID).format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM,
                FormatStyle.SHORT).withLocale(ES));
    }

    // --- booking --------------------------------------------------------------------------------

    @Test
    void aBookingQueuesOneConfirmationAndItsRemindersAtCalendarOffsetsAcrossTheDaylightSavingChange() {
        Center c = center(true);
        templates(c);
        // Sunday 28 March 2027, 10:00 in Madrid: summer time began at 02:00 that night, so the day
        // before was 23 hours long. "24 hours before" is 10:00 on Saturday (CET), 23 hours earlier.
        Instant start = madrid("2027-03-28T10:00");
        AppointmentView booked = book(c, start);

        List<QueuedMessage> messages = messages(c, booked.id());
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.client()).isEqualTo(c.client());
            assertThat(m.appointment()).contains(booked.id());
            assertThat(m.state().status()).isEqualTo(MessageStatus.QUEUED);
            assertThat(m.state().attempts()).isZero();
        });
        List<QueuedMessage> confirmation = of(messages, MessagePurpose.CONFIRMATION);
        assertThat(confirmation).singleElement().satisfies(m -> {
            assertThat(m.state().nextAttemptAt()).contains(NOW);
            assertThat(m.templateName()).contains("confirmation_es");
            assertThat(m.templateLanguage()).contains("es");
        });
        assertThat(start).isEqualTo(Instant.parse("2027-03-28T08:00:00Z"));
        assertThat(dueTimes(of(messages, MessagePurpose.REMINDER))).containsExactly(
                Instant.parse("2027-03-27T09:00:00Z"), Instant.parse("2027-03-28T06:00:00Z"));
        assertThat(messages).hasSize(3);

        // Rendered from the booking, in the center's zone and locale, and sealed under the client's key.
        Map<ComponentKey, List<String>> texts = parameters(c, confirmation.get(0));
        assertThat(texts.get(ComponentKey.BODY)).containsExactly("Lucía", local(start), "Limpieza facial", "Staff");
        assertThat(texts.get(ComponentKey.BODY).get(1)).contains("10:00");
        assertThat(new String(confirmation.get(0).sealedParameters(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("Lucía", "Limpieza");
    }

    @Test
    void remindersWhoseTimeHasPassedAreNotQueuedAndALateBookingGetsOnlyWhatIsAhead() {
        Center c = center(true);
        templates(c);
        // Booked at 09:00 for 12:00 the same day: the 24-hour reminder is past, the 2-hour one at 10:00 is not.
        AppointmentView today = book(c, madrid("2027-03-20T12:00"));
        assertThat(dueTimes(of(messages(c, today.id()), MessagePurpose.REMINDER)))
                .containsExactly(madrid("2027-03-20T10:00"));
        // Booked for 10:30: even the 2-hour reminder would be in the past; the confirmation still goes.
        AppointmentView soon = book(c, madrid("2027-03-20T10:30"));
        List<QueuedMessage> messages = messages(c, soon.id());
        assertThat(of(messages, MessagePurpose.REMINDER)).isEmpty();
        assertThat(of(messages, MessagePurpose.CONFIRMATION)).hasSize(1);
    }

    @Test
    void theCentersOwnOffsetsApplyToTheAppointmentsBookedAfterThem() {
        Center c = center(true);
        templates(c);
        MessagingSettingsView saved = qleven.messaging().saveSettings(c.admin(), new MessagingSettings(
                new ReminderSchedule(List.of(Duration.ofHours(3), Duration.ofDays(2))), 20, Duration.ofDays(30)),
                Optional.of(0L));
        assertThat(saved.version()).isEqualTo(1);
        AppointmentView booked = book(c, madrid("2027-03-25T17:00"));
        assertThat(dueTimes(of(messages(c, booked.id()), MessagePurpose.REMINDER)))
                .containsExactly(madrid("2027-03-23T17:00"), madrid("2027-03-25T14:00"));
        // No reminders at all when the center wants none.
        qleven.messaging().saveSettings(c.admin(), new MessagingSettings(new ReminderSchedule(List.of()), 20,
                Duration.ofDays(30)), Optional.empty());
        assertThat(of(messages(c, book(c, madrid("2027-03-26T17:00")).id()), MessagePurpose.REMINDER)).isEmpty();
    }

    @Test
    void aSeriesIsConfirmedOnceAndEachOccurrenceGetsItsReminders() {
        Center c = center(true);
        templates(c);
        List<AppointmentView> series = qleven.scheduling().bookSeries(c.desk(), new BookSeriesCommand(c.client(),
                c.service(), madrid("2027-03-22T11:00"), Optional.of(c.professional().userId()), 1, 3));
        assertThat(series).hasSize(3);
        assertThat(of(messages(c, series.get(0).id()), MessagePurpose.CONFIRMATION)).hasSize(1);
        for (int i = 0; i < 3; i++) {
            List<QueuedMessage> messages = messages(c, series.get(i).id());
            if (i > 0) {
                assertThat(of(messages, MessagePurpose.CONFIRMATION)).isEmpty();
            }
            Instant start = series.get(i).start();
            assertThat(dueTimes(of(messages, MessagePurpose.REMINDER)))
                    .containsExactly(start.minus(Duration.ofDays(1)), start.minus(Duration.ofHours(2)));
        }
    }

    // --- move and cancellation ------------------------------------------------------------------

    @Test
    void aMoveSkipsThePendingRemindersAndQueuesNewOnesWithAChangeNotice() {
        Center c = center(true);
        templates(c);
        AppointmentView booked = book(c, madrid("2027-03-24T10:00"));
        List<QueuedMessage> before = of(messages(c, booked.id()), MessagePurpose.REMINDER);
        assertThat(before).hasSize(2);
        clock.advance(Duration.ofHours(1));

        Instant moved = madrid("2027-03-26T16:00");
        qleven.scheduling().reschedule(c.desk(), new RescheduleCommand(booked.id(), moved, Optional.empty()));

        List<QueuedMessage> after = messages(c, booked.id());
        List<QueuedMessage> reminders = of(after, MessagePurpose.REMINDER);
        assertThat(reminders).hasSize(4);
        assertThat(reminders.stream().filter(m -> before.stream().anyMatch(b -> b.state().id().equals(m.state().id()))))
                .hasSize(2).allSatisfy(old -> {
                    assertThat(old.state().status()).isEqualTo(MessageStatus.SKIPPED);
                    assertThat(old.state().skipReason()).contains(SkipReason.RESCHEDULED);
                });
        assertThat(dueTimes(reminders.stream().filter(m -> m.state().status() == MessageStatus.QUEUED).toList()))
                .containsExactly(madrid("2027-03-25T16:00"), madrid("2027-03-26T14:00"));
        assertThat(of(after, MessagePurpose.CHANGE)).singleElement().satisfies(notice -> {
            assertThat(notice.state().status()).isEqualTo(MessageStatus.QUEUED);
            assertThat(notice.state().nextAttemptAt()).contains(clock.instant());
            assertThat(parameters(c, notice).get(ComponentKey.BODY).get(1)).isEqualTo(local(moved));
        });
        // The confirmation of the first booking stays as it was.
        assertThat(of(after, MessagePurpose.CONFIRMATION)).singleElement()
                .satisfies(m -> assertThat(m.state().status()).isEqualTo(MessageStatus.QUEUED));
    }

    @Test
    void aCancellationSkipsThePendingRemindersAndQueuesACancellationNotice() {
        Center c = center(true);
        templates(c);
        AppointmentView booked = book(c, madrid("2027-03-24T10:00"));

        qleven.scheduling().cancel(c.desk(), booked.id(), "The client called");

        List<QueuedMessage> after = messages(c, booked.id());
        assertThat(of(after, MessagePurpose.REMINDER)).hasSize(2).allSatisfy(r -> {
            assertThat(r.state().status()).isEqualTo(MessageStatus.SKIPPED);
            assertThat(r.state().skipReason()).contains(SkipReason.APPOINTMENT_CANCELLED);
        });
        assertThat(of(after, MessagePurpose.CANCELLATION)).singleElement()
                .satisfies(m -> assertThat(m.state().status()).isEqualTo(MessageStatus.QUEUED));
        assertThat(after).hasSize(4);
    }

    // --- what cannot be sent is recorded, never silent --------------------------------------------

    @Test
    void withoutAnApprovedTemplateEachMessageIsRecordedSkippedWithItsReason() {
        Center c = center(true);
        // Only a reminder template, and a confirmation one in a language neither the client nor the center speaks.
        template(c, MessagePurpose.REMINDER, "es_ES", ParameterSource.CLIENT_FIRST_NAME);
        template(c, MessagePurpose.CONFIRMATION, "fr", ParameterSource.CLIENT_FIRST_NAME);
        WhatsAppTemplate pending = WhatsAppTemplate.submitted(new TemplateId(UUID.randomUUID()), "pending_es", "es",
                TemplateCategory.UTILITY, List.of(TemplateComponent.of(ComponentKey.BODY, "Hola")));
        store.shared().transactions().inTenant(c.tenant(), () -> store.messaging().templates().save(c.tenant(),
                pending, NOW));

        AppointmentView booked = book(c, madrid("2027-03-24T10:00"));

        List<QueuedMessage> messages = messages(c, booked.id());
        assertThat(of(messages, MessagePurpose.CONFIRMATION)).singleElement().satisfies(m -> {
            assertThat(m.state().status()).isEqualTo(MessageStatus.SKIPPED);
            assertThat(m.state().skipReason()).contains(SkipReason.NO_APPROVED_TEMPLATE);
            assertThat(m.template()).isEmpty();
            assertThat(m.sealedParameters()).isEmpty();
        });
        assertThat(of(messages, MessagePurpose.REMINDER)).hasSize(2).allSatisfy(m -> {
            assertThat(m.state().status()).isEqualTo(MessageStatus.QUEUED);
            assertThat(m.templateName()).contains("reminder_es_es");
        });
    }

    @Test
    void theClientsPreferredLanguagePicksTheTemplateElseTheCentersLocale() {
        Center c = center(true);
        template(c, MessagePurpose.CONFIRMATION, "es", ParameterSource.CLIENT_FIRST_NAME);
        template(c, MessagePurpose.CONFIRMATION, "fr", ParameterSource.CLIENT_FIRST_NAME);
        ClientId french = qleven.clients().create(c.admin(), CreateClientCommand.builder().fullName("Amélie Durand")
                .phone("600 222 333").preferredLanguage("fr-MA").build()).id();
        AppointmentView hers = qleven.scheduling().book(c.desk(), new BookAppointmentCommand(french, c.service(),
                madrid("2027-03-24T10:00"), Optional.of(c.professional().userId())));
        assertThat(of(messages(c, hers.id()), MessagePurpose.CONFIRMATION)).singleElement().satisfies(m -> {
            assertThat(m.templateLanguage()).contains("fr");
            assertThat(parameters(c, m).get(ComponentKey.BODY)).containsExactly("Amélie");
        });
        // No preferred language: the center's (es-ES).
        AppointmentView theirs = book(c, madrid("2027-03-24T12:00"));
        assertThat(of(messages(c, theirs.id()), MessagePurpose.CONFIRMATION)).singleElement()
                .satisfies(m -> assertThat(m.templateLanguage()).contains("es"));
    }

    @Test
    void aStaffBookingHasNoManageLinkSoATemplateNeedingOneIsSkippedWhileAnOnlineBookingSendsItsOwn() {
        Center c = center(true);
        template(c, MessagePurpose.CONFIRMATION, "es", ParameterSource.CLIENT_FIRST_NAME, ParameterSource.MANAGE_LINK);
        template(c, MessagePurpose.REMINDER, "es", ParameterSource.APPOINTMENT_TIME);

        AppointmentView staffBooking = book(c, madrid("2027-03-24T10:00"));
        assertThat(of(messages(c, staffBooking.id()), MessagePurpose.CONFIRMATION)).singleElement().satisfies(m -> {
            assertThat(m.state().status()).isEqualTo(MessageStatus.SKIPPED);
            assertThat(m.state().skipReason()).contains(SkipReason.MISSING_PARAMETER);
            assertThat(m.templateName()).contains("confirmation_es");
        });

        PublicBooking.Booked online = qleven.scheduling().bookOnline(
                qleven.scheduling().admitPublicBooking(c.slug(), "10.9." + UUID.randomUUID().hashCode()),
                new PublicBooking.BookCommand(c.service(), madrid("2027-03-25T12:00"),
                        Optional.of(c.professional().userId()), "Marta Soler", "600 999 888", null, List.of(),
                        "test"));
        List<QueuedMessage> messages = messages(c, online.appointment().id());
        assertThat(of(messages, MessagePurpose.CONFIRMATION)).singleElement().satisfies(m -> {
            assertThat(m.state().status()).isEqualTo(MessageStatus.QUEUED);
            assertThat(parameters(c, m).get(ComponentKey.BODY))
                    .containsExactly("Marta", online.manageUrl().toString());
        });
        assertThat(of(messages, MessagePurpose.REMINDER)).hasSize(2)
                .allSatisfy(m -> assertThat(parameters(c, m).get(ComponentKey.BODY)).containsExactly("12:00"));
    }

    @Test
    void aCenterWithoutAConnectedNumberGetsNoMessagesAtAll() {
        Center c = center(false);
        templates(c);
        AppointmentView booked = book(c, madrid("2027-03-24T10:00"));
        qleven.scheduling().reschedule(c.desk(), new RescheduleCommand(booked.id(), madrid("2027-03-25T10:00"),
                Optional.empty()));
        qleven.scheduling().cancel(c.desk(), booked.id(), "Closed");
        assertThat(messages(c, booked.id())).isEmpty();
    }

    // --- settings -----------------------------------------------------------------------------------

    @Test
    void everyRoleReadsTheSettingsOnlyAdministratorsChangeThemAndAStaleVersionIsRefused() {
        Center c = center(false);
        MessagingSettingsView defaults = qleven.messaging().settings(c.professional());
        assertThat(defaults.settings()).isEqualTo(MessagingSettings.defaults());
        assertThat(defaults.version()).isZero();
        MessagingSettings changed = new MessagingSettings(new ReminderSchedule(List.of(Duration.ofHours(1))), 10,
                Duration.ofDays(7));
        assertThatThrownBy(() -> qleven.messaging().saveSettings(c.desk(), changed, Optional.empty()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(qleven.messaging().saveSettings(c.admin(), changed, Optional.of(0L)).version()).isEqualTo(1);
        assertThatThrownBy(() -> qleven.messaging().saveSettings(c.admin(), MessagingSettings.defaults(),
                Optional.of(0L))).isInstanceOf(PreconditionFailedException.class);
        MessagingSettingsView read = qleven.messaging().settings(c.desk());
        assertThat(read.settings()).isEqualTo(changed);
        assertThat(read.version()).isEqualTo(1);
        // Another center still runs on the defaults.
        assertThat(qleven.messaging().settings(center(false).admin()).version()).isZero();
    }

    // --- privacy ------------------------------------------------------------------------------------

    @Test
    void theExportOpensEachMessagesParametersAndAnErasureDeletesWhatWasNeverSent() {
        Center c = center(true);
        templates(c);
        AppointmentView booked = book(c, madrid("2027-03-24T10:00"));

        Map<String, Object> export = qleven.privacy().export(c.admin(), c.client());
        @SuppressWarnings("unchecked")
        Map<String, Object> section = (Map<String, Object>) ((Map<String, Object>) export.get("sections"))
                .get("messages");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) section.get("items");
        assertThat(items).hasSize(3);
        assertThat(items).extracting(i -> i.get("purpose")).containsExactlyInAnyOrder("confirmation", "reminder",
                "reminder");
        assertThat(items).allSatisfy(i -> {
            assertThat(i.get("appointmentId")).isEqualTo(booked.id().toString());
            assertThat(i.get("status")).isEqualTo("queued");
            assertThat(i.get("language")).isEqualTo("es");
            assertThat(i.get("parameters").toString()).contains("Lucía", "Limpieza facial");
        });

        var erasure = qleven.privacy().createRequest(c.admin(),
                CreatePrivacyRequestCommand.parse(c.client().toString(), "erasure", null));
        qleven.privacy().completeRequest(c.admin(), erasure.id(), "Erased.");

        assertThat(messages(c, booked.id())).isEmpty();
        assertThat(qleven.privacy().export(c.admin(), c.client()).toString()).doesNotContain("Lucía");
    }
}

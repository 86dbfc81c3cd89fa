package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.application.consent.ConsentCheckService;
import com.qleven.application.consent.ConsentNoticesService;
import com.qleven.application.consent.ConsentRecords;
import com.qleven.application.consent.GetConsentsService;
import com.qleven.application.consent.RecordConsentFromChannelService;
import com.qleven.application.consent.RecordConsentService;
import com.qleven.application.shared.UuidV7Ids;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.consent.ConsentChannel;
import com.qleven.domain.consent.ConsentDecision;
import com.qleven.domain.consent.ConsentEntry;
import com.qleven.domain.consent.ConsentPurpose;
import com.qleven.domain.consent.NoticeText;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.clients.in.UpdateClientCommand;
import com.qleven.ports.consent.in.ChannelConsent;
import com.qleven.ports.consent.in.ConsentCheck;
import com.qleven.ports.consent.in.ConsentsView;
import com.qleven.ports.consent.in.GetConsents;
import com.qleven.ports.consent.in.ManageConsentPurposes;
import com.qleven.ports.consent.in.RecordConsent;
import com.qleven.ports.consent.in.RecordConsentCommand;
import com.qleven.ports.consent.in.RecordConsentFromChannel;
import com.qleven.ports.consent.out.StoredConsent;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.tenancy.in.AddUserCommand;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignUp.SignUpResult;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import com.qleven.ports.testing.RecordingAuditTrail;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The consent ledger's use cases against every store (in memory and PostgreSQL) with the real
 * cipher: recording by staff and by other channels, the derived state, the check senders make at
 * dispatch time, the minors rule on the center's date, and the hooks erasure uses.
 */
public abstract class ConsentUseCasesSuite extends UseCasesSuiteBase {
    private static final String PASSWORD = "correct horse battery";
    private static final String NOTICE = "Clínica Sol le enviará recordatorios de sus citas por WhatsApp.";

    protected MutableClock clock;
    protected QlevenStore store;
    protected Qleven qleven;
    protected RecordingAuditTrail audit;
    private RecordConsent record;
    private GetConsents get;
    private ConsentCheck check;
    private RecordConsentFromChannel fromChannel;
    private ConsentRecords records;
    private ConsentNoticesService notices;
    private ClientInfo from;

    @BeforeEach
    void buildCore() {
        // Noon in Madrid on 29 March 2026.
        clock = new MutableClock(Instant.parse("2026-03-29T10:00:00Z"));
        from = clientAtAnAddressOfItsOwn("test", Optional.empty());
        store = newStore();
        FieldCipher cipher = cipher(store);
        qleven = core(store, cipher).clock(clock).signupsPerAddressPerHour(1000).build();
        audit = new RecordingAuditTrail();
        UuidV7Ids ids = new UuidV7Ids(clock);
        record = new RecordConsentService(store.shared().transactions(), store.tenancy().centers(),
                store.clients().clients(), store.clients().clientRestrictions(), store.consent().consentLedger(),
                store.consent().consentPurposes(), cipher, audit, clock, ids);
        get = new GetConsentsService(store.shared().transactions(), store.clients().clients(),
                store.consent().consentLedger(), store.consent().consentPurposes(), cipher, audit, clock);
        check = new ConsentCheckService(store.shared().transactions(), store.tenancy().centers(),
                store.clients().clients(), store.clients().clientRestrictions(), store.consent().consentLedger(),
                store.consent().consentPurposes(), cipher);
        fromChannel = new RecordConsentFromChannelService(store.shared().transactions(), store.tenancy().centers(),
                store.clients().clients(), store.clients().clientRestrictions(), store.consent().consentLedger(),
                store.consent().consentPurposes(), cipher, audit, clock, ids);
        records = new ConsentRecords(store.shared().transactions(), store.consent().consentLedger(), cipher);
        notices = new ConsentNoticesService(store.shared().transactions(), store.consent().consentPurposes(),
                store.consent().consentNotices(), audit, clock);
    }

    record Center(TenantId tenant, Principal admin, Principal receptionist) {
    }

    private Center center(String country, String zone) {
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        SignUpResult signedUp = qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica").address("Calle 1").taxId("B1").country(country).timeZone(zone).currency("EUR")
                .fullName("Ana Admin").email(adminEmail).password(PASSWORD).ageConfirmed(true).client(from).build());
        Principal admin = signIn(adminEmail);
        String email = "receptionist-" + UUID.randomUUID() + "@example.com";
        qleven.tenancy().addUser(admin, AddUserCommand.builder()
                .fullName("Rita Recepción").email(email).role("receptionist").password(PASSWORD).ageConfirmed(true)
                .build());
        return new Center(signedUp.tenantId(), admin, signIn(email));
    }

    private Center spain() {
        return center("ES", "Europe/Madrid");
    }

    private Principal signIn(String email) {
        return signIn(qleven, email, from);
    }

    private ClientId client(Center center, String birthDate) {
        return qleven.clients().create(center.admin(),
                CreateClientCommand.builder().fullName("Lucía Fernández").birthDate(birthDate).build()).id();
    }

    private static RecordConsentCommand staff(String purpose, String decision) {
        return RecordConsentCommand.builder()
                .purpose(purpose).decision(decision).channel("in_person").textVersion("2026-03").text(NOTICE)
                .proof("Signed form no. 42").build();
    }

    private List<String> actions() {
        return audit.events().stream().map(AuditEvent::action).toList();
    }

    @Test
    void aGrantIsRecordedWithItsNoticeRecorderAndTimeAndShowsInTheState() {
        Center center = spain();
        ClientId client = client(center, "1990-04-12");

        ConsentEntry entry = record.record(center.receptionist(), client, staff("whatsapp", "granted"));

        assertThat(entry.purpose()).isEqualTo(ConsentPurpose.WHATSAPP);
        assertThat(entry.decision()).isEqualTo(ConsentDecision.GRANTED);
        assertThat(entry.channel()).isEqualTo(ConsentChannel.IN_PERSON);
        assertThat(entry.notice().version()).isEqualTo("2026-03");
        assertThat(entry.notice().textSha256()).hasSize(64).isNotEqualTo(
                record.record(center.admin(), client, RecordConsentCommand.builder()
                        .purpose("marketing").decision("refused").channel("web_form").textVersion("2026-03")
                        .text(NOTICE + " ").build()).notice().textSha256());
        assertThat(entry.proof()).contains("Signed form no. 42");
        assertThat(entry.recordedBy()).contains(center.receptionist().userId());
        assertThat(entry.recordedAt()).isEqualTo(clock.instant());
        assertThat(entry.ageVerified()).isTrue();

        ConsentsView view = get.get(center.receptionist(), client);
        assertThat(view.current()).containsExactly(Map.entry(ConsentPurpose.WHATSAPP, true),
                Map.entry(ConsentPurpose.MARKETING, false));
        assertThat(view.history()).hasSize(2);
        assertThat(view.history().get(0)).usingRecursiveComparison().isEqualTo(entry);
        assertThat(actions()).containsExactly("consent.record", "consent.record", "consent.read");
        AuditEvent recorded = audit.events().get(0);
        assertThat(recorded.tenant()).contains(center.tenant());
        assertThat(recorded.actor()).contains(center.receptionist().userId());
        assertThat(recorded.subjectId()).contains(client.value());
        assertThat(audit.events().get(2).rowCount()).isEqualTo(2);
    }

    @Test
    void aWithdrawalAfterAGrantMakesTheCheckFalseFromThatInstant() {
        Center center = spain();
        ClientId client = client(center, "1990-04-12");
        Instant before = clock.instant();
        assertThat(check.allows(center.tenant(), client, ConsentPurpose.WHATSAPP, before)).isFalse();

        record.record(center.admin(), client, staff("whatsapp", "granted"));
        Instant granted = clock.instant();
        clock.advance(Duration.ofHours(2));
        record.record(center.admin(), client, staff("whatsapp", "withdrawn"));
        Instant withdrawn = clock.instant();

        assertThat(check.allows(center.tenant(), client, ConsentPurpose.WHATSAPP, granted)).isTrue();
        assertThat(check.allows(center.tenant(), client, ConsentPurpose.WHATSAPP, withdrawn.minusMillis(1))).isTrue();
        assertThat(check.allows(center.tenant(), client, ConsentPurpose.WHATSAPP, withdrawn)).isFalse();
        assertThat(check.allows(center.tenant(), client, ConsentPurpose.WHATSAPP, withdrawn.plusSeconds(60)))
                .isFalse();
        assertThat(check.allows(center.tenant(), client, ConsentPurpose.MARKETING, withdrawn)).isFalse();
        assertThat(get.get(center.admin(), client).current()).containsEntry(ConsentPurpose.WHATSAPP, false);
    }

    @Test
    void aFifteenYearOldsMarketingGrantIsRefusedAndWritesNothing() {
        Center center = spain();
        ClientId minor = client(center, "2010-06-15");
        audit.clear();

        Throwable refused = catchThrowable(() -> record.record(center.admin(), minor, staff("marketing", "granted")));

        assertThat(refused).isInstanceOfSatisfying(UnprocessableException.class,
                e -> assertThat(e.field()).isEqualTo("birthDate"));
        assertThat(audit.events()).isEmpty();
        assertThat(store.shared().transactions().inTenant(center.tenant(),
                () -> store.consent().consentLedger().history(center.tenant(), minor))).isEmpty();
        // Care is allowed: appointment messages, and a refusal of marketing.
        assertThat(record.record(center.admin(), minor, staff("whatsapp", "granted")).ageVerified()).isTrue();
        assertThat(record.record(center.admin(), minor, staff("marketing", "refused")).decision())
                .isEqualTo(ConsentDecision.REFUSED);
    }

    @Test
    void theSixteenthBirthdayCountsFromMidnightInTheCentersZone() {
        // 22:30 UTC on 14 June is 00:30 on 15 June in Madrid: the birthday has begun there.
        clock.set(Instant.parse("2026-06-14T22:30:00Z"));
        Center madrid = spain();
        Center casablanca = center("MA", "Africa/Casablanca");

        ClientId inMadrid = client(madrid, "2010-06-15");
        ClientId inCasablanca = qleven.clients().create(casablanca.admin(),
                CreateClientCommand.builder().fullName("Amina").birthDate("2010-06-15").build()).id();

        assertThat(record.record(madrid.admin(), inMadrid, staff("marketing", "granted")).ageVerified()).isTrue();
        assertThatThrownBy(() -> record.record(casablanca.admin(), inCasablanca, staff("marketing", "granted")))
                .isInstanceOf(UnprocessableException.class).hasMessageContaining("16");
    }

    @Test
    void aClientWithoutBirthDateMayConsentRecordedAsAgeNotVerified() {
        Center center = spain();
        ClientId client = client(center, null);

        ConsentEntry entry = record.record(center.admin(), client, staff("marketing", "granted"));

        assertThat(entry.ageVerified()).isFalse();
        assertThat(get.get(center.admin(), client).history()).singleElement()
                .satisfies(e -> assertThat(e.ageVerified()).isFalse());
        assertThat(check.allows(center.tenant(), client, ConsentPurpose.MARKETING, clock.instant())).isTrue();
    }

    @Test
    void marketingStopsWhenABirthDateShowsTheClientIsUnder16() {
        Center center = spain();
        ClientId client = client(center, null);
        record.record(center.admin(), client, staff("marketing", "granted"));
        record.record(center.admin(), client, staff("whatsapp", "granted"));

        qleven.clients().update(center.admin(),
                new UpdateClientCommand(client, Map.of("birthDate", "2011-01-01"), Optional.empty()));

        assertThat(check.allows(center.tenant(), client, ConsentPurpose.MARKETING, clock.instant())).isFalse();
        assertThat(check.allows(center.tenant(), client, ConsentPurpose.WHATSAPP, clock.instant())).isTrue();
        // On the sixteenth birthday, in Madrid, the grant applies again.
        assertThat(check.allows(center.tenant(), client, ConsentPurpose.MARKETING,
                Instant.parse("2026-12-31T23:00:00Z"))).isTrue();
    }

    @Test
    void badInputNamesEveryMemberAndWritesNothing() {
        Center center = spain();
        ClientId client = client(center, "1990-04-12");
        audit.clear();

        Throwable refused = catchThrowable(() -> record.record(center.admin(), client,
                RecordConsentCommand.builder()
                        .purpose("sms").decision("maybe").channel("whatsapp_reply").textVersion(" ").text("")
                        .proof("p".repeat(2001)).build()));

        assertThat(refused).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                .extracting(FieldError::field)
                .containsExactly("purpose", "decision", "channel", "textVersion", "text", "proof"));
        assertThatThrownBy(() -> record.record(center.admin(), client,
                RecordConsentCommand.builder()
                        .decision("granted").channel("fax").textVersion("v1").text(NOTICE).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("purpose", "channel"));
        assertThat(audit.events()).isEmpty();
        assertThat(get.get(center.admin(), client).history()).isEmpty();
    }

    private void addPurpose(Center center, String code, boolean marketing) {
        qleven.consent().addPurpose(center.admin(),
                new ManageConsentPurposes.AddPurposeCommand(code, "Newsletter of " + code, marketing));
    }

    @Test
    void aCentersOwnPurposeIsRecordedCheckedAndShownButIsUnknownToAnotherCenter() {
        Center a = spain();
        Center b = spain();
        addPurpose(a, "newsletter", false);
        ClientId ours = client(a, "1990-04-12");
        ClientId theirs = client(b, "1990-04-12");
        ConsentPurpose newsletter = new ConsentPurpose("newsletter");

        ConsentEntry entry = record.record(a.receptionist(), ours, staff("newsletter", "granted"));
        fromChannel.record(new ChannelConsent(a.tenant(), ours, newsletter, ConsentDecision.GRANTED,
                ConsentChannel.WEB_FORM, "2026-03", NOTICE, Optional.empty()));

        assertThat(entry.purpose()).isEqualTo(newsletter);
        assertThat(check.allows(a.tenant(), ours, newsletter, clock.instant())).isTrue();
        assertThat(get.get(a.admin(), ours).current()).containsExactly(Map.entry(ConsentPurpose.WHATSAPP, false),
                Map.entry(ConsentPurpose.MARKETING, false), Map.entry(newsletter, true));
        assertThat(qleven.consent().purposes(a.receptionist()))
                .extracting(ManageConsentPurposes.PurposeView::code, ManageConsentPurposes.PurposeView::builtIn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("whatsapp", true),
                        org.assertj.core.groups.Tuple.tuple("marketing", true),
                        org.assertj.core.groups.Tuple.tuple("newsletter", false));

        audit.clear();
        assertThatThrownBy(() -> record.record(b.admin(), theirs, staff("newsletter", "granted")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("purpose"));
        assertThatThrownBy(() -> fromChannel.record(new ChannelConsent(b.tenant(), theirs, newsletter,
                ConsentDecision.GRANTED, ConsentChannel.WEB_FORM, "2026-03", NOTICE, Optional.empty())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("purpose");
        assertThat(audit.events()).isEmpty();
        assertThat(get.get(b.admin(), theirs).current()).containsOnlyKeys(ConsentPurpose.BUILT_IN);
        assertThat(qleven.consent().purposes(b.admin())).hasSize(2);
    }

    @Test
    void aMarketingLikePurposeRefusesAFifteenYearOldAndStopsWhenTheClientIsUnder16() {
        Center center = spain();
        addPurpose(center, "promotions", true);
        addPurpose(center, "reviews", false);
        ClientId minor = client(center, "2010-06-15");
        ClientId adult = client(center, null);
        ConsentPurpose promotions = new ConsentPurpose("promotions");
        audit.clear();

        assertThat(catchThrowable(() -> record.record(center.admin(), minor, staff("promotions", "granted"))))
                .isInstanceOfSatisfying(UnprocessableException.class,
                        e -> assertThat(e.field()).isEqualTo("birthDate"));
        assertThat(audit.events()).isEmpty();
        assertThat(store.shared().transactions().inTenant(center.tenant(),
                () -> store.consent().consentLedger().history(center.tenant(), minor))).isEmpty();
        assertThat(record.record(center.admin(), minor, staff("reviews", "granted")).ageVerified()).isTrue();

        record.record(center.admin(), adult, staff("promotions", "granted"));
        assertThat(check.allows(center.tenant(), adult, promotions, clock.instant())).isTrue();
        qleven.clients().update(center.admin(),
                new UpdateClientCommand(adult, Map.of("birthDate", "2011-01-01"), Optional.empty()));
        assertThat(check.allows(center.tenant(), adult, promotions, clock.instant())).isFalse();
    }

    @Test
    void addingAPurposeIsForAdministratorsWithAValidNewCode() {
        Center center = spain();
        addPurpose(center, "newsletter", true);
        audit.clear();
        var purposes = qleven.consent();

        assertThatThrownBy(() -> purposes.addPurpose(center.admin(),
                new ManageConsentPurposes.AddPurposeCommand("newsletter", "Again", false)))
                .isInstanceOf(com.qleven.domain.shared.ConflictException.class);
        assertThatThrownBy(() -> purposes.addPurpose(center.admin(),
                new ManageConsentPurposes.AddPurposeCommand("marketing", " ", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("code", "description", "marketing"));
        assertThatThrownBy(() -> purposes.addPurpose(center.admin(),
                new ManageConsentPurposes.AddPurposeCommand("x", "One letter", false)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("code");
        assertThatThrownBy(() -> purposes.addPurpose(center.receptionist(),
                new ManageConsentPurposes.AddPurposeCommand("sms", "Texts", false)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(purposes.purposes(center.admin())).extracting(ManageConsentPurposes.PurposeView::code)
                .containsExactly("whatsapp", "marketing", "newsletter");
    }

    // --- notice texts ------------------------------------------------------------------------------

    @Test
    void anAdministratorPublishesVersionsOfABuiltInPurposesNoticeAndTheOldOnesStay() {
        Center center = spain();
        String first = "Clínica Sol le enviará por WhatsApp la confirmación y el recordatorio de sus citas.\n";
        String second = "Clínica Sol le enviará por WhatsApp la confirmación, el recordatorio y los cambios de sus citas.";
        audit.clear();

        NoticeText v1 = notices.publish(center.admin(), "whatsapp", first);
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.text()).as("kept byte for byte, newline included").isEqualTo(first);
        assertThat(v1.publishedBy()).contains(center.admin().userId());
        assertThat(v1.publishedAt()).isEqualTo(clock.instant());
        assertThat(notices.publish(center.admin(), "whatsapp", first))
                .as("the current text again publishes nothing").isEqualTo(v1);
        assertThat(actions()).containsExactly("consent_notice.publish");

        clock.advance(Duration.ofMinutes(5));
        NoticeText v2 = notices.publish(center.admin(), "whatsapp", second);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(notices.publish(center.admin(), "whatsapp", first).version())
                .as("an older text published again is a new version").isEqualTo(3);
        assertThat(actions()).containsExactly("consent_notice.publish", "consent_notice.publish",
                "consent_notice.publish");
        assertThat(audit.events()).allSatisfy(e -> assertThat(e.tenant()).contains(center.tenant()));

        Page<NoticeText> page = notices.versions(center.receptionist(), "whatsapp", new PageRequest(2, Optional.empty()));
        assertThat(page.items()).extracting(NoticeText::version).containsExactly(3, 2);
        Page<NoticeText> rest = notices.versions(center.receptionist(), "whatsapp", new PageRequest(2, page.next()));
        assertThat(rest.items()).containsExactly(v1);
        assertThat(rest.next()).isEmpty();
        assertThat(notices.versions(center.admin(), "marketing", PageRequest.first()).items()).isEmpty();
        assertThatThrownBy(() -> notices.versions(center.admin(), "whatsapp",
                new PageRequest(2, Optional.of("not-a-cursor"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("cursor"));
    }

    @Test
    void publishingIsForAdministratorsOfTheCentersOwnPurposesWithABoundedText() {
        Center a = spain();
        Center b = spain();
        addPurpose(a, "newsletter", false);
        audit.clear();

        assertThat(notices.publish(a.admin(), "newsletter", "Our monthly newsletter.").version()).isEqualTo(1);
        assertThatThrownBy(() -> notices.publish(a.receptionist(), "whatsapp", "Texts"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> notices.publish(b.admin(), "newsletter", "Theirs"))
                .as("another center's purpose").isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> notices.versions(b.admin(), "newsletter", PageRequest.first()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> notices.publish(a.admin(), "no_such_purpose", "Text"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> notices.publish(a.admin(), "Not A Code", "Text"))
                .isInstanceOf(NotFoundException.class);
        for (String bad : new String[] {null, "", "  \n ", "x".repeat(20_001), "Texto\u0000", "Bell\u0007",
                "Half \ud83d pair"}) {
            assertThatThrownBy(() -> notices.publish(a.admin(), "whatsapp", bad))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("text"));
        }
        assertThat(notices.publish(a.admin(), "whatsapp", "x".repeat(19_990) + "\tLínea\r\n😀").version())
                .as("tabs, line breaks and whole pairs are text").isEqualTo(1);
        assertThat(actions()).containsExactly("consent_notice.publish", "consent_notice.publish");
        assertThat(store.shared().transactions().inTenant(b.tenant(),
                () -> store.consent().consentNotices().latestOfEach(b.tenant()))).isEmpty();
    }

    @Test
    void aPublicationThatLosesTheRaceForAVersionIsAConflictAndWritesNothing() {
        Center center = spain();
        notices.publish(center.admin(), "marketing", "Offers v1");
        // Another administrator's version 2 lands between this publication's read and its insert.
        ConsentNoticesService racing = new ConsentNoticesService(store.shared().transactions(),
                store.consent().consentPurposes(), new com.qleven.ports.consent.out.ConsentNotices() {
                    private final com.qleven.ports.consent.out.ConsentNotices real = store.consent().consentNotices();

                    @Override
                    public boolean add(NoticeText notice) {
                        real.add(new NoticeText(notice.tenant(), notice.purpose(), notice.version(), "Theirs",
                                notice.publishedAt(), notice.publishedBy()));
                        return real.add(notice);
                    }

                    @Override
                    public Optional<NoticeText> latest(TenantId tenant, ConsentPurpose purpose) {
                        return real.latest(tenant, purpose);
                    }

                    @Override
                    public List<NoticeText> latestOfEach(TenantId tenant) {
                        return real.latestOfEach(tenant);
                    }

                    @Override
                    public List<NoticeText> versions(TenantId tenant, ConsentPurpose purpose, int before, int limit) {
                        return real.versions(tenant, purpose, before, limit);
                    }
                }, audit, clock);
        audit.clear();
        assertThatThrownBy(() -> racing.publish(center.admin(), "marketing", "Offers v2"))
                .isInstanceOf(ConflictException.class);
        assertThat(audit.events()).isEmpty();
        // The unit rolled back (the stand-in's version 2, written in it, with it): nothing half-written.
        assertThat(notices.versions(center.admin(), "marketing", PageRequest.first()).items())
                .extracting(NoticeText::text).containsExactly("Offers v1");
    }

    @Test
    void anotherCentersClientIsNotFoundAndOperatorsRecordNothing() {
        Center a = spain();
        Center b = spain();
        ClientId theirs = client(b, "1990-04-12");

        assertThatThrownBy(() -> record.record(a.admin(), theirs, staff("whatsapp", "granted")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> record.record(a.admin(), theirs, RecordConsentCommand.builder().build()))
                .as("an unknown client is a 404 before any member is judged")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> get.get(a.admin(), theirs)).isInstanceOf(NotFoundException.class);
        assertThat(check.allows(a.tenant(), theirs, ConsentPurpose.WHATSAPP, clock.instant())).isFalse();
        assertThat(get.get(b.admin(), theirs).history()).isEmpty();
    }

    @Test
    void aWhatsAppStopReplyWithdrawsWithoutARecorder() {
        Center center = spain();
        ClientId client = client(center, "1990-04-12");
        record.record(center.receptionist(), client, staff("whatsapp", "granted"));
        clock.advance(Duration.ofDays(3));

        ConsentEntry stop = fromChannel.record(ChannelConsent.builder()
                .tenant(center.tenant()).client(client).purpose(ConsentPurpose.WHATSAPP)
                .decision(ConsentDecision.WITHDRAWN).channel(ConsentChannel.WHATSAPP_REPLY)
                .textVersion("2026-03").text("STOP").proof("wamid.HBgLMzQ2MDAxMTEyMjIVAgASGBQzRUIwRDk")
                .build());

        assertThat(stop.recordedBy()).isEmpty();
        assertThat(stop.channel()).isEqualTo(ConsentChannel.WHATSAPP_REPLY);
        assertThat(stop.proof()).contains("wamid.HBgLMzQ2MDAxMTEyMjIVAgASGBQzRUIwRDk");
        assertThat(check.allows(center.tenant(), client, ConsentPurpose.WHATSAPP, clock.instant())).isFalse();
        AuditEvent event = audit.events().get(audit.events().size() - 1);
        assertThat(event.action()).isEqualTo("consent.record");
        assertThat(event.actor()).isEmpty();
        assertThat(event.tenant()).contains(center.tenant());
        assertThatThrownBy(() -> fromChannel.record(new ChannelConsent(center.tenant(), client,
                new ConsentPurpose("newsletter"), ConsentDecision.GRANTED, ConsentChannel.ONLINE_BOOKING, "v1", NOTICE,
                Optional.empty()))).isInstanceOf(ValidationException.class).hasMessageStartingWith("purpose:");
    }

    private ChannelConsent stop(Center center, ClientId client, ConsentPurpose purpose, Instant decidedAt) {
        return ChannelConsent.builder().tenant(center.tenant()).client(client).purpose(purpose)
                .decision(ConsentDecision.WITHDRAWN).channel(ConsentChannel.WHATSAPP_REPLY)
                .textVersion("whatsapp-reply").text("STOP").proof("wamid.late").decidedAt(decidedAt).build();
    }

    @Test
    void aStopProcessedLateIsRecordedWhenItWasSentAndDoesNotOverrideALaterGrantByStaff() {
        Center center = spain();
        ClientId client = client(center, "1990-04-12");
        record.record(center.receptionist(), client, staff("whatsapp", "granted"));
        clock.advance(Duration.ofHours(1));
        Instant sent = clock.instant();
        clock.advance(Duration.ofHours(1));
        // Staff record a new grant after the client's STOP was sent, before it is processed.
        record.record(center.receptionist(), client, staff("whatsapp", "granted"));
        clock.advance(Duration.ofHours(1));

        ConsentEntry late = fromChannel.record(stop(center, client, ConsentPurpose.WHATSAPP, sent));

        assertThat(late.recordedAt()).isEqualTo(sent);
        assertThat(check.allows(center.tenant(), client, ConsentPurpose.WHATSAPP, clock.instant()))
                .as("the later grant stands").isTrue();
        assertThat(check.allows(center.tenant(), client, ConsentPurpose.WHATSAPP, sent.plusSeconds(1))).isFalse();
        // A time ahead of the clock is taken as now, never in the future.
        ConsentEntry ahead = fromChannel.record(stop(center, client, ConsentPurpose.WHATSAPP,
                clock.instant().plus(Duration.ofDays(1))));
        assertThat(ahead.recordedAt()).isEqualTo(clock.instant());
        assertThat(check.allows(center.tenant(), client, ConsentPurpose.WHATSAPP, clock.instant())).isFalse();
    }

    @Test
    void aWithdrawalFromAChannelWritesOnlyWhatWithdrawsAGrantInTheCallersUnit() {
        Center center = spain();
        ClientId client = client(center, "1990-04-12");
        ClientId never = client(center, "1991-05-13");
        record.record(center.receptionist(), client, staff("whatsapp", "granted"));
        clock.advance(Duration.ofMinutes(5));
        int before = get.get(center.admin(), client).history().size();
        RecordConsentFromChannelService channel = (RecordConsentFromChannelService) fromChannel;

        // One unit: the first withdraws, the second sees it and writes nothing; nothing for marketing never granted.
        List<Optional<ConsentEntry>> written = store.shared().transactions().inTenant(center.tenant(), () -> List.of(
                channel.withdraw(stop(center, client, ConsentPurpose.WHATSAPP, clock.instant())),
                channel.withdraw(stop(center, client, ConsentPurpose.WHATSAPP, clock.instant())),
                channel.withdraw(stop(center, client, ConsentPurpose.MARKETING, clock.instant())),
                channel.withdraw(stop(center, never, ConsentPurpose.WHATSAPP, clock.instant()))));

        assertThat(written.get(0)).isPresent();
        assertThat(written.subList(1, 4)).allMatch(Optional::isEmpty);
        assertThat(get.get(center.admin(), client).history()).hasSize(before + 1);
        assertThat(get.get(center.admin(), never).history()).isEmpty();
        assertThat(check.allows(center.tenant(), client, ConsentPurpose.WHATSAPP, clock.instant())).isFalse();
        assertThatThrownBy(() -> channel.withdraw(ChannelConsent.builder().tenant(center.tenant()).client(client)
                .purpose(ConsentPurpose.WHATSAPP).decision(ConsentDecision.GRANTED)
                .channel(ConsentChannel.WHATSAPP_REPLY).textVersion("v").text("START").build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWithdrawalInAUnitThatRollsBackIsGoneWithIt() {
        Center center = spain();
        ClientId client = client(center, "1990-04-12");
        record.record(center.receptionist(), client, staff("whatsapp", "granted"));
        clock.advance(Duration.ofMinutes(5));
        RecordConsentFromChannelService channel = (RecordConsentFromChannelService) fromChannel;
        assertThatThrownBy(() -> store.shared().transactions().inTenant(center.tenant(), () -> {
            channel.withdraw(stop(center, client, ConsentPurpose.WHATSAPP, clock.instant()));
            throw new IllegalStateException("the caller's unit fails");
        })).hasMessage("the caller's unit fails");
        assertThat(check.allows(center.tenant(), client, ConsentPurpose.WHATSAPP, clock.instant())).isTrue();
    }

    @Test
    void theRolesThatMayAndMayNot() {
        Center center = spain();
        ClientId client = client(center, "1990-04-12");
        String email = "operator-" + UUID.randomUUID() + "@example.com";
        qleven.tenancy().createOperator(new com.qleven.ports.tenancy.in.CreateOperator.CreateOperatorCommand(
                com.qleven.domain.tenancy.PersonDetails.parse("Olga Operator", email, null), PASSWORD));
        Principal operator = signIn(email);

        assertThatThrownBy(() -> record.record(operator, client, staff("whatsapp", "granted")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> get.get(operator, client)).isInstanceOf(ForbiddenException.class);
        assertThat(record.record(center.receptionist(), client, staff("whatsapp", "granted"))).isNotNull();
    }

    @Test
    void theProofIsSealedAndErasureBlanksItKeepingTheDecisions() {
        Center center = spain();
        ClientId client = client(center, "1990-04-12");
        record.record(center.admin(), client, staff("whatsapp", "granted"));
        record.record(center.admin(), client, staff("marketing", "granted"));

        List<StoredConsent> stored = store.shared().transactions().inTenant(center.tenant(),
                () -> store.consent().consentLedger().history(center.tenant(), client));
        assertThat(stored).allSatisfy(s -> assertThat(new String(s.proof(), StandardCharsets.ISO_8859_1))
                .doesNotContain("Signed").doesNotContain("42"));
        assertThat(records.export(center.tenant(), client)).extracting(e -> e.proof().orElseThrow())
                .containsOnly("Signed form no. 42");

        assertThat(records.erase(center.tenant(), client)).isEqualTo(2);

        assertThat(records.export(center.tenant(), client)).hasSize(2)
                .allSatisfy(e -> assertThat(e.proof()).isEmpty());
        assertThat(check.allows(center.tenant(), client, ConsentPurpose.MARKETING, clock.instant())).isTrue();
    }
}

package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.application.messaging.TokenSeal;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.messaging.CampaignSegment;
import com.qleven.domain.messaging.CampaignStatus;
import com.qleven.domain.messaging.ComponentKey;
import com.qleven.domain.messaging.MessagePurpose;
import com.qleven.domain.messaging.ParameterBinding;
import com.qleven.domain.messaging.ParameterSource;
import com.qleven.domain.messaging.SkipReason;
import com.qleven.domain.messaging.TemplateCategory;
import com.qleven.domain.messaging.TemplateComponent;
import com.qleven.domain.messaging.TemplateId;
import com.qleven.domain.messaging.TemplateStatus;
import com.qleven.domain.messaging.WhatsAppTemplate;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.consent.in.RecordConsentCommand;
import com.qleven.ports.messaging.in.CampaignView;
import com.qleven.ports.messaging.in.CreateCampaignCommand;
import com.qleven.ports.messaging.out.AccessToken;
import com.qleven.ports.messaging.out.Acknowledged;
import com.qleven.ports.messaging.out.Campaigns;
import com.qleven.ports.messaging.out.ConnectedAccount;
import com.qleven.ports.messaging.out.CreatedTemplate;
import com.qleven.ports.messaging.out.GraphResult;
import com.qleven.ports.messaging.out.SendResult;
import com.qleven.ports.messaging.out.TemplateDraft;
import com.qleven.ports.messaging.out.TemplateMessage;
import com.qleven.ports.messaging.out.TemplatePage;
import com.qleven.ports.messaging.out.TextMessage;
import com.qleven.ports.messaging.out.WhatsAppGateway;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Campaigns through the facade against every store: a campaign to a segment queues one marketing
 * message per client at once, the dispatcher sends only to those the marketing rules allow (a client
 * known to be under 16 never, even with a grant; one without a birth date may be) and shows the others'
 * reasons; a cancellation skips what is queued; who may run and see campaigns.
 */
public abstract class CampaignsUseCasesSuite extends UseCasesSuiteBase {
    private static final String PASSWORD = "correct horse battery";
    private static final String NOTICE = "Clínica Sol le enviará ofertas por WhatsApp.";
    private static final Instant NOW = Instant.parse("2027-03-20T08:00:00Z");

    private MutableClock clock;
    private QlevenStore store;
    private FieldCipher cipher;
    private Qleven qleven;
    private ClientInfo from;
    private RecordingGateway gateway;

    @BeforeEach
    void buildCore() {
        clock = new MutableClock(NOW);
        from = clientAtAnAddressOfItsOwn("test", Optional.empty());
        store = newStore();
        cipher = cipher(store);
        gateway = new RecordingGateway();
        qleven = core(store, cipher).clock(clock).signupsPerAddressPerHour(1000).whatsAppGateway(gateway).build();
    }

    /** Meta's side: every template send recorded (its number) and accepted. */
    private static final class RecordingGateway implements WhatsAppGateway {
        final List<String> to = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger wamids = new AtomicInteger();

        @Override
        public SendResult sendTemplate(AccessToken token, TemplateMessage message) {
            to.add(message.to());
            return new SendResult.Sent("wamid.c" + wamids.incrementAndGet());
        }

        @Override
        public SendResult sendText(AccessToken token, TextMessage message) {
            throw new AssertionError("no free text here");
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

    private record Center(TenantId tenant, Principal admin, Principal desk, Principal professional, TemplateId offer) {
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
        String phoneNumberId = "1" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        WhatsAppTemplate offer = WhatsAppTemplate.fromMeta(new TemplateId(UUID.randomUUID()), "spring_offer", "es",
                        TemplateCategory.MARKETING, List.of(TemplateComponent.of(ComponentKey.BODY,
                                "Hola {{1}}, este mes un 20% en tu tratamiento.")), TemplateStatus.APPROVED)
                .assign(MessagePurpose.MARKETING, List.of(new ParameterBinding(ComponentKey.BODY,
                        ParameterSource.CLIENT_FIRST_NAME)));
        store.shared().transactions().inTenant(tenant, () -> {
            store.messaging().accounts().save(new ConnectedAccount(tenant, phoneNumberId, "2" + phoneNumberId,
                    "+34 910 000 000", new TokenSeal(cipher).seal(tenant, phoneNumberId,
                    new AccessToken("EAAtoken" + phoneNumberId)), ConnectedAccount.AccountStatus.CONNECTED, NOW,
                    NOW, 1));
            store.messaging().templates().save(tenant, offer, NOW);
        });
        return new Center(tenant, admin, desk, professional, offer.id());
    }

    private ClientId client(Center c, String name, String phone, String birthDate, String... granted) {
        ClientId client = qleven.clients().create(c.admin(), CreateClientCommand.builder().fullName(name).phone(phone)
                .birthDate(birthDate).build()).id();
        for (String purpose : granted) {
            qleven.consent().record(c.admin(), client, RecordConsentCommand.builder().purpose(purpose)
                    .decision("granted").channel("in_person").textVersion("2027-01").text(NOTICE).build());
        }
        return client;
    }

    private static CampaignSegment clients(ClientId... ids) {
        Set<UUID> set = new java.util.LinkedHashSet<>();
        for (ClientId id : ids) {
            set.add(id.value());
        }
        return new CampaignSegment(Optional.empty(), false, Set.of(), OptionalInt.empty(), false, OptionalInt.empty(),
                set);
    }

    private Map<ClientId, Optional<SkipReason>> fates(Center c, CampaignView v) {
        Map<ClientId, Optional<SkipReason>> out = new HashMap<>();
        for (Campaigns.RecipientStatus r : qleven.messaging().campaignRecipients(c.desk(), v.campaign().id(),
                PageRequest.first()).items()) {
            out.put(r.client(), r.skipReason());
        }
        return out;
    }

    @Test
    void onlyTheClientsTheMarketingRulesAllowAreMessagedAndTheOthersShowWhy() {
        Center c = center();
        String fifteen = LocalDate.of(2027, 3, 20).minusYears(15).toString();
        ClientId adult = client(c, "Ana Adulta", "600 100 001", "1990-05-01", "whatsapp", "marketing");
        ClientId unknownAge = client(c, "Berta Sinfecha", "600 100 002", null, "whatsapp", "marketing");
        ClientId noMarketing = client(c, "Carla Citas", "600 100 003", "1990-05-01", "whatsapp");
        ClientId minor = client(c, "Dani Menor", "600 100 004", fifteen, "whatsapp");
        Center other = center();
        ClientId theirs = client(other, "Otra Centro", "600 100 005", "1990-05-01", "whatsapp", "marketing");

        CampaignView created = qleven.messaging().createCampaign(c.admin(), new CreateCampaignCommand("Primavera",
                c.offer(), clients(adult, unknownAge, noMarketing, minor, theirs)));
        assertThat(created.recipients()).isEqualTo(4);
        assertThat(created.queued()).isEqualTo(4);
        assertThat(created.status()).isEqualTo(CampaignStatus.RUNNING);

        qleven.messaging().dispatchDue();

        assertThat(gateway.to).containsExactlyInAnyOrder("+34600100001", "+34600100002");
        Map<ClientId, Optional<SkipReason>> fates = fates(c, created);
        assertThat(fates).containsEntry(adult, Optional.empty()).containsEntry(unknownAge, Optional.empty())
                .containsEntry(noMarketing, Optional.of(SkipReason.NO_MARKETING_CONSENT))
                .containsEntry(minor, Optional.of(SkipReason.UNDER_16)).doesNotContainKey(theirs);
        CampaignView read = qleven.messaging().campaign(c.desk(), created.campaign().id());
        assertThat(read.status()).isEqualTo(CampaignStatus.COMPLETED);
        assertThat(read.sent()).isEqualTo(2);
        assertThat(read.skipped()).isEqualTo(Map.of(SkipReason.NO_MARKETING_CONSENT, 1L, SkipReason.UNDER_16, 1L));
        assertThat(qleven.messaging().campaigns(other.admin(), PageRequest.first()).items()).isEmpty();
    }

    @Test
    void aCancelledCampaignSendsNothingAndOnlyAdministratorsRunCampaigns() {
        Center c = center();
        ClientId ana = client(c, "Ana Cancel", "600 200 001", "1990-05-01", "whatsapp", "marketing");
        assertThatThrownBy(() -> qleven.messaging().createCampaign(c.desk(), new CreateCampaignCommand("No",
                c.offer(), clients(ana)))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> qleven.messaging().campaigns(c.professional(), PageRequest.first()))
                .isInstanceOf(ForbiddenException.class);
        Center other = center();
        assertThatThrownBy(() -> qleven.messaging().createCampaign(c.admin(), new CreateCampaignCommand("Ajena",
                other.offer(), clients(ana)))).isInstanceOfSatisfying(UnprocessableException.class,
                e -> assertThat(e.getMessage()).doesNotContain(other.offer().toString()));
        CampaignView created = qleven.messaging().createCampaign(c.admin(), new CreateCampaignCommand("Primavera",
                c.offer(), clients(ana)));
        assertThatThrownBy(() -> qleven.messaging().cancelCampaign(c.desk(), created.campaign().id()))
                .isInstanceOf(ForbiddenException.class);

        CampaignView cancelled = qleven.messaging().cancelCampaign(c.admin(), created.campaign().id());
        qleven.messaging().dispatchDue();

        assertThat(cancelled.status()).isEqualTo(CampaignStatus.CANCELLED);
        assertThat(gateway.to).isEmpty();
        assertThat(fates(c, created)).containsEntry(ana, Optional.of(SkipReason.CAMPAIGN_CANCELLED));
        assertThat(qleven.messaging().cancelCampaign(c.admin(), created.campaign().id()).campaign().cancelledAt())
                .isEqualTo(cancelled.campaign().cancelledAt());
    }
}

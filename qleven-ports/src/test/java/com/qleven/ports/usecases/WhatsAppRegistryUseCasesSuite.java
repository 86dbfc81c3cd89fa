package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.domain.messaging.ComponentKey;
import com.qleven.domain.messaging.TemplateCategory;
import com.qleven.domain.messaging.TemplateComponent;
import com.qleven.domain.messaging.TemplateId;
import com.qleven.domain.messaging.TemplateStatus;
import com.qleven.domain.messaging.WhatsAppTemplate;
import com.qleven.domain.privacy.CenterNotification;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ForbiddenException;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.messaging.in.ConnectAccountCommand;
import com.qleven.ports.messaging.in.EmbeddedSignupCommand;
import com.qleven.ports.messaging.out.ConnectedAccount;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignInCommand;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The messaging verbs other parts of messaging call, against every store: a 190 marks the number
 * and tells the administrators once; a template status from Meta's webhook reaches every center of
 * the business account and no other; connecting by hand names bad members, seals the token and
 * checks the role; Embedded Signup without Qleven's Meta app is refused saying so.
 */
public abstract class WhatsAppRegistryUseCasesSuite extends UseCasesSuiteBase {
    private static final String PASSWORD = "correct horse battery";
    private static final AtomicLong IDS = new AtomicLong(500_000_000_000L + (System.nanoTime() % 100_000_000L) * 1000);

    private QlevenStore store;
    private Qleven qleven;
    private ClientInfo from;

    @BeforeEach
    void buildCore() {
        from = clientAtAnAddressOfItsOwn("test", Optional.empty());
        store = newStore();
        qleven = core(store, cipher(store)).clock(new MutableClock(Instant.parse("2026-03-29T08:00:00Z")))
                .signupsPerAddressPerHour(1000).build();
    }

    private record Center(TenantId tenant, Principal admin) {
    }

    private Center center() {
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        TenantId tenant = qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica").address("Calle 1").taxId("B1").country("ES").timeZone("Europe/Madrid")
                .currency("EUR").fullName("Ana Admin").email(adminEmail).password(PASSWORD).ageConfirmed(true)
                .client(from).build()).tenantId();
        Principal admin = qleven.tenancy().authenticate(
                qleven.tenancy().signIn(new SignInCommand(adminEmail, PASSWORD, Optional.empty(), from)).token());
        return new Center(tenant, admin);
    }

    private static String graphId() {
        return Long.toString(IDS.incrementAndGet());
    }

    private void connect(Center c, String waba) {
        qleven.messaging().connectAccount(c.admin(), new ConnectAccountCommand(graphId(), waba, "EAAG-" + UUID.randomUUID(),
                "+34 600 000 000"));
    }

    private TemplateId template(Center c, String name) {
        WhatsAppTemplate t = WhatsAppTemplate.fromMeta(new TemplateId(UUID.randomUUID()), name, "es",
                TemplateCategory.UTILITY, List.of(TemplateComponent.of(ComponentKey.BODY, "Hola {{1}}")),
                TemplateStatus.APPROVED);
        store.shared().transactions().inTenant(c.tenant(), () -> {
            store.messaging().templates().save(c.tenant(), t, Instant.parse("2026-03-29T08:00:00Z"));
            return null;
        });
        return t.id();
    }

    private TemplateStatus status(Center c, TemplateId id) {
        return qleven.messaging().template(c.admin(), id).status();
    }

    @Test
    void aRefusedTokenMarksTheNumberAndTellsTheAdministratorsOnce() {
        Center c = center();
        Center without = center();
        connect(c, graphId());

        assertThat(qleven.messaging().markReconnectNeeded(c.tenant())).isTrue();
        assertThat(qleven.messaging().markReconnectNeeded(c.tenant())).isFalse();
        assertThat(qleven.messaging().markReconnectNeeded(without.tenant())).isFalse();

        assertThat(qleven.messaging().account(c.admin()).status()).isEqualTo("reconnect_needed");
        List<CenterNotification> notices = qleven.privacy().notifications(c.admin(), PageRequest.first()).items();
        assertThat(notices).filteredOn(n -> n.kind().equals("whatsapp_reconnect")).singleElement()
                .satisfies(n -> assertThat(n.text()).contains("190"));
        assertThat(qleven.privacy().notifications(without.admin(), PageRequest.first()).items())
                .noneMatch(n -> n.kind().equals("whatsapp_reconnect"));
        assertThat(qleven.messaging().connectedAccount(c.tenant()).map(ConnectedAccount::status))
                .contains(ConnectedAccount.AccountStatus.RECONNECT_NEEDED);
    }

    @Test
    void aTemplateStatusFromMetaReachesEveryCenterOfTheBusinessAccountAndNoOther() {
        String waba = graphId();
        Center first = center();
        Center second = center();
        Center elsewhere = center();
        connect(first, waba);
        connect(second, waba);
        connect(elsewhere, graphId());
        TemplateId a = template(first, "appointment_reminder");
        TemplateId b = template(second, "appointment_reminder");
        TemplateId c = template(elsewhere, "appointment_reminder");

        assertThat(qleven.messaging().applyTemplateStatus(waba, "appointment_reminder", "es", TemplateStatus.PAUSED))
                .isEqualTo(2);

        assertThat(status(first, a)).isEqualTo(TemplateStatus.PAUSED);
        assertThat(status(second, b)).isEqualTo(TemplateStatus.PAUSED);
        assertThat(status(elsewhere, c)).isEqualTo(TemplateStatus.APPROVED);
        assertThat(qleven.messaging().applyTemplateStatus(waba, "appointment_reminder", "fr", TemplateStatus.REJECTED))
                .isZero();
        assertThat(qleven.messaging().applyTemplateStatus(graphId(), "appointment_reminder", "es",
                TemplateStatus.REJECTED)).isZero();
        assertThat(qleven.messaging().applyTemplateStatus(waba, "appointment_reminder", "es", TemplateStatus.APPROVED))
                .isEqualTo(2);
        assertThat(status(first, a)).isEqualTo(TemplateStatus.APPROVED);
    }

    @Test
    void connectingByHandNamesBadMembersSealsTheTokenAndIsForAdministrators() {
        Center c = center();
        ValidationException e = catchThrowableOfType(() -> qleven.messaging().connectAccount(c.admin(),
                new ConnectAccountCommand("1/2", null, "two words", "x")), ValidationException.class);
        assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("phoneNumberId", "wabaId",
                "accessToken", "displayPhoneNumber");
        String token = "EAAG-" + UUID.randomUUID();
        String phone = graphId();
        qleven.messaging().connectAccount(c.admin(), new ConnectAccountCommand(phone, graphId(), token,
                "+34 600 000 000"));
        ConnectedAccount stored = qleven.messaging().connectedAccount(c.tenant()).orElseThrow();
        assertThat(new String(stored.sealedToken(), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(token);
        assertThat(stored.toString()).doesNotContain(token);

        Center other = center();
        assertThatThrownBy(() -> qleven.messaging().connectAccount(other.admin(), new ConnectAccountCommand(phone,
                graphId(), "EAAG-x", "+34 600 000 000"))).isInstanceOf(ConflictException.class);
        Principal desk = staff(qleven, c.admin(), "receptionist", from);
        assertThatThrownBy(() -> qleven.messaging().connectAccount(desk, new ConnectAccountCommand(graphId(),
                graphId(), "EAAG-y", "+34 600 000 000"))).isInstanceOf(ForbiddenException.class);
        assertThat(qleven.messaging().account(desk).phoneNumberId()).isEqualTo(phone);
    }

    @Test
    void embeddedSignupWithoutTheMetaAppIsRefusedSayingSo() {
        Center c = center();
        ConflictException e = catchThrowableOfType(() -> qleven.messaging().embeddedSignup(c.admin(),
                new EmbeddedSignupCommand("code", graphId(), graphId(), null, null)), ConflictException.class);
        assertThat(e.getMessage()).contains("QLEVEN_META_APP_ID");
        assertThat(qleven.messaging().connectedAccount(c.tenant())).isEmpty();
    }
}

package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.clients.in.ClientView;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.clients.in.MessageRecipients.Recipient;
import com.qleven.ports.clients.in.UpdateClientCommand;
import com.qleven.ports.privacy.in.CreatePrivacyRequestCommand;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignInCommand;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client's preferred language for messages (a BCP 47 tag: created, merged by a patch, cleared,
 * exported, refused when malformed) and what messaging reads of clients through
 * {@link com.qleven.ports.clients.in.MessageRecipients}: one or many in the caller's unit, nothing
 * of an unknown, erased or other center's client.
 */
public abstract class MessageRecipientsUseCasesSuite extends UseCasesSuiteBase {
    private static final String PASSWORD = "correct horse battery";

    private QlevenStore store;
    private Qleven qleven;
    private ClientInfo from;

    @BeforeEach
    void buildCore() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-29T08:00:00Z"));
        from = clientAtAnAddressOfItsOwn("test", Optional.empty());
        store = newStore();
        qleven = core(store, cipher(store)).clock(clock).signupsPerAddressPerHour(1000).build();
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

    private ClientView client(Center c, String name, String phone, String birthDate, String language) {
        return qleven.clients().create(c.admin(), CreateClientCommand.builder().fullName(name).phone(phone)
                .birthDate(birthDate).preferredLanguage(language).build());
    }

    private ClientView update(Center c, ClientId id, String member, Object value) {
        Map<String, Object> patch = new HashMap<>();
        patch.put(member, value);
        return qleven.clients().update(c.admin(), UpdateClientCommand.parse(id, patch, Optional.empty()));
    }

    private Optional<Recipient> recipient(Center c, ClientId id) {
        return store.shared().transactions().inTenant(c.tenant(),
                () -> qleven.clients().messageRecipients().of(c.tenant(), id));
    }

    private Map<ClientId, Recipient> recipients(Center c, List<ClientId> ids) {
        return store.shared().transactions().inTenant(c.tenant(),
                () -> qleven.clients().messageRecipients().of(c.tenant(), ids));
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void thePreferredLanguageIsCreatedReadPatchedClearedAndExported() {
        Center c = center();
        ClientView created = client(c, "Yasmine Alaoui", null, null, "fr-ma");

        assertThat(created.preferredLanguage()).contains(Locale.forLanguageTag("fr-MA"));
        assertThat(qleven.clients().get(c.admin(), created.id()).preferredLanguage().map(Locale::toLanguageTag))
                .contains("fr-MA");
        assertThat(qleven.clients().list(c.admin(), PageRequest.first()).items())
                .extracting(v -> v.preferredLanguage().map(Locale::toLanguageTag).orElse(null)).containsExactly("fr-MA");

        assertThat(update(c, created.id(), "preferredLanguage", "ar").preferredLanguage())
                .contains(Locale.forLanguageTag("ar"));
        assertThat(update(c, created.id(), "fullName", "Yasmine A.").preferredLanguage())
                .as("a patch without the member keeps it").contains(Locale.forLanguageTag("ar"));
        @SuppressWarnings("unchecked")
        Map<String, Object> section = (Map<String, Object>) ((Map<String, Object>) qleven.privacy()
                .export(c.admin(), created.id()).get("sections")).get("client");
        assertThat(section).containsEntry("preferredLanguage", "ar");

        assertThat(update(c, created.id(), "preferredLanguage", null).preferredLanguage()).isEmpty();
        assertThat(client(c, "Pau Roig", null, null, null).preferredLanguage()).isEmpty();
    }

    @Test
    void aMalformedTagIsNamedAndNothingIsWritten() {
        Center c = center();
        for (String bad : List.of("", "e", "español", "es_ES", "es--ES", "x-private", "fr-MA-u-ca-gregory",
                "toolongsubtag", "a".repeat(2) + "-" + "b".repeat(40))) {
            ValidationException e = catchThrowableOfType(() -> client(c, "Pau Roig", null, null, bad),
                    ValidationException.class);
            assertThat(e).as(bad).isNotNull();
            assertThat(fields(e)).as(bad).containsExactly("preferredLanguage");
        }
        assertThat(qleven.clients().list(c.admin(), PageRequest.first()).items()).isEmpty();

        ClientId id = client(c, "Pau Roig", null, null, "es").id();
        ValidationException e = catchThrowableOfType(() -> update(c, id, "preferredLanguage", "es_ES"),
                ValidationException.class);
        assertThat(fields(e)).containsExactly("preferredLanguage");
        ValidationException wrongType = catchThrowableOfType(() -> update(c, id, "preferredLanguage", 7),
                ValidationException.class);
        assertThat(fields(wrongType)).containsExactly("preferredLanguage");
        assertThat(qleven.clients().get(c.admin(), id).version()).as("nothing written").isEqualTo(1);
    }

    @Test
    void messagingReadsOneOrManyRecipientsInItsOwnUnit() {
        Center c = center();
        ClientId yasmine = client(c, "Yasmine Alaoui", "+212 612 345 678", "1990-04-12", "fr-MA").id();
        ClientId pau = client(c, "Pau Roig", null, null, null).id();
        ClientId unknown = new ClientId(UUID.randomUUID());

        Recipient one = recipient(c, yasmine).orElseThrow();
        assertThat(one.fullName()).isEqualTo("Yasmine Alaoui");
        assertThat(one.phone()).contains(new PhoneNumber("+212612345678"));
        assertThat(one.preferredLanguage()).contains(Locale.forLanguageTag("fr-MA"));
        assertThat(one.birthDate()).contains(LocalDate.of(1990, 4, 12));
        assertThat(one.toString()).doesNotContain("Yasmine", "612345678");
        assertThat(recipient(c, pau)).contains(new Recipient("Pau Roig", Optional.empty(), Optional.empty(),
                Optional.empty()));
        assertThat(recipient(c, unknown)).isEmpty();

        Map<ClientId, Recipient> many = recipients(c, List.of(yasmine, pau, unknown, yasmine));
        assertThat(many).containsOnlyKeys(yasmine, pau);
        assertThat(many.get(yasmine)).isEqualTo(one);
        assertThat(recipients(c, List.of())).isEmpty();

        Center other = center();
        assertThat(recipient(other, yasmine)).as("another center's client").isEmpty();
        assertThat(recipients(other, List.of(yasmine, pau))).isEmpty();
    }

    @Test
    void anErasedClientIsNoRecipient() {
        Center c = center();
        ClientId erased = client(c, "Yasmine Alaoui", "+212 612 345 678", "1990-04-12", "fr-MA").id();
        ClientId kept = client(c, "Pau Roig", "600 111 222", null, "ca").id();
        var erasure = qleven.privacy().createRequest(c.admin(), CreatePrivacyRequestCommand.parse(erased.toString(),
                "erasure", null));
        qleven.privacy().completeRequest(c.admin(), erasure.id(), "Erased.");

        assertThat(recipient(c, erased)).isEmpty();
        assertThat(recipients(c, List.of(erased, kept))).containsOnlyKeys(kept);
        assertThat(store.shared().transactions().inTenant(c.tenant(),
                () -> store.clients().clients().byId(c.tenant(), erased)).orElseThrow().preferredLanguage())
                .as("the erasure clears the language with the rest").isEmpty();
    }
}

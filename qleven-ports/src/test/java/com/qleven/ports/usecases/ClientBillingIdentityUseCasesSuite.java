package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.domain.clients.BillingIdentity;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.clients.in.ClientView;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.clients.in.InvoiceRecipient;
import com.qleven.ports.clients.in.UpdateClientCommand;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.privacy.in.CreatePrivacyRequestCommand;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignInCommand;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client's billing identity against every store, through the facade: recorded, merged and
 * removed by a patch, sealed under the center's finance key, exported, removed by an erasure, and
 * read by billing as an invoice's recipient ({@link com.qleven.ports.clients.in.InvoiceRecipients}).
 */
public abstract class ClientBillingIdentityUseCasesSuite extends UseCasesSuiteBase {
    private static final String PASSWORD = "correct horse battery";

    private QlevenStore store;
    private FieldCipher cipher;
    private Qleven qleven;
    private ClientInfo from;

    @BeforeEach
    void buildCore() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-29T08:00:00Z"));
        from = clientAtAnAddressOfItsOwn("test", Optional.empty());
        store = newStore();
        cipher = cipher(store);
        qleven = core(store, cipher).clock(clock).signupsPerAddressPerHour(1000).build();
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

    private ClientView billed(Center c) {
        return qleven.clients().create(c.admin(), CreateClientCommand.builder()
                .fullName("Lucía Fernández").phone("600 111 222")
                .billingIdentity(" Estética Lucía SL ", "Calle Mayor 1\n28013 Madrid", "B-12345678").build());
    }

    private StoredClient stored(Center c, ClientId id) {
        return store.shared().transactions().inTenant(c.tenant(),
                () -> store.clients().clients().byId(c.tenant(), id)).orElseThrow();
    }

    private InvoiceRecipient recipient(Center c, ClientId id) {
        return store.shared().transactions().inTenant(c.tenant(),
                () -> qleven.clients().invoiceRecipients().recipient(c.tenant(), id));
    }

    private static Map<String, Object> patch(Object... memberThenValue) {
        Map<String, Object> patch = new HashMap<>();
        for (int i = 0; i < memberThenValue.length; i += 2) {
            patch.put((String) memberThenValue[i], memberThenValue[i + 1]);
        }
        return patch;
    }

    private ClientView update(Center c, ClientId id, Map<String, Object> patch) {
        return qleven.clients().update(c.admin(), UpdateClientCommand.parse(id, patch, Optional.empty()));
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aClientIsCreatedWithItsBillingIdentityAndReadBackInGetAndList() {
        Center c = center();
        ClientView created = billed(c);

        BillingIdentity expected = new BillingIdentity(Optional.of("Estética Lucía SL"),
                Optional.of("Calle Mayor 1\n28013 Madrid"), Optional.of("B-12345678"));
        assertThat(created.billingIdentity()).contains(expected);
        assertThat(qleven.clients().get(c.admin(), created.id()).billingIdentity()).contains(expected);
        assertThat(qleven.clients().list(c.admin(), PageRequest.first()).items())
                .extracting(ClientView::billingIdentity).containsExactly(Optional.of(expected));
        ClientView plain = qleven.clients().create(c.admin(), CreateClientCommand.builder().fullName("Pau Roig").build());
        assertThat(plain.billingIdentity()).isEmpty();
    }

    @Test
    void theIdentityIsOneCiphertextUnderTheCentersFinanceKeyBoundToTheClient() {
        Center c = center();
        ClientView created = billed(c);
        ClientView other = qleven.clients().create(c.admin(), CreateClientCommand.builder().fullName("Pau Roig")
                .billingIdentity("Pau", null, null).build());

        StoredClient stored = stored(c, created.id());
        String raw = new String(stored.billingIdentity(), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("Lucía").doesNotContain("Est").doesNotContain("Mayor").doesNotContain("12345678");
        String place = "client|billingIdentity|" + c.tenant() + "|";
        assertThat(cipher.decrypt(place + created.id(), stored.billingIdentity()))
                .isEqualTo("Estética Lucía SL\0Calle Mayor 1\n28013 Madrid\0B-12345678");
        assertThatThrownBy(() -> cipher.decrypt(place + other.id(), stored.billingIdentity()))
                .as("a ciphertext moved to another client does not decrypt").isInstanceOf(RuntimeException.class);
        // Under the center's finance key, which shredding the client's own key leaves alone.
        UUID financeKey = store.shared().transactions().global(
                () -> store.shared().dataKeys().current(KeyScope.finance(c.tenant()))).orElseThrow().id();
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(stored.billingIdentity(), 1, 16);
        assertThat(new UUID(header.getLong(), header.getLong())).isEqualTo(financeKey);
        java.nio.ByteBuffer otherHeader = java.nio.ByteBuffer.wrap(stored(c, other.id()).billingIdentity(), 1, 16);
        assertThat(new UUID(otherHeader.getLong(), otherHeader.getLong())).as("one finance key per center")
                .isEqualTo(financeKey);
    }

    @Test
    void aPatchMergesMembersIntoTheIdentityAndNullRemovesIt() {
        Center c = center();
        ClientId id = billed(c).id();

        ClientView merged = update(c, id, patch("billingIdentity", patch("taxId", "B87654321", "address", null)));
        assertThat(merged.billingIdentity()).contains(new BillingIdentity(Optional.of("Estética Lucía SL"),
                Optional.empty(), Optional.of("B87654321")));
        assertThat(merged.version()).isEqualTo(2);

        ClientView removed = update(c, id, patch("billingIdentity", null));
        assertThat(removed.billingIdentity()).isEmpty();
        assertThat(stored(c, id).billingIdentity()).isNull();

        ClientView added = update(c, id, patch("billingIdentity", patch("address", "Rue 5, Rabat")));
        assertThat(added.billingIdentity()).contains(new BillingIdentity(Optional.empty(), Optional.of("Rue 5, Rabat"),
                Optional.empty()));
        assertThat(qleven.clients().get(c.admin(), id).billingIdentity()).isEqualTo(added.billingIdentity());
        // Other members of the client are left alone throughout.
        assertThat(added.fullName()).isEqualTo("Lucía Fernández");
        assertThat(added.phone()).contains("+34600111222");
    }

    @Test
    void badMembersAreNamedAndNothingIsWritten() {
        Center c = center();
        ValidationException onCreate = catchThrowableOfType(() -> qleven.clients().create(c.admin(),
                CreateClientCommand.builder().fullName("Pau Roig").billingIdentity("x".repeat(201), null, "B;1").build()),
                ValidationException.class);
        assertThat(fields(onCreate)).containsExactlyInAnyOrder("billingIdentity.name", "billingIdentity.taxId");
        ValidationException empty = catchThrowableOfType(() -> qleven.clients().create(c.admin(),
                CreateClientCommand.builder().fullName("Pau Roig").billingIdentity(" ", null, "B1").build()),
                ValidationException.class);
        assertThat(fields(empty)).containsExactly("billingIdentity");
        assertThat(qleven.clients().list(c.admin(), PageRequest.first()).items()).isEmpty();

        ClientId id = billed(c).id();
        ValidationException emptied = catchThrowableOfType(() -> update(c, id,
                patch("billingIdentity", patch("name", null, "address", " "))), ValidationException.class);
        assertThat(fields(emptied)).containsExactly("billingIdentity");
        ValidationException wrongType = catchThrowableOfType(() -> update(c, id,
                patch("billingIdentity", patch("name", 7))), ValidationException.class);
        assertThat(fields(wrongType)).containsExactly("billingIdentity.name");
        ValidationException unknown = catchThrowableOfType(() -> update(c, id,
                patch("billingIdentity", patch("vat", "B1"))), ValidationException.class);
        assertThat(fields(unknown)).containsExactly("billingIdentity.vat");
        ValidationException notAnObject = catchThrowableOfType(() -> update(c, id,
                patch("billingIdentity", "Estética SL")), ValidationException.class);
        assertThat(fields(notAnObject)).containsExactly("billingIdentity");
        ValidationException posing = catchThrowableOfType(() -> update(c, id,
                patch("billingIdentity.name", "Estética SL")), ValidationException.class);
        assertThat(fields(posing)).containsExactly("billingIdentity.name");
        assertThat(stored(c, id).version()).as("nothing written").isEqualTo(1);
    }

    @Test
    void billingReadsTheRecipientInItsOwnUnitOfWork() {
        Center c = center();
        ClientId billedId = billed(c).id();
        ClientId plain = qleven.clients().create(c.admin(), CreateClientCommand.builder().fullName("Pau Roig").build())
                .id();
        ClientId addressOnly = qleven.clients().create(c.admin(), CreateClientCommand.builder().fullName("Marta Soler")
                .billingIdentity(null, "Rue 5, Rabat", "ICE 0012").build()).id();

        assertThat(recipient(c, billedId)).isEqualTo(new InvoiceRecipient(billedId, "Estética Lucía SL",
                "Calle Mayor 1\n28013 Madrid", Optional.of("B-12345678"), false));
        assertThat(recipient(c, plain)).isEqualTo(new InvoiceRecipient(plain, "Pau Roig", "", Optional.empty(), false));
        assertThat(recipient(c, addressOnly)).isEqualTo(new InvoiceRecipient(addressOnly, "Marta Soler",
                "Rue 5, Rabat", Optional.of("ICE 0012"), false));
        assertThatThrownBy(() -> recipient(c, new ClientId(UUID.randomUUID()))).isInstanceOf(NotFoundException.class);
        Center other = center();
        assertThatThrownBy(() -> recipient(other, billedId)).as("another center's client")
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRestrictedClientIsReportedAsRestricted() {
        Center c = center();
        ClientId id = billed(c).id();
        var restriction = qleven.privacy().createRequest(c.admin(),
                CreatePrivacyRequestCommand.parse(id.toString(), "restriction", null));
        qleven.privacy().completeRequest(c.admin(), restriction.id(), "Restricted while disputed.");

        InvoiceRecipient recipient = recipient(c, id);

        assertThat(recipient.restricted()).isTrue();
        assertThat(recipient.name()).isEqualTo("Estética Lucía SL");
    }

    @Test
    void theExportHoldsTheIdentityAndAnErasureRemovesItButKeepsTheFinanceKey() {
        Center c = center();
        ClientId id = billed(c).id();
        ClientId neighbour = billed(c).id();

        @SuppressWarnings("unchecked")
        Map<String, Object> section = (Map<String, Object>) ((Map<String, Object>) qleven.privacy()
                .export(c.admin(), id).get("sections")).get("client");
        assertThat(section.get("billingIdentity")).isEqualTo(Map.of("name", "Estética Lucía SL",
                "address", "Calle Mayor 1\n28013 Madrid", "taxId", "B-12345678"));

        var erasure = qleven.privacy().createRequest(c.admin(), CreatePrivacyRequestCommand.parse(id.toString(),
                "erasure", null));
        qleven.privacy().completeRequest(c.admin(), erasure.id(), "Erased.");

        assertThat(stored(c, id).billingIdentity()).isNull();
        assertThat(qleven.clients().get(c.admin(), id).billingIdentity()).isEmpty();
        assertThat(qleven.privacy().export(c.admin(), id).toString()).doesNotContain("Estética", "Mayor", "12345678");
        assertThat(recipient(c, id)).isEqualTo(new InvoiceRecipient(id, "[erased]", "", Optional.empty(), false));
        // The center's finance key stays: invoices (and the other clients) keep what it seals.
        assertThat(store.shared().transactions().global(
                () -> store.shared().dataKeys().current(KeyScope.finance(c.tenant())))).isPresent();
        assertThat(qleven.clients().get(c.admin(), neighbour).billingIdentity()).isPresent();
    }
}

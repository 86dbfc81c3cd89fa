package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.addCenter;
import static com.qleven.ports.contract.ContractFixtures.newBlindIndex;
import static com.qleven.ports.contract.ContractFixtures.newTenant;
import static com.qleven.ports.contract.ContractFixtures.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.ports.clients.out.StoredClient;
import com.qleven.ports.shared.out.BlindIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@code Clients} implementation promises: clients come back byte for byte, lookups by
 * blind index and name tokens find exactly the center's matching clients, pages run oldest first
 * (then by id as its text sorts), and an update happens only at the expected version.
 */
public abstract class ClientsContract {
    /** The order lists promise. */
    public static final Comparator<StoredClient> LIST_ORDER = Comparator.comparing(StoredClient::createdAt)
            .thenComparing(c -> c.id().value().toString());

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    private <T> T in(TenantId tenant, Supplier<T> work) {
        return store().shared().transactions().inTenant(tenant, work);
    }

    private TenantId center() {
        TenantId tenant = newTenant();
        addCenter(store(), tenant);
        return tenant;
    }

    /** A client with every field, as opaque bytes the cipher would leave. */
    public static StoredClient client(TenantId tenant, Instant createdAt) {
        return new StoredClient(new ClientId(UUID.randomUUID()), tenant, randomBytes(45), randomBytes(40),
                randomBytes(50), randomBytes(38), randomBytes(300), Optional.of(newBlindIndex()),
                Optional.of(newBlindIndex()), Optional.of(1990), Optional.of(4), createdAt, createdAt, 1,
                randomBytes(90));
    }

    private static StoredClient withPhone(StoredClient c, BlindIndex phone) {
        return new StoredClient(c.id(), c.tenant(), c.fullName(), randomBytes(40), c.email(), c.birthDate(),
                c.notes(), Optional.of(phone), c.emailIndex(), c.birthYear(), c.birthMonth(), c.createdAt(),
                c.updatedAt(), c.version(), c.billingIdentity());
    }

    private static StoredClient withEmail(StoredClient c, BlindIndex email) {
        return new StoredClient(c.id(), c.tenant(), c.fullName(), c.phone(), randomBytes(50), c.birthDate(),
                c.notes(), c.phoneIndex(), Optional.of(email), c.birthYear(), c.birthMonth(), c.createdAt(),
                c.updatedAt(), c.version(), c.billingIdentity());
    }

    private void add(StoredClient client, Set<BlindIndex> tokens) {
        in(client.tenant(), () -> {
            store().clients().clients().add(client, tokens);
            return null;
        });
    }

    private static <T> List<T> all(Function<PageRequest, Page<T>> lookup) {
        List<T> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<T> page = lookup.apply(new PageRequest(2, cursor));
            all.addAll(page.items());
            cursor = page.next();
        } while (cursor.isPresent());
        return all;
    }

    @Test
    public void an_added_client_comes_back_byte_for_byte() {
        TenantId tenant = center();
        StoredClient client = client(tenant, T0);

        add(client, Set.of(newBlindIndex()));

        assertThat(in(tenant, () -> store().clients().clients().byId(tenant, client.id()))).get()
                .usingRecursiveComparison().isEqualTo(client);
    }

    @Test
    public void a_client_with_only_a_name_keeps_the_rest_absent() {
        TenantId tenant = center();
        StoredClient bare = new StoredClient(new ClientId(UUID.randomUUID()), tenant, randomBytes(30), null, null,
                null, null, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), T0, T0, 1);

        add(bare, Set.of());

        StoredClient found = in(tenant, () -> store().clients().clients().byId(tenant, bare.id())).orElseThrow();
        assertThat(found).usingRecursiveComparison().isEqualTo(bare);
        assertThat(found.phone()).isNull();
        assertThat(found.birthYear()).isEmpty();
        assertThat(found.billingIdentity()).isNull();
    }

    @Test
    public void an_update_replaces_and_clears_the_billing_identity() {
        TenantId tenant = center();
        StoredClient client = client(tenant, T0);
        add(client, Set.of());
        byte[] replaced = randomBytes(70);
        StoredClient withNew = new StoredClient(client.id(), tenant, client.fullName(), client.phone(), client.email(),
                client.birthDate(), client.notes(), client.phoneIndex(), client.emailIndex(), client.birthYear(),
                client.birthMonth(), client.createdAt(), T0.plusSeconds(1), 2, replaced);

        assertThat(in(tenant, () -> store().clients().clients().update(withNew, Set.of(), 1))).isTrue();
        assertThat(in(tenant, () -> store().clients().clients().byId(tenant, client.id())).orElseThrow()
                .billingIdentity()).containsExactly(replaced);

        StoredClient without = new StoredClient(client.id(), tenant, client.fullName(), client.phone(), client.email(),
                client.birthDate(), client.notes(), client.phoneIndex(), client.emailIndex(), client.birthYear(),
                client.birthMonth(), client.createdAt(), T0.plusSeconds(2), 3, null);
        assertThat(in(tenant, () -> store().clients().clients().update(without, Set.of(), 2))).isTrue();
        assertThat(in(tenant, () -> store().clients().clients().byId(tenant, client.id())).orElseThrow()
                .billingIdentity()).isNull();
    }

    @Test
    public void sealed_names_are_read_for_the_centers_clients_only_in_one_go() {
        TenantId tenant = center();
        TenantId other = center();
        StoredClient ana = client(tenant, T0);
        StoredClient luis = client(tenant, T0);
        StoredClient theirs = client(other, T0);
        add(ana, Set.of());
        add(luis, Set.of());
        add(theirs, Set.of());
        ClientId unknown = new ClientId(UUID.randomUUID());

        java.util.Map<ClientId, byte[]> names = in(tenant, () -> store().clients().clients().sealedNames(tenant,
                List.of(ana.id(), luis.id(), theirs.id(), unknown, ana.id())));
        assertThat(names).containsOnlyKeys(ana.id(), luis.id());
        assertThat(names.get(ana.id())).containsExactly(ana.fullName());
        assertThat(in(other, () -> store().clients().clients().sealedNames(tenant, List.of(ana.id()))))
                .as("another center's unit sees none of them").isEmpty();
        assertThat(in(tenant, () -> store().clients().clients().sealedNames(tenant, List.of()))).isEmpty();
    }

    @Test
    public void an_unknown_client_is_not_found() {
        TenantId tenant = center();
        assertThat(in(tenant, () -> store().clients().clients().byId(tenant,
                new ClientId(UUID.randomUUID())))).isEmpty();
    }

    @Test
    public void another_centers_unit_of_work_sees_none_of_its_clients() {
        TenantId a = center();
        TenantId b = center();
        BlindIndex token = newBlindIndex();
        StoredClient client = client(a, T0);
        add(client, Set.of(token));

        in(b, () -> {
            assertThat(store().clients().clients().byId(a, client.id())).isEmpty();
            assertThat(store().clients().clients().list(a, PageRequest.first()).items()).isEmpty();
            assertThat(store().clients().clients().byPhone(a, client.phoneIndex().orElseThrow(),
                    PageRequest.first()).items())
                    .isEmpty();
            assertThat(store().clients().clients().byEmail(a, client.emailIndex().orElseThrow(),
                    PageRequest.first()).items())
                    .isEmpty();
            assertThat(store().clients().clients().byNameTokens(a, Set.of(token),
                    PageRequest.first()).items()).isEmpty();
            assertThat(store().clients().clients().update(client, Set.of(), 1)).isFalse();
            return null;
        });
        assertThat(in(a, () -> store().clients().clients().byId(a, client.id()))).get()
                .usingRecursiveComparison().isEqualTo(client);
    }

    @Test
    public void a_client_cannot_be_written_in_another_centers_unit() {
        TenantId a = center();
        TenantId b = center();
        StoredClient client = client(a, T0);

        assertThatThrownBy(() -> in(b, () -> {
            store().clients().clients().add(client, Set.of());
            return null;
        })).isInstanceOf(RuntimeException.class);
        assertThat(in(a, () -> store().clients().clients().byId(a, client.id()))).isEmpty();
    }

    @Test
    public void lookups_by_phone_and_email_find_the_centers_clients_with_that_index() {
        TenantId tenant = center();
        TenantId other = center();
        BlindIndex phone = newBlindIndex();
        BlindIndex email = newBlindIndex();
        StoredClient first = withEmail(withPhone(client(tenant, T0), phone), email);
        StoredClient sameFamily = withPhone(client(tenant, T0.plusSeconds(1)), phone);
        StoredClient unrelated = client(tenant, T0.plusSeconds(2));
        // The same index in another center is another center's business (its keys differ anyway).
        StoredClient elsewhere = withEmail(withPhone(client(other, T0), phone), email);
        for (StoredClient c : List.of(first, sameFamily, unrelated, elsewhere)) {
            add(c, Set.of());
        }

        assertThat(in(tenant, () -> all(p -> store().clients().clients().byPhone(tenant, phone, p))))
                .extracting(StoredClient::id).containsExactly(first.id(), sameFamily.id());
        assertThat(in(tenant, () -> all(p -> store().clients().clients().byEmail(tenant, email, p))))
                .extracting(StoredClient::id).containsExactly(first.id());
        assertThat(in(tenant, () -> store().clients().clients().byPhone(tenant, newBlindIndex(),
                PageRequest.first()).items()))
                .isEmpty();
    }

    @Test
    public void a_name_lookup_finds_the_clients_holding_every_token() {
        TenantId tenant = center();
        BlindIndex ana = newBlindIndex();
        BlindIndex garcia = newBlindIndex();
        BlindIndex lopez = newBlindIndex();
        StoredClient anaGarcia = client(tenant, T0);
        StoredClient anaLopez = client(tenant, T0.plusSeconds(1));
        StoredClient luisGarcia = client(tenant, T0.plusSeconds(2));
        add(anaGarcia, Set.of(ana, garcia));
        add(anaLopez, Set.of(ana, lopez));
        add(luisGarcia, Set.of(newBlindIndex(), garcia));

        assertThat(in(tenant, () -> all(p -> store().clients().clients().byNameTokens(tenant, Set.of(ana), p))))
                .extracting(StoredClient::id).containsExactly(anaGarcia.id(), anaLopez.id());
        assertThat(in(tenant, () -> all(p -> store().clients().clients().byNameTokens(tenant, Set.of(ana, garcia), p))))
                .extracting(StoredClient::id).containsExactly(anaGarcia.id());
        assertThat(in(tenant, () -> all(p -> store().clients().clients().byNameTokens(tenant, Set.of(lopez, garcia),
                p))))
                .isEmpty();
    }

    @Test
    public void an_update_at_the_expected_version_replaces_the_client_and_its_tokens() {
        TenantId tenant = center();
        BlindIndex oldToken = newBlindIndex();
        BlindIndex newToken = newBlindIndex();
        StoredClient v1 = client(tenant, T0);
        add(v1, Set.of(oldToken));
        Instant later = T0.plus(Duration.ofMinutes(5));
        StoredClient v2 = new StoredClient(v1.id(), tenant, randomBytes(44), null, randomBytes(51), null, null,
                Optional.empty(), Optional.of(newBlindIndex()), Optional.empty(), Optional.empty(), T0, later, 2);

        assertThat(in(tenant, () -> store().clients().clients().update(v2, Set.of(newToken), 1))).isTrue();

        assertThat(in(tenant, () -> store().clients().clients().byId(tenant, v1.id()))).get()
                .usingRecursiveComparison().isEqualTo(v2);
        assertThat(in(tenant, () -> store().clients().clients().byNameTokens(tenant, Set.of(oldToken),
                PageRequest.first())
                .items())).isEmpty();
        assertThat(in(tenant, () -> store().clients().clients().byNameTokens(tenant, Set.of(newToken),
                PageRequest.first())
                .items())).extracting(StoredClient::id).containsExactly(v1.id());
        assertThat(in(tenant, () -> store().clients().clients().byPhone(tenant, v1.phoneIndex().orElseThrow(),
                PageRequest.first()).items())).isEmpty();
    }

    @Test
    public void an_update_at_another_version_changes_nothing() {
        TenantId tenant = center();
        BlindIndex token = newBlindIndex();
        StoredClient v1 = client(tenant, T0);
        add(v1, Set.of(token));
        StoredClient v2 = new StoredClient(v1.id(), tenant, randomBytes(44), null, null, null, null,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), T0, T0.plusSeconds(1), 2);

        assertThat(in(tenant, () -> store().clients().clients().update(v2, Set.of(newBlindIndex()), 7))).isFalse();
        StoredClient missing = client(tenant, T0);
        assertThat(in(tenant, () -> store().clients().clients().update(missing, Set.of(), 1))).isFalse();

        assertThat(in(tenant, () -> store().clients().clients().byId(tenant, v1.id()))).get()
                .usingRecursiveComparison().isEqualTo(v1);
        assertThat(in(tenant, () -> store().clients().clients().byNameTokens(tenant, Set.of(token), PageRequest.first())
                .items())).hasSize(1);
        assertThat(in(tenant, () -> store().clients().clients().byId(tenant, missing.id()))).isEmpty();
    }

    @Test
    public void lists_page_in_creation_then_id_order_with_a_working_cursor() {
        TenantId tenant = center();
        List<StoredClient> added = new ArrayList<>();
        // Added out of order, with three created at the same instant.
        added.add(client(tenant, T0.plus(Duration.ofMinutes(2))));
        added.add(client(tenant, T0));
        for (int i = 0; i < 3; i++) {
            added.add(client(tenant, T0.plus(Duration.ofMinutes(1))));
        }
        added.forEach(c -> add(c, Set.of()));
        List<ClientId> expected = added.stream().sorted(LIST_ORDER).map(StoredClient::id).toList();

        Page<StoredClient> first = in(tenant, () -> store().clients().clients().list(tenant, new PageRequest(2,
                Optional.empty())));
        Page<StoredClient> second = in(tenant, () -> store().clients().clients().list(tenant, new PageRequest(2,
                first.next())));
        Page<StoredClient> third = in(tenant, () -> store().clients().clients().list(tenant, new PageRequest(2,
                second.next())));

        assertThat(first.items()).extracting(StoredClient::id).containsExactlyElementsOf(expected.subList(0, 2));
        assertThat(second.items()).extracting(StoredClient::id).containsExactlyElementsOf(expected.subList(2, 4));
        assertThat(third.items()).extracting(StoredClient::id).containsExactlyElementsOf(expected.subList(4, 5));
        assertThat(third.next()).isEmpty();
    }

    @Test
    public void a_center_without_clients_lists_an_empty_last_page() {
        TenantId tenant = center();
        Page<StoredClient> page = in(tenant, () -> store().clients().clients().list(tenant, PageRequest.first()));
        assertThat(page.items()).isEmpty();
        assertThat(page.next()).isEmpty();
    }

    @Test
    public void a_malformed_cursor_is_a_validation_error_on_the_cursor() {
        TenantId tenant = center();
        for (String cursor : List.of("not a cursor", "AAAA", "")) {
            assertThatThrownBy(() -> in(tenant, () -> store().clients().clients().list(tenant,
                    new PageRequest(10, Optional.of(cursor))))).as(cursor)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("cursor")));
        }
    }

    @Test
    public void a_failed_unit_of_work_leaves_no_client_behind() {
        TenantId tenant = center();
        StoredClient client = client(tenant, T0);
        BlindIndex token = newBlindIndex();
        RuntimeException failure = new RuntimeException("later step failed");

        assertThatThrownBy(() -> in(tenant, () -> {
            store().clients().clients().add(client, Set.of(token));
            throw failure;
        })).isSameAs(failure);

        assertThat(in(tenant, () -> store().clients().clients().byId(tenant, client.id()))).isEmpty();
        assertThat(in(tenant, () -> store().clients().clients().byNameTokens(tenant, Set.of(token), PageRequest.first())
                .items())).isEmpty();
    }

    @Test
    void allReadsTheCentersClientsByIdUpToTheLimitAndNoneOfAnotherCenter() {
        TenantId tenant = center();
        TenantId other = center();
        List<StoredClient> mine = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            StoredClient c = client(tenant, T0.plusSeconds(i));
            add(c, Set.of());
            mine.add(c);
        }
        add(client(other, T0), Set.of());

        Map<ClientId, StoredClient> all = in(tenant, () -> store().clients().clients().all(tenant, 10));
        assertThat(all.keySet()).containsExactlyInAnyOrderElementsOf(mine.stream().map(StoredClient::id).toList());
        Map<ClientId, StoredClient> two = in(tenant, () -> store().clients().clients().all(tenant, 2));
        assertThat(two).hasSize(2);
        assertThat(in(other, () -> store().clients().clients().all(tenant, 10))).isEmpty();
    }
}

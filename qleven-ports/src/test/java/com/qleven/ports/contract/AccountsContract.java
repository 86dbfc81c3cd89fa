package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.T0;
import static com.qleven.ports.contract.ContractFixtures.account;
import static com.qleven.ports.contract.ContractFixtures.newUser;
import static com.qleven.ports.contract.ContractFixtures.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.tenancy.out.StoredAccount;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What every {@code Accounts} implementation promises. */
public abstract class AccountsContract {

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    private <T> T global(Supplier<T> work) {
        return store().shared().transactions().global(work);
    }

    private void add(StoredAccount account) {
        store().shared().transactions().global(() -> store().tenancy().accounts().add(account));
    }

    @Test
    public void an_added_account_comes_back_byte_for_byte() {
        StoredAccount account = account(newUser());

        add(account);

        assertThat(global(() -> store().tenancy().accounts().byId(account.id()))).get()
                .usingRecursiveComparison().isEqualTo(account);
    }

    @Test
    public void an_account_without_phone_keeps_it_absent_and_an_operator_stays_one() {
        UserId id = newUser();
        StoredAccount operator = new StoredAccount(id, randomBytes(20), randomBytes(30), null,
                "$argon2id$v=19$m=19456,t=2,p=1$b3A$aGFzaA", T0, true, T0);

        add(operator);

        StoredAccount found = global(() -> store().tenancy().accounts().byId(id)).orElseThrow();
        assertThat(found.phone()).isNull();
        assertThat(found.operator()).isTrue();
        assertThat(found).usingRecursiveComparison().isEqualTo(operator);
    }

    @Test
    public void an_unknown_account_is_not_found() {
        assertThat(global(() -> store().tenancy().accounts().byId(newUser()))).isEmpty();
    }

    @Test
    public void byIds_returns_the_accounts_that_exist_among_the_ids() {
        StoredAccount first = account(newUser());
        StoredAccount second = account(newUser());
        add(first);
        add(second);

        List<StoredAccount> found = global(() -> store().tenancy().accounts().byIds(List.of(second.id(), newUser(),
                first.id())));

        assertThat(found).extracting(StoredAccount::id).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(found).filteredOn(a -> a.id().equals(first.id())).singleElement()
                .usingRecursiveComparison().isEqualTo(first);
    }

    @Test
    public void pages_after_an_id_walk_every_account_once_in_id_order() {
        List<UserId> added = java.util.stream.IntStream.range(0, 5).mapToObj(i -> newUser()).toList();
        added.forEach(id -> add(account(id)));

        // The store may hold other tests' accounts: the walk must meet all of them, each once.
        List<UserId> walked = new java.util.ArrayList<>();
        java.util.Optional<UserId> after = java.util.Optional.empty();
        while (true) {
            java.util.Optional<UserId> from = after;
            List<StoredAccount> page = global(() -> store().tenancy().accounts().pageAfter(from, 2));
            assertThat(page).hasSizeLessThanOrEqualTo(2);
            if (page.isEmpty()) {
                break;
            }
            page.forEach(a -> walked.add(a.id()));
            after = java.util.Optional.of(page.get(page.size() - 1).id());
        }

        assertThat(walked).containsAll(added).doesNotHaveDuplicates();
        // Ascending as PostgreSQL orders uuid: by unsigned bytes, which is the order of the canonical text.
        assertThat(walked.stream().map(UserId::toString).toList()).isSorted();
        UserId last = walked.get(walked.size() - 1);
        assertThat(global(() -> store().tenancy().accounts().pageAfter(java.util.Optional.of(last), 2))).isEmpty();
    }

    @Test
    public void byIds_of_no_ids_is_empty() {
        assertThat(global(() -> store().tenancy().accounts().byIds(List.of()))).isEmpty();
    }

    @Test
    public void accounts_are_global_and_found_from_a_centers_unit_of_work() {
        StoredAccount account = account(newUser());
        add(account);

        assertThat(store().shared().transactions().inTenant(ContractFixtures.newTenant(),
                () -> store().tenancy().accounts().byId(account.id()))).isPresent();
    }
}

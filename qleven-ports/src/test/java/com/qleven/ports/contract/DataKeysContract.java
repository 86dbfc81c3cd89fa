package com.qleven.ports.contract;

import static com.qleven.ports.contract.ContractFixtures.wrappedKey;
import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.application.QlevenStore;
import com.qleven.ports.shared.out.DataKeys;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.shared.out.WrappedKey;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What every {@code DataKeys} implementation promises. */
public abstract class DataKeysContract {

    /** A store that lives for the whole test class. */
    protected abstract QlevenStore store();

    private <T> T global(Supplier<T> work) {
        return store().shared().transactions().global(work);
    }

    private DataKeys keys() {
        return store().shared().dataKeys();
    }

    private static KeyScope newScope() {
        return KeyScope.account(UUID.randomUUID());
    }

    @Test
    public void an_added_key_is_found_by_id_and_is_its_scopes_current_key() {
        WrappedKey key = wrappedKey(newScope());

        WrappedKey stored = global(() -> keys().addIfAbsent(key));

        assertThat(stored).usingRecursiveComparison().isEqualTo(key);
        assertThat(global(() -> keys().byId(key.id()))).get().usingRecursiveComparison().isEqualTo(key);
        assertThat(global(() -> keys().current(key.scope()))).get().usingRecursiveComparison().isEqualTo(key);
    }

    @Test
    public void addNew_stores_a_new_scopes_first_key_and_byIds_finds_the_keys_that_exist() {
        WrappedKey key = wrappedKey(newScope());
        WrappedKey other = wrappedKey(newScope());
        global(() -> keys().addIfAbsent(other));

        WrappedKey stored = global(() -> keys().addNew(key));

        assertThat(stored).usingRecursiveComparison().isEqualTo(key);
        assertThat(global(() -> keys().current(key.scope()))).get().usingRecursiveComparison().isEqualTo(key);
        List<WrappedKey> found = global(() -> keys().byIds(List.of(key.id(), other.id(), key.id(), UUID.randomUUID())));
        assertThat(found).extracting(WrappedKey::id).containsExactlyInAnyOrder(key.id(), other.id());
        assertThat(global(() -> keys().byIds(List.of()))).isEmpty();
        global(() -> {
            keys().shred(other.scope());
            return null;
        });
        assertThat(global(() -> keys().byIds(List.of(key.id(), other.id())))).extracting(WrappedKey::id)
                .containsExactly(key.id());
    }

    @Test
    public void addIfAbsent_returns_the_existing_key_of_a_scope() {
        KeyScope scope = newScope();
        WrappedKey first = wrappedKey(scope);
        WrappedKey second = wrappedKey(scope);
        global(() -> keys().addIfAbsent(first));

        WrappedKey returned = global(() -> keys().addIfAbsent(second));

        assertThat(returned).usingRecursiveComparison().isEqualTo(first);
        assertThat(global(() -> keys().byId(second.id()))).isEmpty();
        assertThat(global(() -> keys().current(scope))).get().usingRecursiveComparison().isEqualTo(first);
    }

    @Test
    public void hosts_creating_the_first_key_of_a_scope_at_once_agree_on_one() throws Exception {
        int racers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (int round = 0; round < 3; round++) {
                KeyScope scope = newScope();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<WrappedKey>> results = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    WrappedKey candidate = wrappedKey(scope);
                    results.add(pool.submit(() -> {
                        start.await();
                        return global(() -> keys().addIfAbsent(candidate));
                    }));
                }
                start.countDown();
                List<UUID> agreed = new ArrayList<>();
                for (Future<WrappedKey> result : results) {
                    agreed.add(result.get(30, TimeUnit.SECONDS).id());
                }
                assertThat(agreed).as("round %d", round).containsOnly(agreed.get(0));
                assertThat(global(() -> keys().current(scope))).get().extracting(WrappedKey::id)
                        .isEqualTo(agreed.get(0));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void scopes_of_the_same_owner_and_another_kind_are_apart() {
        UUID owner = UUID.randomUUID();
        WrappedKey account = wrappedKey(new KeyScope("account", owner));
        WrappedKey finance = wrappedKey(new KeyScope("finance", owner));

        global(() -> keys().addIfAbsent(account));
        WrappedKey returned = global(() -> keys().addIfAbsent(finance));

        assertThat(returned.id()).isEqualTo(finance.id());
        assertThat(global(() -> keys().current(account.scope()))).get().extracting(WrappedKey::id)
                .isEqualTo(account.id());
    }

    @Test
    public void an_unknown_scope_or_id_has_no_key() {
        assertThat(global(() -> keys().current(newScope()))).isEmpty();
        assertThat(global(() -> keys().byId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    public void shred_removes_every_key_of_the_scope_and_no_other() {
        WrappedKey key = wrappedKey(newScope());
        WrappedKey other = wrappedKey(newScope());
        global(() -> keys().addIfAbsent(key));
        global(() -> keys().addIfAbsent(other));

        store().shared().transactions().global(() -> keys().shred(key.scope()));

        assertThat(global(() -> keys().byId(key.id()))).isEmpty();
        assertThat(global(() -> keys().current(key.scope()))).isEmpty();
        assertThat(global(() -> keys().byId(other.id()))).isPresent();
    }

    @Test
    public void a_shredded_scope_takes_a_new_key() {
        KeyScope scope = newScope();
        WrappedKey old = wrappedKey(scope);
        WrappedKey fresh = wrappedKey(scope);
        global(() -> keys().addIfAbsent(old));
        store().shared().transactions().global(() -> keys().shred(scope));

        WrappedKey returned = global(() -> keys().addIfAbsent(fresh));

        assertThat(returned.id()).isEqualTo(fresh.id());
    }

    private WrappedKey addWrappedBy(String masterKeyId) {
        WrappedKey template = wrappedKey(newScope());
        WrappedKey key = new WrappedKey(template.id(), template.scope(), masterKeyId, template.wrapped(),
                template.createdAt());
        return global(() -> keys().addIfAbsent(key));
    }

    @Test
    public void keys_wrapped_by_other_master_keys_are_listed_a_page_at_a_time_in_id_order() {
        String old = "old-" + UUID.randomUUID();
        String current = "new-" + UUID.randomUUID();
        List<UUID> ours = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ours.add(addWrappedBy(old).id());
        }
        UUID alreadyDone = addWrappedBy(current).id();

        List<UUID> listed = new ArrayList<>();
        java.util.Optional<UUID> after = java.util.Optional.empty();
        while (true) {
            java.util.Optional<UUID> from = after;
            List<WrappedKey> page = global(() -> keys().wrappedByOtherThan(current, from, 2));
            page.stream().map(WrappedKey::id).forEach(listed::add);
            if (page.size() < 2) {
                break;
            }
            after = java.util.Optional.of(page.get(page.size() - 1).id());
        }
        assertThat(listed).doesNotHaveDuplicates().doesNotContain(alreadyDone).containsAll(ours);
        java.util.Comparator<UUID> byBytes = (a, b) -> {
            int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
            return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
        };
        assertThat(listed).as("in the order of the ids' bytes").isSortedAccordingTo(byBytes);
        assertThat(global(() -> keys().countByMasterKey())).containsEntry(old, 5L).containsEntry(current, 1L);
    }

    @Test
    public void a_rewrap_replaces_the_wrapping_only_while_it_is_as_it_was_read() {
        String old = "old-" + UUID.randomUUID();
        WrappedKey key = addWrappedBy(old);
        byte[] rewrapped = ContractFixtures.randomBytes(60);

        assertThat(global(() -> keys().rewrap(key.id(), old, "new", rewrapped))).isTrue();
        assertThat(global(() -> keys().rewrap(key.id(), old, "newer", ContractFixtures.randomBytes(60)))).isFalse();
        assertThat(global(() -> keys().rewrap(UUID.randomUUID(), old, "new", rewrapped))).isFalse();

        WrappedKey stored = global(() -> keys().byId(key.id())).orElseThrow();
        assertThat(stored.masterKeyId()).isEqualTo("new");
        assertThat(stored.wrapped()).isEqualTo(rewrapped);
        assertThat(stored.scope()).isEqualTo(key.scope());
        assertThat(stored.createdAt()).isEqualTo(key.createdAt());
    }

    @Test
    public void currentOf_reads_the_current_key_of_each_scope_that_has_one() {
        WrappedKey a = global(() -> keys().addIfAbsent(wrappedKey(newScope())));
        WrappedKey b = global(() -> keys().addIfAbsent(wrappedKey(newScope())));
        KeyScope none = newScope();

        java.util.Map<KeyScope, WrappedKey> found = global(() -> keys().currentOf(List.of(a.scope(), b.scope(), none,
                a.scope())));

        assertThat(found.keySet()).containsExactlyInAnyOrder(a.scope(), b.scope());
        assertThat(found.get(a.scope())).usingRecursiveComparison().isEqualTo(global(() -> keys().current(a.scope())).get());
        assertThat(found.get(b.scope())).usingRecursiveComparison().isEqualTo(global(() -> keys().current(b.scope())).get());
        assertThat(global(() -> keys().currentOf(List.of()))).isEmpty();
    }
}

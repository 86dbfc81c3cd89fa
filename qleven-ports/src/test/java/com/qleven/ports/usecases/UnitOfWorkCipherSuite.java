package com.qleven.ports.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.application.Qleven;
import com.qleven.application.QlevenStore;
import com.qleven.application.clients.CreateClientService;
import com.qleven.application.clients.GetClientService;
import com.qleven.application.shared.UuidV7Ids;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.clients.in.ClientView;
import com.qleven.ports.clients.in.CreateClientCommand;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.DataKeys;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.shared.out.WrappedKey;
import com.qleven.ports.tenancy.in.ClientInfo;
import com.qleven.ports.tenancy.in.SignInCommand;
import com.qleven.ports.tenancy.in.SignUp.SignUpResult;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.testing.MutableClock;
import com.qleven.ports.testing.RecordingAuditTrail;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cipher within units of work, against every store: a unit reads each data key once, keeps it
 * only until it ends (so a key made in a unit that rolls back is never used again, and a key shredded
 * in one unit does not decrypt in the next), and computes a blind index once per value. The store's
 * data keys are counted through a wrapper, so what is asserted is how often the cipher asks.
 */
public abstract class UnitOfWorkCipherSuite extends UseCasesSuiteBase {
    private static final String PASSWORD = "correct horse battery";

    protected QlevenStore store;
    private MutableClock clock;
    private CountingDataKeys counted;
    private FieldCipher cipher;
    private Qleven qleven;

    @BeforeEach
    void buildCore() {
        clock = new MutableClock(Instant.parse("2026-12-07T08:00:00Z"));
        store = newStore();
        counted = new CountingDataKeys(store.shared().dataKeys());
        cipher = cipher(counted, store.shared().transactions());
        qleven = core(store, cipher).clock(clock).signupsPerAddressPerHour(1000).build();
    }

    /** Every call the cipher makes to the data-key store, with the scope or key id it names. */
    static final class CountingDataKeys implements DataKeys {
        record Call(String method, Object about) {
        }

        final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        private final DataKeys inner;

        CountingDataKeys(DataKeys inner) {
            this.inner = inner;
        }

        long count(String method, Object about) {
            synchronized (calls) {
                return calls.stream().filter(c -> c.method().equals(method) && c.about().equals(about)).count();
            }
        }

        @Override
        public Optional<WrappedKey> byId(UUID keyId) {
            calls.add(new Call("byId", keyId));
            return inner.byId(keyId);
        }

        @Override
        public List<WrappedKey> byIds(Collection<UUID> keyIds) {
            keyIds.forEach(id -> calls.add(new Call("byIds", id)));
            return inner.byIds(keyIds);
        }

        @Override
        public WrappedKey addNew(WrappedKey key) {
            calls.add(new Call("addNew", key.scope()));
            return inner.addNew(key);
        }

        @Override
        public Optional<WrappedKey> current(KeyScope scope) {
            calls.add(new Call("current", scope));
            return inner.current(scope);
        }

        @Override
        public WrappedKey addIfAbsent(WrappedKey key) {
            calls.add(new Call("addIfAbsent", key.scope()));
            return inner.addIfAbsent(key);
        }

        @Override
        public void shred(KeyScope scope) {
            calls.add(new Call("shred", scope));
            inner.shred(scope);
        }

        @Override
        public List<WrappedKey> wrappedByOtherThan(String masterKeyId, Optional<UUID> after, int limit) {
            return inner.wrappedByOtherThan(masterKeyId, after, limit);
        }

        @Override
        public boolean rewrap(UUID keyId, String expectedMasterKeyId, String masterKeyId, byte[] wrapped) {
            return inner.rewrap(keyId, expectedMasterKeyId, masterKeyId, wrapped);
        }

        @Override
        public Map<String, Long> countByMasterKey() {
            return inner.countByMasterKey();
        }
    }

    private Principal admin() {
        String email = "admin-" + UUID.randomUUID() + "@example.com";
        ClientInfo from = new ClientInfo("10.9.8.7", "test", Optional.empty());
        SignUpResult signedUp = qleven.tenancy().signUp(SignUpCommand.builder()
                .centerName("Clínica").address("Calle 1").taxId("B1").country("ES").timeZone("Europe/Madrid")
                .currency("EUR").fullName("Ana Admin").email(email).password(PASSWORD).ageConfirmed(true).client(from)
                .build());
        assertThat(signedUp.tenantId()).isNotNull();
        return qleven.tenancy().authenticate(
                qleven.tenancy().signIn(new SignInCommand(email, PASSWORD, Optional.empty(), from)).token());
    }

    /** The id of the data key that sealed a value: bytes 1 to 16. */
    private static UUID keyIdOf(byte[] sealed) {
        ByteBuffer in = ByteBuffer.wrap(sealed, 1, 16);
        return new UUID(in.getLong(), in.getLong());
    }

    @Test
    void creatingAClientReadsItsDataKeyOnceAndReadingItBackOnceMore() {
        Principal admin = admin();
        RecordingAuditTrail audit = new RecordingAuditTrail();
        UuidV7Ids ids = new UuidV7Ids(clock);
        CreateClientService create = new CreateClientService(store.shared().transactions(), store.tenancy().centers(),
                store.clients().clients(), cipher, phoneNumbers(), audit, clock, ids);
        GetClientService get = new GetClientService(store.shared().transactions(), store.clients().clients(),
                store.clients().clientRestrictions(), store.clients().clientDuplicates(), cipher, audit, clock);

        ClientView lucia = create.create(admin, CreateClientCommand.builder()
                .fullName("Lucía Fernández-Ruiz").phone("600 111 222").email("lucia@example.com")
                .birthDate("1990-04-12").notes("Allergic to latex.").build());
        KeyScope scope = new KeyScope("client", lucia.id().value());

        assertThat(counted.count("current", scope)).as("a new client's key is not looked up, five fields sealed")
                .isZero();
        assertThat(counted.count("addNew", scope)).as("the key made once, as a new scope's").isEqualTo(1);
        assertThat(counted.count("addIfAbsent", scope)).isZero();
        UUID keyId = store.shared().transactions().global(() -> store.shared().dataKeys().current(scope)).orElseThrow().id();
        assertThat(counted.count("byId", keyId)).as("the key just made is not read again").isZero();

        assertThat(get.get(admin, lucia.id()).notes()).contains("Allergic to latex.");
        assertThat(counted.count("byId", keyId)).as("five fields opened in one unit, one read").isEqualTo(1);
        // control: each unit reads for itself
        get.get(admin, lucia.id());
        assertThat(counted.count("byId", keyId)).as("a second unit reads the key again").isEqualTo(2);
        ClientView other = create.create(admin, CreateClientCommand.builder().fullName("Eva Martín").build());
        assertThat(counted.count("addNew", new KeyScope("client", other.id().value()))).isEqualTo(1);
    }

    @Test
    void aNewScopesKeyMadeInAUnitThatRollsBackIsGoneAndTheNextUnitMakesAnother() {
        Transactions tx = store.shared().transactions();
        KeyScope scope = new KeyScope("client", UUID.randomUUID());
        AtomicReference<byte[]> lost = new AtomicReference<>();
        assertThatThrownBy(() -> tx.global(() -> {
            cipher.createScope(scope);
            lost.set(cipher.encrypt(scope, "client|fullName", "Ana"));
            throw new IllegalStateException("the unit fails after sealing");
        })).hasMessageContaining("fails");

        byte[] kept = tx.global(() -> {
            cipher.createScope(scope);
            return cipher.encrypt(scope, "client|fullName", "Ana");
        });

        assertThat(counted.count("current", scope)).as("a new scope is not looked up").isZero();
        assertThat(keyIdOf(kept)).isNotEqualTo(keyIdOf(lost.get()));
        assertThat(tx.global(() -> store.shared().dataKeys().byId(keyIdOf(lost.get())))).as("the rolled-back key").isEmpty();
        assertThat(tx.global(() -> store.shared().dataKeys().current(scope))).get().extracting(WrappedKey::id)
                .isEqualTo(keyIdOf(kept));
        assertThat(tx.global(() -> cipher.decrypt("client|fullName", kept))).isEqualTo("Ana");
        // outside a unit there is nothing to keep the key in: encrypt makes it as always
        KeyScope outside = new KeyScope("client", UUID.randomUUID());
        cipher.createScope(outside);
        assertThat(counted.count("addNew", scope)).as("one per unit").isEqualTo(2);
        assertThat(counted.count("addNew", outside)).isZero();
        assertThat(tx.global(() -> store.shared().dataKeys().current(outside))).isEmpty();
    }

    @Test
    void aPageOfValuesReadsItsKeysInOneGoAndAShredStillTakesEffect() {
        Transactions tx = store.shared().transactions();
        List<KeyScope> scopes = List.of(new KeyScope("client", UUID.randomUUID()),
                new KeyScope("client", UUID.randomUUID()), new KeyScope("client", UUID.randomUUID()));
        List<byte[]> page = new ArrayList<>();
        for (KeyScope scope : scopes) {
            page.add(tx.global(() -> cipher.encrypt(scope, "client|notes", "N " + scope.owner())));
        }
        List<UUID> keys = page.stream().map(UnitOfWorkCipherSuite::keyIdOf).toList();
        List<byte[]> withNull = new ArrayList<>(page);
        withNull.add(null);

        List<String> opened = tx.global(() -> {
            cipher.preload(withNull);
            return page.stream().map(v -> cipher.decrypt("client|notes", v)).toList();
        });

        assertThat(opened).containsExactly("N " + scopes.get(0).owner(), "N " + scopes.get(1).owner(),
                "N " + scopes.get(2).owner());
        keys.forEach(k -> {
            assertThat(counted.count("byIds", k)).as("read in one go").isEqualTo(1);
            assertThat(counted.count("byId", k)).as("not read again one by one").isZero();
        });
        tx.global(() -> cipher.preload(page));
        assertThat(counted.count("byIds", keys.get(0))).as("each unit reads for itself").isEqualTo(2);
        cipher.preload(page);
        assertThat(counted.count("byIds", keys.get(0))).as("outside a unit: nothing to keep them in").isEqualTo(2);

        tx.global(() -> {
            cipher.preload(page);
            store.shared().dataKeys().shred(scopes.get(1));
            assertThatThrownBy(() -> cipher.decrypt("client|notes", page.get(1))).as("preloaded, then shredded")
                    .hasMessageContaining("does not exist");
            assertThat(cipher.decrypt("client|notes", page.get(0))).isEqualTo("N " + scopes.get(0).owner());
        });
        assertThatThrownBy(() -> tx.global(() -> {
            cipher.preload(page);
            return cipher.decrypt("client|notes", page.get(1));
        })).as("a shredded key is left out of a preload").hasMessageContaining("does not exist");
    }

    @Test
    void aKeyMadeInAUnitThatRollsBackIsNeverUsedAgain() {
        Transactions tx = store.shared().transactions();
        KeyScope scope = new KeyScope("client", UUID.randomUUID());
        AtomicReference<byte[]> lost = new AtomicReference<>();
        assertThatThrownBy(() -> tx.global(() -> {
            lost.set(cipher.encrypt(scope, "client|fullName", "Ana"));
            throw new IllegalStateException("the unit fails after sealing");
        })).hasMessageContaining("fails");

        byte[] kept = tx.global(() -> cipher.encrypt(scope, "client|fullName", "Ana"));

        assertThat(keyIdOf(kept)).as("a new key, not the rolled-back one").isNotEqualTo(keyIdOf(lost.get()));
        assertThat(tx.global(() -> store.shared().dataKeys().byId(keyIdOf(lost.get())))).as("the rolled-back key")
                .isEmpty();
        assertThat(tx.global(() -> cipher.decrypt("client|fullName", kept))).isEqualTo("Ana");
        assertThat(counted.count("current", scope)).as("each unit looked the key up").isEqualTo(2);
    }

    @Test
    void aNestedCallThatFailsMakesTheUnitReadItsKeysAgain() {
        Transactions tx = store.shared().transactions();
        KeyScope scope = new KeyScope("client", UUID.randomUUID());
        byte[] sealed = tx.global(() -> {
            try {
                tx.global(() -> {
                    cipher.encrypt(scope, "client|fullName", "Ana");
                    throw new IllegalStateException("the nested call fails");
                });
            } catch (IllegalStateException expected) {
                // the unit goes on, as a use case that recovers from a failure does
            }
            return cipher.encrypt(scope, "client|fullName", "Ana");
        });
        assertThat(counted.count("current", scope)).as("looked up again after the failure").isEqualTo(2);
        assertThat(tx.global(() -> cipher.decrypt("client|fullName", sealed))).isEqualTo("Ana");
    }

    @Test
    void aKeyShreddedInOneUnitDoesNotDecryptInTheNext() {
        Transactions tx = store.shared().transactions();
        KeyScope scope = new KeyScope("client", UUID.randomUUID());
        KeyScope control = new KeyScope("client", UUID.randomUUID());
        byte[] sealed = tx.global(() -> cipher.encrypt(scope, "client|notes", "Latex"));
        byte[] kept = tx.global(() -> cipher.encrypt(control, "client|notes", "Kept"));
        assertThat(tx.global(() -> cipher.decrypt("client|notes", sealed))).isEqualTo("Latex");

        tx.global(() -> store.shared().dataKeys().shred(scope));

        assertThatThrownBy(() -> tx.global(() -> cipher.decrypt("client|notes", sealed)))
                .hasMessageContaining("does not exist");
        assertThat(tx.global(() -> cipher.decrypt("client|notes", kept))).as("control").isEqualTo("Kept");
    }

    @Test
    void aKeyShreddedInsideTheUnitStopsDecryptingInItAtOnceAndIsNotUsedToSealAgain() {
        Transactions tx = store.shared().transactions();
        KeyScope scope = new KeyScope("client", UUID.randomUUID());
        byte[] sealed = tx.global(() -> cipher.encrypt(scope, "client|notes", "Latex"));
        byte[] after = tx.global(() -> {
            assertThat(cipher.decrypt("client|notes", sealed)).isEqualTo("Latex");
            cipher.encrypt(scope, "client|fullName", "Ana");
            store.shared().dataKeys().shred(scope);
            assertThatThrownBy(() -> cipher.decrypt("client|notes", sealed)).as("in the same unit")
                    .hasMessageContaining("does not exist");
            return cipher.encrypt(scope, "client|fullName", "Ana");
        });
        assertThat(keyIdOf(after)).as("sealed under a new key").isNotEqualTo(keyIdOf(sealed));
        assertThat(tx.global(() -> cipher.decrypt("client|fullName", after))).isEqualTo("Ana");
    }

    @Test
    void aBlindIndexIsComputedOncePerValuePerUnit() {
        Transactions tx = store.shared().transactions();
        Optional<TenantId> tenant = Optional.of(new TenantId(UUID.randomUUID()));
        List<BlindIndex> first = tx.global(() -> List.of(
                cipher.blindIndex("client.phone", tenant, "+34600111222"),
                cipher.blindIndex("client.phone", tenant, "+34600111222"),
                cipher.blindIndex("client.email", tenant, "+34600111222"),
                cipher.blindIndex("client.phone", Optional.empty(), "+34600111222")));
        BlindIndex again = tx.global(() -> cipher.blindIndex("client.phone", tenant, "+34600111222"));

        assertThat(first.get(1)).as("the same value in the same unit: kept, not computed again")
                .isSameAs(first.get(0));
        assertThat(first.get(2)).as("another index").isNotEqualTo(first.get(0));
        assertThat(first.get(3)).as("another center").isNotEqualTo(first.get(0));
        assertThat(again).as("another unit computes it again, to the same value")
                .isEqualTo(first.get(0)).isNotSameAs(first.get(0));
        assertThat(cipher.blindIndex("client.phone", tenant, "+34600111222"))
                .as("outside any unit").isEqualTo(first.get(0)).isNotSameAs(first.get(0));
    }
}

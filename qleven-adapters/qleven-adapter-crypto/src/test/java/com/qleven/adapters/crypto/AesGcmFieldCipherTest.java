package com.qleven.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.KeyScope;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AesGcmFieldCipherTest {
    private final MasterKeys master = MasterKeys.parse(MasterKeys.newKeyFile(), "test");
    private final MapDataKeys store = new MapDataKeys();
    private final AesGcmFieldCipher cipher = new AesGcmFieldCipher(master, store);
    private final KeyScope ana = KeyScope.account(UUID.randomUUID());

    @Test
    void roundTripsAndNeverStoresThePlaintext() {
        byte[] sealed = cipher.encrypt(ana, "account|email|1", "ana@example.com");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("ana@example.com");
        assertThat(cipher.decrypt("account|email|1", sealed)).isEqualTo("ana@example.com");
    }

    @Test
    void usesAFreshNonceForEveryValue() {
        assertThat(cipher.encrypt(ana, "a", "same")).isNotEqualTo(cipher.encrypt(ana, "a", "same"));
    }

    @Test
    void aValueMovedToAnotherPlaceDoesNotDecrypt() {
        byte[] sealed = cipher.encrypt(ana, "account|email|1", "ana@example.com");
        assertThatThrownBy(() -> cipher.decrypt("account|email|2", sealed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("moved");
    }

    @Test
    void aTamperedValueDoesNotDecrypt() {
        byte[] sealed = cipher.encrypt(ana, "p", "+34600111222");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt("p", sealed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsOneDataKeyPerScopeWrappedByTheMasterKey() {
        cipher.encrypt(ana, "x", "one");
        cipher.encrypt(ana, "y", "two");
        cipher.encrypt(KeyScope.account(UUID.randomUUID()), "z", "three");
        assertThat(store.keys).hasSize(2);
        assertThat(store.keys.values()).allSatisfy(k -> {
            assertThat(k.masterKeyId()).isEqualTo(master.primaryId());
            assertThat(k.wrapped()).hasSize(12 + 32 + 16);
        });
    }

    @Test
    void shreddingTheScopeMakesItsValuesUnreadableAtOnce() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        AesGcmFieldCipher timed = new AesGcmFieldCipher(master, store, clock);
        byte[] sealed = timed.encrypt(ana, "n", "Ana López");
        assertThat(timed.decrypt("n", sealed)).isEqualTo("Ana López");
        store.shred(ana);
        // The clock stands still: no expiry of a cache can be what refuses.
        assertThatThrownBy(() -> timed.decrypt("n", sealed)).hasMessageContaining("shredded");
    }

    @Test
    void anotherMasterKeyFileCannotReadTheData() {
        byte[] sealed = cipher.encrypt(ana, "n", "Ana López");
        AesGcmFieldCipher stranger = new AesGcmFieldCipher(MasterKeys.parse(MasterKeys.newKeyFile(), "other"), store);
        assertThatThrownBy(() -> stranger.decrypt("n", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void blindIndexesAreStablePerKeyAndSeparatePerIndexAndCenter() {
        TenantId a = new TenantId(UUID.randomUUID());
        var one = cipher.blindIndex("client.phone", Optional.of(a), "+34600111222");
        assertThat(cipher.blindIndex("client.phone", Optional.of(a), "+34600111222")).isEqualTo(one);
        assertThat(new AesGcmFieldCipher(master, new MapDataKeys()).blindIndex("client.phone", Optional.of(a), "+34600111222"))
                .isEqualTo(one);
        assertThat(cipher.blindIndex("client.email", Optional.of(a), "+34600111222")).isNotEqualTo(one);
        assertThat(cipher.blindIndex("client.phone", Optional.of(new TenantId(UUID.randomUUID())), "+34600111222"))
                .isNotEqualTo(one);
        assertThat(one.hex()).doesNotContain("600111222");
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

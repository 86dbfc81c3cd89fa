package com.qleven.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.shared.out.WrappedKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Master key rotation: a new primary key, a re-wrap of every data key, then the old key removed. */
class KeyRotationTest {
    @TempDir
    Path dir;

    private record Sealed(String place, String plaintext, byte[] value) {
    }

    private static List<Sealed> sealSome(AesGcmFieldCipher cipher, int scopes) {
        List<Sealed> sealed = new ArrayList<>();
        for (int i = 0; i < scopes; i++) {
            KeyScope scope = KeyScope.account(UUID.randomUUID());
            String place = "account|email|" + scope.owner();
            String plaintext = "person" + i + "@example.com";
            sealed.add(new Sealed(place, plaintext, cipher.encrypt(scope, place, plaintext)));
        }
        return sealed;
    }

    private static void assertAllDecrypt(AesGcmFieldCipher cipher, List<Sealed> values) {
        for (Sealed s : values) {
            assertThat(cipher.decrypt(s.place(), s.value())).isEqualTo(s.plaintext());
        }
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void valuesSealedBeforeARotationDecryptAfterItAfterTheRewrapAndWithoutTheOldKey() throws Exception {
        Path file = dir.resolve("master.key");
        MasterKeys before = MasterKeys.loadOrCreate(file);
        MapDataKeys store = new MapDataKeys();
        List<Sealed> old = sealSome(new AesGcmFieldCipher(before, store), 7);

        MasterKeys rotated = MasterKeys.rotate(file);
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(rotated.primaryId()).isNotEqualTo(before.primaryId());
        assertThat(rotated.keyIds()).containsExactlyInAnyOrder(before.primaryId(), rotated.primaryId());
        assertThat(rotated.derive("audit-chain")).as("derived keys outlive a rotation")
                .isEqualTo(before.derive("audit-chain"));
        assertThat(MasterKeys.load(file).primaryId()).isEqualTo(rotated.primaryId());

        AesGcmFieldCipher afterRotation = new AesGcmFieldCipher(MasterKeys.load(file), store);
        assertAllDecrypt(afterRotation, old);
        List<Sealed> fresh = sealSome(afterRotation, 2);
        assertThat(store.countByMasterKey())
                .isEqualTo(Map.of(before.primaryId(), 7L, rotated.primaryId(), 2L));

        AesGcmFieldCipher.Rewrap rewrap = afterRotation.rewrapDataKeys(3);
        assertThat(rewrap.rewrapped()).isEqualTo(7);
        assertThat(rewrap.unreadable()).isZero();
        assertThat(rewrap.byMasterKey()).isEqualTo(Map.of(rotated.primaryId(), 9L));
        assertThat(afterRotation.rewrapDataKeys(3).rewrapped()).as("a second run has nothing to do").isZero();
        assertAllDecrypt(new AesGcmFieldCipher(MasterKeys.load(file), store), old);

        MasterKeys trimmed = MasterKeys.removeKey(file, before.primaryId());
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(trimmed.keyIds()).containsExactly(rotated.primaryId());
        AesGcmFieldCipher withoutOldKey = new AesGcmFieldCipher(MasterKeys.load(file), store);
        assertAllDecrypt(withoutOldKey, old);
        assertAllDecrypt(withoutOldKey, fresh);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
                .as("no temporary file is left behind").containsExactly("master.key");
    }

    @Test
    void controlWithoutTheRewrapRemovingTheOldKeyLosesTheOldValues() throws Exception {
        Path file = dir.resolve("master.key");
        MasterKeys before = MasterKeys.loadOrCreate(file);
        MapDataKeys store = new MapDataKeys();
        List<Sealed> old = sealSome(new AesGcmFieldCipher(before, store), 1);
        MasterKeys.rotate(file);
        MasterKeys.removeKey(file, before.primaryId());
        AesGcmFieldCipher cipher = new AesGcmFieldCipher(MasterKeys.load(file), store);
        assertThatThrownBy(() -> cipher.decrypt(old.get(0).place(), old.get(0).value()))
                .hasMessageContaining(before.primaryId());
        AesGcmFieldCipher.Rewrap rewrap = cipher.rewrapDataKeys(10);
        assertThat(rewrap.unreadable()).isEqualTo(1);
        assertThat(rewrap.rewrapped()).isZero();
    }

    @Test
    void thePrimaryAndUnknownKeysCannotBeRemoved() {
        Path file = dir.resolve("master.key");
        MasterKeys keys = MasterKeys.loadOrCreate(file);
        assertThatThrownBy(() -> MasterKeys.removeKey(file, keys.primaryId())).hasMessageContaining("primary");
        assertThatThrownBy(() -> MasterKeys.removeKey(file, "k00000000")).hasMessageContaining("no key");
        assertThat(MasterKeys.load(file).keyIds()).containsExactly(keys.primaryId());
    }

    @Test
    void aKeyRewrappedByAnotherProcessMeanwhileIsLeftAsItIs() {
        MasterKeys before = MasterKeys.parse(MasterKeys.newKeyFile(), "t");
        MapDataKeys store = new MapDataKeys();
        List<Sealed> old = sealSome(new AesGcmFieldCipher(before, store), 1);
        WrappedKey stored = store.keys.values().iterator().next();
        assertThat(store.rewrap(stored.id(), "k-other", "k-new", new byte[] {1})).isFalse();
        assertThat(store.byId(stored.id())).get().extracting(WrappedKey::masterKeyId).isEqualTo(before.primaryId());
        assertAllDecrypt(new AesGcmFieldCipher(before, store), old);
        assertThat(store.wrappedByOtherThan(before.primaryId(), Optional.empty(), 10)).isEmpty();
    }
}

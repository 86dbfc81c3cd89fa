package com.qleven.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.adapters.crypto.AesGcmFieldCipher;
import com.qleven.adapters.crypto.MasterKeys;
import com.qleven.adapters.postgres.testing.PostgresStoreExtension;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hosts (each its own pool and cipher, one master key file) on one database: once one of them
 * shreds a client's data key, the other can no longer decrypt anything under it, at once, though it
 * had just decrypted with that key (no cache of unwrapped keys outlives the shred). The clock does
 * not move, so no expiry can hide a cache.
 */
class ShredAcrossHostsTest {
    @RegisterExtension
    static final PostgresStoreExtension DB = new PostgresStoreExtension();

    @Test
    void aShreddedKeyStopsDecryptingOnEveryHostAtOnce(@TempDir Path dir) {
        Path keyFile = dir.resolve("master.key");
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
        try (PostgresStore other = PostgresStore.open(DB.settings())) {
            AesGcmFieldCipher hostA = new AesGcmFieldCipher(MasterKeys.loadOrCreate(keyFile),
                    DB.store().shared().dataKeys(), clock);
            AesGcmFieldCipher hostB = new AesGcmFieldCipher(MasterKeys.load(keyFile), other.shared().dataKeys(), clock);
            KeyScope client = new KeyScope("client", UUID.randomUUID());
            KeyScope control = new KeyScope("client", UUID.randomUUID());
            byte[] sealed = DB.store().shared().transactions().global(() ->
                    hostA.encrypt(client, "clients|fullName", "Ana"));
            byte[] kept = DB.store().shared().transactions().global(() ->
                    hostA.encrypt(control, "clients|fullName", "Eva"));
            // Both hosts have used the key: whatever either caches, it holds now.
            assertThat(other.shared().transactions().global(() ->
                    hostB.decrypt("clients|fullName", sealed))).isEqualTo("Ana");
            assertThat(DB.store().shared().transactions().global(() -> hostA.decrypt("clients|fullName", sealed)))
                    .isEqualTo("Ana");

            DB.store().shared().transactions().global(() -> {
                DB.store().shared().dataKeys().shred(client);
                return null;
            });

            assertThatThrownBy(() -> other.shared().transactions().global(() ->
                    hostB.decrypt("clients|fullName", sealed)))
                    .as("the other host").hasMessageContaining("does not exist");
            assertThatThrownBy(() -> DB.store().shared().transactions().global(() ->
                    hostA.decrypt("clients|fullName", sealed)))
                    .as("the shredding host").hasMessageContaining("does not exist");
            assertThat(other.shared().transactions().global(() -> hostB.decrypt("clients|fullName", kept)))
                    .as("control: another client's key still works").isEqualTo("Eva");
        }
    }

    @Test
    void aKeyKeptForAUnitOnOneHostStopsDecryptingThereFromTheNextUnitAfterAShredOnAnother(@TempDir Path dir) {
        Path keyFile = dir.resolve("master.key");
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
        try (PostgresStore other = PostgresStore.open(DB.settings())) {
            AesGcmFieldCipher hostA = new AesGcmFieldCipher(MasterKeys.loadOrCreate(keyFile),
                    DB.store().shared().dataKeys(), DB.store().shared().transactions(), clock);
            AesGcmFieldCipher hostB = new AesGcmFieldCipher(MasterKeys.load(keyFile), other.shared().dataKeys(),
                    other.shared().transactions(), clock);
            KeyScope client = new KeyScope("client", UUID.randomUUID());
            KeyScope control = new KeyScope("client", UUID.randomUUID());
            byte[] sealed = DB.store().shared().transactions().global(() ->
                    hostA.encrypt(client, "clients|fullName", "Ana"));
            byte[] kept = DB.store().shared().transactions().global(() ->
                    hostA.encrypt(control, "clients|fullName", "Eva"));
            // Host B keeps the key for its unit, and the unit is still open when host A shreds it.
            String readDuringTheShred = other.shared().transactions().global(() -> {
                assertThat(hostB.decrypt("clients|fullName", sealed)).isEqualTo("Ana");
                DB.store().shared().transactions().global(() -> DB.store().shared().dataKeys().shred(client));
                return hostB.decrypt("clients|fullName", sealed);
            });
            assertThat(readDuringTheShred).as("the unit open during the shred, as a transaction begun before it")
                    .isEqualTo("Ana");

            assertThatThrownBy(() -> other.shared().transactions().global(() ->
                    hostB.decrypt("clients|fullName", sealed)))
                    .as("the other host's next unit").hasMessageContaining("does not exist");
            assertThatThrownBy(() -> DB.store().shared().transactions().global(() ->
                    hostA.decrypt("clients|fullName", sealed)))
                    .as("the shredding host's next unit").hasMessageContaining("does not exist");
            assertThat(other.shared().transactions().global(() -> hostB.decrypt("clients|fullName", kept)))
                    .as("control: another client's key still works").isEqualTo("Eva");
        }
    }
}

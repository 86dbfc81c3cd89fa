package com.qleven.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running host follows a rotation made by another process on its key file, without a restart. */
class KeyFileReloadTest {

    @Test
    void aHostReadsAndWrapsWithTheKeyAnotherProcessRotatedIn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("master.key");
        MapDataKeys store = new MapDataKeys();
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        AesGcmFieldCipher running = new AesGcmFieldCipher(MasterKeys.loadOrCreate(file), store, clock);
        String before = running.decrypt("a", running.encrypt(KeyScope.account(UUID.randomUUID()), "a", "before"));
        assertThat(before).isEqualTo("before");

        // Another process (the keys rotate command) rotates the file; its new data keys use the new key.
        MasterKeys rotated = MasterKeys.rotate(file);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        AesGcmFieldCipher other = new AesGcmFieldCipher(MasterKeys.load(file), store, clock);
        byte[] sealedElsewhere = other.encrypt(KeyScope.account(UUID.randomUUID()), "b", "written after the rotation");

        assertThat(running.decrypt("b", sealedElsewhere)).isEqualTo("written after the rotation");

        clock.advance(Duration.ofSeconds(11));
        KeyScope fresh = KeyScope.account(UUID.randomUUID());
        running.encrypt(fresh, "c", "new data key");
        assertThat(store.current(fresh).orElseThrow().masterKeyId()).isEqualTo(rotated.primaryId());
    }
}

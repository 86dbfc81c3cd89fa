package com.qleven.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class MasterKeysTest {

    @Test
    void createsAKeyFileOnlyItsOwnerCanReadAndReadsTheSameKeysBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/master.key");
        MasterKeys created = MasterKeys.loadOrCreate(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        MasterKeys again = MasterKeys.loadOrCreate(file);
        assertThat(again.primaryId()).isEqualTo(created.primaryId());
        assertThat(again.derive("postgres-app-role")).isEqualTo(created.derive("postgres-app-role"));
        assertThat(created.derive("a")).isNotEqualTo(created.derive("b"));
    }

    @Test
    void explainsWhatIsWrongWithABadFile(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> MasterKeys.load(dir.resolve("missing.key"))).hasMessageContaining("does not exist");
        Path bad = Files.createFile(dir.resolve("bad.key"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(bad, "primary=k1\nkey.k1=c2hvcnQ=\nsecret=c2hvcnQ=\n");
        assertThatThrownBy(() -> MasterKeys.load(bad)).hasMessageContaining("32 bytes");
        Files.writeString(bad, "key.k1=" + "A".repeat(43) + "=\n");
        assertThatThrownBy(() -> MasterKeys.load(bad)).hasMessageContaining("primary");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r-----", "rw----r--", "rw-rw-rw-", "rw-----w-", "rwx--x---"})
    void refusesAKeyFileThatOthersThanItsOwnerCanUse(String mode, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("master.key");
        MasterKeys created = MasterKeys.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        for (var attempt : List.<ThrowingCallable>of(() -> MasterKeys.load(file), () -> MasterKeys.loadOrCreate(file))) {
            assertThatThrownBy(attempt)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("chmod 600 " + file)
                    .hasMessageNotContaining(created.toString());
        }
        // The control: the same file, once its mode is fixed, loads.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(MasterKeys.load(file).primaryId()).isEqualTo(created.primaryId());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertThat(MasterKeys.load(file).primaryId()).isEqualTo(created.primaryId());
    }

    @Test
    void neverPrintsKeys() {
        MasterKeys keys = MasterKeys.parse(MasterKeys.newKeyFile(), "t");
        assertThat(keys.toString()).startsWith("MasterKeys[primary=").doesNotContain("=\n");
    }
}

package com.qleven.host.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.adapters.crypto.MasterKeys;
import com.qleven.host.TestHost;
import com.qleven.host.config.ConfigException;
import com.qleven.host.config.HostConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The master key file is refused at start when its group or others may read it (issue 7, fix 10),
 * whether it is configured or the default one in the data directory; the message names the file
 * and the fix.
 */
class MasterKeyFileModeTest {
    @TempDir
    Path dir;

    @Test
    void aConfiguredKeyFileReadableByItsGroupStopsTheStart() throws Exception {
        String mode = "rw-r-----";
        Path file = dir.resolve("master.key");
        MasterKeys.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        assertThatThrownBy(() -> TestHost.start(Map.of(HostConfig.MASTER_KEY_FILE, file.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(HostConfig.MASTER_KEY_FILE)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("chmod 600 " + file);
        // The control: the same file with mode 0600 starts the host.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        try (TestHost host = TestHost.start(Map.of(HostConfig.MASTER_KEY_FILE, file.toString()))) {
            assertThat(host.get("/health/ready").status()).isEqualTo(200);
        }
    }

    @Test
    void theDefaultKeyFileReadableByOthersStopsTheStart() throws Exception {
        String mode = "rw----r--";
        Path data = dir.resolve("data");
        Path file = data.resolve("master.key");
        MasterKeys.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        assertThatThrownBy(() -> TestHost.start(Map.of(HostConfig.DATA_DIR, data.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("chmod 600 " + file);
    }
}

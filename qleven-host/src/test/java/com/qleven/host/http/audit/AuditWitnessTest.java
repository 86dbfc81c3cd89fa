package com.qleven.host.http.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.host.AuditModule;
import com.qleven.host.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host writes every chain's head outside the database when it stops, into a file only its owner reads. */
class AuditWitnessTest {

    @Test
    void theHeadsAreWrittenToTheDataDirectoryWhenTheHostStops() throws Exception {
        try (TestHost host = TestHost.start()) {
            TestHost.Center center = host.newCenter("Clínica Testigo");
            assertThat(host.host().component().auditSealJob().runOnce()).isPositive();
            String seq;
            String hash;
            try (Connection c = host.superuser();
                 PreparedStatement st = c.prepareStatement(
                         "SELECT seq, hash FROM audit_heads WHERE tenant_id = ?::uuid")) {
                st.setString(1, center.tenantId());
                try (ResultSet rs = st.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    seq = Long.toString(rs.getLong(1));
                    hash = HexFormat.of().formatHex(rs.getBytes(2));
                }
            }
            Path file = host.dataDir().resolve(AuditModule.WITNESS_FILE);

            host.host().close();

            List<String> lines = Files.readAllLines(file);
            assertThat(lines).anySatisfy(line -> assertThat(line)
                    .startsWith("{\"chain\":\"" + center.tenantId() + "\",\"seq\":" + seq + ",\"hash\":\"" + hash + "\""));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }
}

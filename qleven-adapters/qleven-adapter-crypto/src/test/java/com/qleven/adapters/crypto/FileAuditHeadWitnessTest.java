package com.qleven.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qleven.domain.audit.ChainHash;
import com.qleven.domain.audit.ChainHead;
import com.qleven.domain.shared.TenantId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAuditHeadWitnessTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-29T08:00:00Z"), ZoneOffset.UTC);
    private final HmacChainSigner signer = new HmacChainSigner(MasterKeys.parse(MasterKeys.newKeyFile(), "t"));

    @TempDir
    Path dir;

    private ChainHead head(Optional<TenantId> chain, long seq) {
        return new ChainHead(chain, seq, signer.sign(ChainHash.GENESIS, new byte[] {(byte) seq}));
    }

    @Test
    void keepsTheHighestHeadOfEachChainInAFileOnlyItsOwnerReads() throws Exception {
        Path file = dir.resolve("audit-heads");
        FileAuditHeadWitness witness = new FileAuditHeadWitness(file, CLOCK);
        assertThat(witness.witnessed()).isEmpty();
        Optional<TenantId> center = Optional.of(new TenantId(UUID.randomUUID()));
        witness.witness(List.of(head(Optional.empty(), 3), head(center, 5)));
        witness.witness(List.of(head(center, 4), head(Optional.empty(), 7)));

        assertThat(new FileAuditHeadWitness(file, CLOCK).witnessed())
                .containsExactlyInAnyOrder(head(Optional.empty(), 7), head(center, 5));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readAllLines(file)).hasSize(2)
                .anySatisfy(line -> assertThat(line).startsWith("{\"chain\":\"platform\",\"seq\":7,")
                        .endsWith(",\"at\":\"2026-03-29T08:00:00Z\"}"));
    }

    @Test
    void aDamagedFileIsAnErrorNotAnEmptyWitness() throws Exception {
        Path file = dir.resolve("audit-heads");
        Files.writeString(file, "{\"chain\":\"platform\",\"seq\":2,\"hash\":\"zz\"}\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new FileAuditHeadWitness(file, CLOCK).witnessed())
                .hasMessageContaining("malformed line 1");
    }
}

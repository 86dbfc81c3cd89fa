package com.qleven.adapters.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.domain.audit.ChainHash;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HmacChainSignerTest {
    private final HmacChainSigner signer = new HmacChainSigner(MasterKeys.parse(MasterKeys.newKeyFile(), "t"));

    @Test
    void chainSignaturesDependOnTheKeyThePreviousHashAndTheEntry() {
        MasterKeys keys = MasterKeys.parse(MasterKeys.newKeyFile(), "t");
        HmacChainSigner one = new HmacChainSigner(keys);
        ChainHash a = one.sign(ChainHash.GENESIS, "entry".getBytes(StandardCharsets.UTF_8));
        assertThat(new HmacChainSigner(keys).sign(ChainHash.GENESIS, "entry".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(a);
        assertThat(one.sign(a, "entry".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(a);
        assertThat(one.sign(ChainHash.GENESIS, "entrz".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(a);
        assertThat(signer.sign(ChainHash.GENESIS, "entry".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(a);
    }
}

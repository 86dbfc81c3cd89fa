package com.qleven.ports.testing;

import com.qleven.domain.audit.ChainHash;
import com.qleven.ports.audit.out.ChainSigner;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 under a random key of its own, for suites that test stores rather than keys. */
public final class TestChainSigner implements ChainSigner {
    private final SecretKeySpec key;

    public TestChainSigner() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    @Override
    public ChainHash sign(ChainHash previous, byte[] canonicalEntry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(previous.bytes());
            return ChainHash.of(mac.doFinal(canonicalEntry));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.qleven.adapters.crypto;

import com.qleven.domain.audit.ChainHash;
import com.qleven.ports.audit.out.ChainSigner;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over the previous hash and the entry, under a key derived from the master key file's
 * secret: it lives outside the database, and rotating the wrapping keys does not change it.
 */
public final class HmacChainSigner implements ChainSigner {
    static final String PURPOSE = "audit-chain";

    private final SecretKeySpec key;
    // A Mac is not thread-safe; making one per call costs more than the HMAC itself.
    private final ThreadLocal<Mac> macs;

    public HmacChainSigner(MasterKeys keys) {
        this(Objects.requireNonNull(keys, "keys").derive(PURPOSE));
    }

    /** A signer under a raw key, which is wiped after use; package-private for the known-answer tests. */
    HmacChainSigner(byte[] rawKey) {
        this.key = new SecretKeySpec(rawKey, "HmacSHA256");
        Arrays.fill(rawKey, (byte) 0);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public ChainHash sign(ChainHash previous, byte[] canonicalEntry) {
        Mac mac = macs.get();
        mac.update(previous.bytes());
        return ChainHash.of(mac.doFinal(canonicalEntry));
    }
}

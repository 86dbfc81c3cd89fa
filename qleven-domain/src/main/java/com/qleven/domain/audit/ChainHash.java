package com.qleven.domain.audit;

import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/** A link of an audit chain: 32 bytes (an HMAC-SHA256), in lowercase hex. */
public record ChainHash(String hex) {
    private static final Pattern HEX = Pattern.compile("^[0-9a-f]{64}$");

    /** The previous hash of a chain's first entry. */
    public static final ChainHash GENESIS = new ChainHash("0".repeat(64));

    public ChainHash {
        Objects.requireNonNull(hex, "hex");
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a chain hash is 64 lowercase hex digits");
        }
    }

    public static ChainHash of(byte[] bytes) {
        if (bytes == null || bytes.length != 32) {
            throw new IllegalArgumentException("a chain hash is 32 bytes");
        }
        return new ChainHash(HexFormat.of().formatHex(bytes));
    }

    public byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}

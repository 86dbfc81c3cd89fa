package com.qleven.domain.billing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The chain of a series: each issued invoice's hash is SHA-256 over the previous one's hash and the
 * invoice's canonical text ({@link Invoice#canonicalText}), so changing, removing or reordering an
 * issued invoice breaks every hash after it. The first invoice of a series chains to {@link #GENESIS}.
 */
public final class InvoiceHash {
    /** What the first invoice of every series chains to. */
    public static final String GENESIS = "0".repeat(64);

    private InvoiceHash() {
    }

    /** The hash, lowercase hex, of {@code canonicalText} chained to {@code previous}. */
    public static String of(String previous, String canonicalText) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(canonicalText.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

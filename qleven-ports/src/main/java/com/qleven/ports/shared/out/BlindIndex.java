package com.qleven.ports.shared.out;

import java.util.Objects;
import java.util.regex.Pattern;

/** A keyed HMAC of a normalised value, in lowercase hex: looks a value up without storing it. */
public record BlindIndex(String hex) {
    private static final Pattern HEX = Pattern.compile("^[0-9a-f]{64}$");

    public BlindIndex {
        Objects.requireNonNull(hex, "hex");
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a blind index is 64 lowercase hex digits");
        }
    }
}

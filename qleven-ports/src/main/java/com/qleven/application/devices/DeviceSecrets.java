package com.qleven.application.devices;

import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.FieldCipher;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Device secrets: 256 random bits from {@link SecureRandom}, base64url without padding (43
 * characters), and their keyed hash: an HMAC-SHA256 under a global platform key of its own
 * ({@link FieldCipher#blindIndex}, index {@value #INDEX}), never a plain digest and never a password
 * hash. A secret of 256 random bits needs no slow hash to resist guessing, and a keyed hash costs one
 * HMAC, so a thousand machines reconnecting at once cost a thousand HMACs; a copy of the table
 * without the platform key tells nothing.
 */
final class DeviceSecrets {
    static final String INDEX = "devices.mqtt_secret";
    /** The length of a secret as issued: 32 bytes in base64url without padding. */
    static final int LENGTH = 43;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final FieldCipher cipher;

    DeviceSecrets(FieldCipher cipher) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /** A new secret, shown once to whoever registered or rotated. */
    String issue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** The keyed hash the store keeps of a secret. */
    BlindIndex hash(String secret) {
        return cipher.blindIndex(INDEX, Optional.empty(), secret);
    }
}

package com.qleven.adapters.crypto;

import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.DataKeys;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.shared.out.WrappedKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM field encryption under envelope keys: one data key per scope (an account, later a
 * client), wrapped by the primary master key and stored through {@link DataKeys}. A value is stored
 * as {@code 0x01 | data key id (16) | nonce (12) | ciphertext and tag}, with its place as
 * associated data. Every decryption asks the key store for its data key, so a key shredded by any
 * host stops decrypting on every host at once; what is kept in memory is only the unwrapping of a
 * wrapped key just read from the store (unwrapping costs an AES-GCM operation, the read is what
 * makes a shred take effect).
 */
public final class AesGcmFieldCipher implements FieldCipher {
    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER = 1 + 16 + NONCE;
    /** Unwrapped keys kept beside the exact wrapping they came from; bounded, cleared when full. */
    private static final int UNWRAPPED_MAX = 10_000;

    private record Unwrapped(byte[] wrapped, SecretKey key) {
    }

    private static final Duration RELOAD_CHECK = Duration.ofSeconds(10);
    // Replaced when the key file changes under a running host (a rotation), so the host reads data
    // keys wrapped by a key it did not know at start and wraps new ones with the new primary.
    private volatile MasterKeys masterKeys;
    private volatile Instant checkedKeyFileAt = Instant.EPOCH;
    private final DataKeys dataKeys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<UUID, Unwrapped> unwrapped = new ConcurrentHashMap<>();
    private final Map<String, byte[]> indexKeys = new ConcurrentHashMap<>();

    public AesGcmFieldCipher(MasterKeys masterKeys, DataKeys dataKeys) {
        this(masterKeys, dataKeys, Clock.systemUTC());
    }

    public AesGcmFieldCipher(MasterKeys masterKeys, DataKeys dataKeys, Clock clock) {
        this.masterKeys = masterKeys;
        this.dataKeys = dataKeys;
        this.clock = clock;
    }

    @Override
    public byte[] encrypt(KeyScope scope, String associatedData, String plaintext) {
        // The scope's key is looked up each time rather than cached: a key created in a unit of
        // work that rolls back must never be used for a value that commits later.
        WrappedKey wrapped = dataKeys.current(scope).orElseGet(() -> dataKeys.addIfAbsent(newDataKey(scope)));
        SecretKey key = unwrap(wrapped);
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        byte[] sealed = gcm(Cipher.ENCRYPT_MODE, key, nonce, associatedData,
                plaintext.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(HEADER + sealed.length)
                .put(VERSION)
                .putLong(wrapped.id().getMostSignificantBits()).putLong(wrapped.id().getLeastSignificantBits())
                .put(nonce).put(sealed).array();
    }

    @Override
    public String decrypt(String associatedData, byte[] ciphertext) {
        if (ciphertext == null || ciphertext.length < HEADER + TAG_BITS / 8 || ciphertext[0] != VERSION) {
            throw new IllegalArgumentException("not a value sealed by this cipher");
        }
        ByteBuffer in = ByteBuffer.wrap(ciphertext);
        in.get();
        UUID keyId = new UUID(in.getLong(), in.getLong());
        byte[] nonce = new byte[NONCE];
        in.get(nonce);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        SecretKey key = dataKey(keyId);
        return new String(gcm(Cipher.DECRYPT_MODE, key, nonce, associatedData, sealed), StandardCharsets.UTF_8);
    }

    @Override
    public BlindIndex blindIndex(String index, Optional<TenantId> tenant, String normalisedValue) {
        String name = index + "|" + tenant.map(TenantId::toString).orElse("global");
        byte[] key = indexKeys.computeIfAbsent(name, n -> masterKeys.derive("blind-index|" + n));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return new BlindIndex(HexFormat.of().formatHex(mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The data key as the store holds it now: a shredded key is gone here as soon as it is gone there. */
    private SecretKey dataKey(UUID keyId) {
        Optional<WrappedKey> wrapped = dataKeys.byId(keyId);
        if (wrapped.isEmpty()) {
            unwrapped.remove(keyId);
            throw new IllegalStateException("data key " + keyId + " does not exist (shredded?)");
        }
        return unwrap(wrapped.get());
    }

    /**
     * Unwraps a key just read from the store, reusing an earlier unwrapping of the very same
     * wrapping (a re-wrap under a new master key changes the bytes, so it is unwrapped afresh).
     */
    private SecretKey unwrap(WrappedKey wrapped) {
        Unwrapped known = unwrapped.get(wrapped.id());
        if (known != null && Arrays.equals(known.wrapped(), wrapped.wrapped())) {
            return known.key();
        }
        SecretKey key = open(wrapped);
        if (unwrapped.size() >= UNWRAPPED_MAX) {
            unwrapped.clear();
        }
        unwrapped.put(wrapped.id(), new Unwrapped(wrapped.wrapped().clone(), key));
        return key;
    }

    private SecretKey open(WrappedKey wrapped) {
        SecretKey master = masterKeys.byId(wrapped.masterKeyId())
                .or(() -> currentMasterKeys(true).byId(wrapped.masterKeyId()))
                .orElseThrow(() -> new IllegalStateException(
                        "master key " + wrapped.masterKeyId() + " is not in the key file"));
        byte[] nonce = Arrays.copyOfRange(wrapped.wrapped(), 0, NONCE);
        byte[] body = Arrays.copyOfRange(wrapped.wrapped(), NONCE, wrapped.wrapped().length);
        return new SecretKeySpec(gcm(Cipher.DECRYPT_MODE, master, nonce, wrapAad(wrapped.id(), wrapped.scope()), body),
                "AES");
    }

    private WrappedKey newDataKey(KeyScope scope) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            SecretKey key = generator.generateKey();
            UUID id = UUID.randomUUID();
            MasterKeys ring = currentMasterKeys(false);
            return new WrappedKey(id, scope, ring.primaryId(), seal(ring, id, scope, key), clock.instant());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is part of every JDK", e);
        }
    }

    /** A data key wrapped by the primary master key, bound to its id and scope. */
    private byte[] seal(MasterKeys ring, UUID id, KeyScope scope, SecretKey key) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        byte[] body = gcm(Cipher.ENCRYPT_MODE, ring.primary(), nonce, wrapAad(id, scope), key.getEncoded());
        return ByteBuffer.allocate(NONCE + body.length).put(nonce).put(body).array();
    }

    /** What a re-wrap did. */
    public record Rewrap(long rewrapped, long unreadable, Map<String, Long> byMasterKey) {
        public Rewrap {
            byMasterKey = Map.copyOf(byMasterKey);
        }
    }

    /**
     * Re-wraps, under the primary master key, every stored data key that another master key wraps,
     * {@code batchSize} at a time. The data keys themselves do not change, so nothing encrypted with
     * them is touched. Safe to run again and beside running hosts: a key is only replaced while it
     * is still wrapped as it was read. A key whose master key is missing from the file is counted
     * as unreadable and left alone.
     *
     * @return the counts, and how many keys each master key wraps afterwards
     */
    public Rewrap rewrapDataKeys(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        MasterKeys ring = currentMasterKeys(true);
        String primary = ring.primaryId();
        long rewrapped = 0;
        long unreadable = 0;
        Optional<UUID> after = Optional.empty();
        while (true) {
            List<WrappedKey> batch = dataKeys.wrappedByOtherThan(primary, after, batchSize);
            for (WrappedKey key : batch) {
                if (ring.byId(key.masterKeyId()).isEmpty()) {
                    unreadable++;
                    continue;
                }
                byte[] sealed = seal(ring, key.id(), key.scope(), open(key));
                if (dataKeys.rewrap(key.id(), key.masterKeyId(), primary, sealed)) {
                    rewrapped++;
                }
            }
            if (batch.size() < batchSize) {
                break;
            }
            after = Optional.of(batch.get(batch.size() - 1).id());
        }
        return new Rewrap(rewrapped, unreadable, dataKeys.countByMasterKey());
    }

    /** The key ring, re-read when its file changed; at most every few seconds unless {@code now}. */
    private MasterKeys currentMasterKeys(boolean now) {
        Instant at = clock.instant();
        if (now || !at.isBefore(checkedKeyFileAt.plus(RELOAD_CHECK))) {
            checkedKeyFileAt = at;
            masterKeys = masterKeys.reloadIfChanged();
        }
        return masterKeys;
    }

    private static String wrapAad(UUID id, KeyScope scope) {
        return "datakey|" + id + "|" + scope.kind() + "|" + scope.owner();
    }

    private static byte[] gcm(int mode, SecretKey key, byte[] nonce, String aad, byte[] input) {
        return gcm(mode, key, nonce, aad.getBytes(StandardCharsets.UTF_8), input);
    }

    /** The one AES-256-GCM primitive every value and data key goes through; package-private for the known-answer tests. */
    static byte[] gcm(int mode, SecretKey key, byte[] nonce, byte[] aad, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("the value does not decrypt here: wrong key or moved from its place", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM failed", e);
        }
    }
}

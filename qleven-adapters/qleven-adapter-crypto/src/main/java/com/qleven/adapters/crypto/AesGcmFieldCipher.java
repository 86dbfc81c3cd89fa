package com.qleven.adapters.crypto;

import com.qleven.domain.shared.TenantId;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.DataKeys;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.shared.out.UnitLocal;
import com.qleven.ports.shared.out.WrappedKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM field encryption under envelope keys: one data key per scope (an account, later a
 * client), wrapped by the primary master key and stored through {@link DataKeys}. A value is stored
 * as {@code 0x01 | data key id (16) | nonce (12) | ciphertext and tag}, with its place as
 * associated data.
 *
 * <p>Data keys are read from the key store once per unit of work: given the store's
 * {@link Transactions}, the cipher keeps the keys it read or created in the unit open on the thread
 * in a {@link UnitLocal}, which the unit drops when it ends, committed or rolled back (so a key
 * created in a unit that rolls back is never used by a later one), when it shreds a data key and
 * when a nested call fails in it. The next unit reads the store again, so a key shredded by any
 * host stops decrypting on every host from the next unit on. Outside any unit, or without
 * {@link Transactions}, every call reads the store. What is kept across units is only the
 * unwrapping of a wrapped key just read from the store (unwrapping costs an AES-GCM operation; the
 * read is what makes a shred take effect). Blind indexes are likewise computed once per value per
 * unit. {@link Cipher} and {@link Mac} instances are made once per thread and initialised per call.
 */
public final class AesGcmFieldCipher implements FieldCipher {
    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER = 1 + 16 + NONCE;
    private static final int KEY_BYTES = 32;
    /** Unwrapped keys kept beside the exact wrapping they came from; bounded, cleared when full. */
    private static final int UNWRAPPED_MAX = 10_000;
    /** What one unit keeps, per kind; a unit that touches more starts again rather than grow. */
    private static final int UNIT_MAX = 10_000;
    // Neither a Cipher nor a Mac is thread-safe, and getInstance costs more than sealing a field:
    // one of each per thread, initialised with the key (and nonce) of each call.
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> instance(
            () -> Cipher.getInstance("AES/GCM/NoPadding")));
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> instance(
            () -> Mac.getInstance("HmacSHA256")));

    private record Unwrapped(byte[] wrapped, SecretKey key) {
    }

    /** A data key ready to use, with its id. */
    private record DataKey(UUID id, SecretKey key) {
    }

    /** A blind index's name (index and center) and the value it was computed for. */
    private record IndexedValue(String name, String value) {
    }

    /** What a unit of work has read or computed: dropped with the unit. */
    private static final class UnitCache {
        final Map<KeyScope, DataKey> currentByScope = new HashMap<>();
        final Map<UUID, SecretKey> byId = new HashMap<>();
        final Map<IndexedValue, BlindIndex> indexes = new HashMap<>();

        void keep(DataKey key) {
            bounded(byId).put(key.id(), key.key());
        }

        void keepCurrent(KeyScope scope, DataKey key) {
            bounded(currentByScope).put(scope, key);
            keep(key);
        }

        static <K, V> Map<K, V> bounded(Map<K, V> map) {
            if (map.size() >= UNIT_MAX) {
                map.clear();
            }
            return map;
        }
    }

    private static final Duration RELOAD_CHECK = Duration.ofSeconds(10);
    // Replaced when the key file changes under a running host (a rotation), so the host reads data
    // keys wrapped by a key it did not know at start and wraps new ones with the new primary.
    private volatile MasterKeys masterKeys;
    private volatile Instant checkedKeyFileAt = Instant.EPOCH;
    private final DataKeys dataKeys;
    private final Optional<Transactions> transactions;
    private final UnitLocal<UnitCache> unitCache = UnitLocal.withInitial(UnitCache::new);
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<UUID, Unwrapped> unwrapped = new ConcurrentHashMap<>();
    private final Map<String, byte[]> indexKeys = new ConcurrentHashMap<>();

    /** A cipher that reads the key store on every call: nothing tells it where a unit of work starts. */
    public AesGcmFieldCipher(MasterKeys masterKeys, DataKeys dataKeys) {
        this(masterKeys, dataKeys, Optional.empty(), Clock.systemUTC());
    }

    /** As {@link #AesGcmFieldCipher(MasterKeys, DataKeys)}, with a clock for new keys' creation times. */
    public AesGcmFieldCipher(MasterKeys masterKeys, DataKeys dataKeys, Clock clock) {
        this(masterKeys, dataKeys, Optional.empty(), clock);
    }

    /**
     * A cipher that reads each data key once per unit of work of {@code transactions}, the units in
     * which {@code dataKeys} runs (those of the same store).
     */
    public AesGcmFieldCipher(MasterKeys masterKeys, DataKeys dataKeys, Transactions transactions) {
        this(masterKeys, dataKeys, Optional.of(transactions), Clock.systemUTC());
    }

    /** As {@link #AesGcmFieldCipher(MasterKeys, DataKeys, Transactions)}, with a clock. */
    public AesGcmFieldCipher(MasterKeys masterKeys, DataKeys dataKeys, Transactions transactions, Clock clock) {
        this(masterKeys, dataKeys, Optional.of(transactions), clock);
    }

    private AesGcmFieldCipher(MasterKeys masterKeys, DataKeys dataKeys, Optional<Transactions> transactions,
                              Clock clock) {
        this.masterKeys = Objects.requireNonNull(masterKeys, "masterKeys");
        this.dataKeys = Objects.requireNonNull(dataKeys, "dataKeys");
        this.transactions = transactions.map(t -> Objects.requireNonNull(t, "transactions"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public byte[] encrypt(KeyScope scope, String associatedData, String plaintext) {
        DataKey key = currentKey(scope);
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        byte[] sealed = gcm(Cipher.ENCRYPT_MODE, key.key(), nonce, associatedData,
                plaintext.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(HEADER + sealed.length)
                .put(VERSION)
                .putLong(key.id().getMostSignificantBits()).putLong(key.id().getLeastSignificantBits())
                .put(nonce).put(sealed).array();
    }

    /**
     * The scope's current key: the one this unit already used, else the store's, created when the
     * scope has none. Never kept beyond the unit, so a key created in a unit that rolls back is
     * never used for a value that commits later.
     */
    private DataKey currentKey(KeyScope scope) {
        Optional<UnitCache> unit = unit();
        DataKey known = unit.map(u -> u.currentByScope.get(scope)).orElse(null);
        if (known != null) {
            return known;
        }
        WrappedKey wrapped = dataKeys.current(scope).orElseGet(() -> dataKeys.addIfAbsent(newDataKey(scope)));
        DataKey key = new DataKey(wrapped.id(), unwrap(wrapped));
        // Asked again: the store call may have dropped the unit's values (a failure it recovered from).
        unit().ifPresent(u -> u.keepCurrent(scope, key));
        return key;
    }

    @Override
    public void createScope(KeyScope scope) {
        Objects.requireNonNull(scope, "scope");
        if (unit().isEmpty()) {
            return;
        }
        WrappedKey wrapped = dataKeys.addNew(newDataKey(scope));
        DataKey key = new DataKey(wrapped.id(), unwrap(wrapped));
        unit().ifPresent(u -> u.keepCurrent(scope, key));
    }

    @Override
    public void preload(Collection<byte[]> ciphertexts) {
        Optional<UnitCache> unit = unit();
        if (unit.isEmpty()) {
            return;
        }
        Set<UUID> missing = new LinkedHashSet<>();
        for (byte[] value : ciphertexts) {
            if (value != null && value.length >= HEADER && value[0] == VERSION) {
                UUID keyId = keyId(ByteBuffer.wrap(value, 1, 16));
                if (!unit.get().byId.containsKey(keyId)) {
                    missing.add(keyId);
                }
            }
        }
        if (missing.size() < 2) {
            // One key or none: decrypt reads it as it would anyway.
            return;
        }
        List<DataKey> keys = dataKeys.byIds(missing).stream().map(w -> new DataKey(w.id(), unwrap(w))).toList();
        // Asked again: the store call may have dropped the unit's values. A key not found (shredded)
        // is left out, and decrypting its value fails as it would without this call.
        unit().ifPresent(u -> keys.forEach(u::keep));
    }

    @Override
    public void preloadScopes(Collection<KeyScope> scopes) {
        Optional<UnitCache> unit = unit();
        if (unit.isEmpty()) {
            return;
        }
        Set<KeyScope> missing = new LinkedHashSet<>();
        for (KeyScope scope : scopes) {
            if (!unit.get().currentByScope.containsKey(scope)) {
                missing.add(scope);
            }
        }
        if (missing.size() < 2) {
            // One scope or none: encrypting reads it as it would anyway.
            return;
        }
        Map<KeyScope, DataKey> keys = new java.util.HashMap<>();
        dataKeys.currentOf(missing).forEach((scope, w) -> keys.put(scope, new DataKey(w.id(), unwrap(w))));
        // Asked again: the store call may have dropped the unit's values.
        unit().ifPresent(u -> keys.forEach(u::keepCurrent));
    }

    private static UUID keyId(ByteBuffer in) {
        return new UUID(in.getLong(), in.getLong());
    }

    @Override
    public String decrypt(String associatedData, byte[] ciphertext) {
        if (ciphertext == null || ciphertext.length < HEADER + TAG_BITS / 8 || ciphertext[0] != VERSION) {
            throw new IllegalArgumentException("not a value sealed by this cipher");
        }
        ByteBuffer in = ByteBuffer.wrap(ciphertext);
        in.get();
        UUID keyId = keyId(in);
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
        Optional<UnitCache> unit = unit();
        IndexedValue indexed = new IndexedValue(name, normalisedValue);
        BlindIndex known = unit.map(u -> u.indexes.get(indexed)).orElse(null);
        if (known != null) {
            return known;
        }
        byte[] key = indexKeys.computeIfAbsent(name, n -> masterKeys.derive("blind-index|" + n));
        Mac mac = HMAC.get();
        try {
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 takes any key", e);
        }
        BlindIndex computed = new BlindIndex(HexFormat.of().formatHex(
                mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8))));
        unit.ifPresent(u -> UnitCache.bounded(u.indexes).put(indexed, computed));
        return computed;
    }

    /** What the unit of work open on the thread has kept; empty outside one or without transactions. */
    private Optional<UnitCache> unit() {
        return transactions.flatMap(t -> t.unitLocal(unitCache));
    }

    /**
     * The data key as the store holds it, read once per unit of work: a key shredded anywhere is
     * gone here from the next unit on (and at once outside a unit).
     */
    private SecretKey dataKey(UUID keyId) {
        SecretKey known = unit().map(u -> u.byId.get(keyId)).orElse(null);
        if (known != null) {
            return known;
        }
        Optional<WrappedKey> wrapped = dataKeys.byId(keyId);
        if (wrapped.isEmpty()) {
            unwrapped.remove(keyId);
            throw new IllegalStateException("data key " + keyId + " does not exist (shredded?)");
        }
        SecretKey key = unwrap(wrapped.get());
        unit().ifPresent(u -> u.keep(new DataKey(keyId, key)));
        return key;
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
        byte[] material = new byte[KEY_BYTES];
        random.nextBytes(material);
        SecretKey key = new SecretKeySpec(material, "AES");
        Arrays.fill(material, (byte) 0);
        UUID id = UUID.randomUUID();
        MasterKeys ring = currentMasterKeys(false);
        return new WrappedKey(id, scope, ring.primaryId(), seal(ring, id, scope, key), clock.instant());
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
        Cipher cipher = GCM.get();
        try {
            try {
                cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            } catch (InvalidAlgorithmParameterException e) {
                // The JDK refuses to encrypt twice with one instance under the same key and nonce. A
                // random 96-bit nonce never repeats; only a known-answer vector can, on a fresh instance.
                cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            }
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("the value does not decrypt here: wrong key or moved from its place", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM failed", e);
        }
    }

    private interface Maker<T> {
        T make() throws GeneralSecurityException;
    }

    private static <T> T instance(Maker<T> maker) {
        try {
            return maker.make();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM and HmacSHA256 are part of every JDK", e);
        }
    }
}

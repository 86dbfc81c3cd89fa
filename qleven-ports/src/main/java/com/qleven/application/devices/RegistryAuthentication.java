package com.qleven.application.devices;

import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.in.DeviceAuthentication;
import com.qleven.ports.devices.in.DeviceGrant;
import com.qleven.ports.devices.out.DeviceCredential;
import com.qleven.ports.devices.out.Devices;
import com.qleven.ports.shared.out.Transactions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link DeviceAuthentication} against the registry: the username must be a device id in its
 * canonical form, the directory's row for it unrevoked, and the keyed hash of the password equal to
 * the stored one, compared in constant time ({@link MessageDigest#isEqual}). A refusal says nothing of
 * why. A password longer than a secret as issued is refused before any hashing.
 *
 * <p>A flood of CONNECTs must not hammer the database: what one global read found for a username
 * (its row, or that there is none) is kept for {@link #TTL} in a bounded in-process cache of
 * {@link #CAPACITY} entries (least recently used first out). A rotation or revocation made in this
 * process forgets the device at once ({@link #forget}); one made by another host is seen here within
 * the TTL at most, while the broker provisioned by that host (or the embedded broker's session
 * takeover) handles its own. Wrong passwords cost one HMAC and never a read once the row is cached.
 * Usernames the cache does not hold (a flood of made-up ones) cost a read each, so those reads are
 * bounded too: at most {@link #READS_PER_SECOND} a second on average, in bursts of up to
 * {@link #READ_BURST} (a whole fleet reconnecting after an outage fits in one burst); past that, a
 * CONNECT whose username is not cached is refused without a read, and the device tries again later.
 */
public final class RegistryAuthentication implements DeviceAuthentication {
    /** How long a directory read is trusted. */
    public static final Duration TTL = Duration.ofSeconds(30);
    /** How many usernames the cache holds at most. */
    public static final int CAPACITY = 10_000;
    /** Directory reads a second, on average, for usernames the cache does not hold. */
    public static final int READS_PER_SECOND = 500;
    /** How many such reads may come at once. */
    public static final int READ_BURST = 2_000;
    private static final int MAX_PASSWORD = 256;

    private record Entry(Optional<DeviceCredential> credential, Instant readAt) {
    }

    private final Transactions transactions;
    private final Devices devices;
    private final DeviceSecrets secrets;
    private final Clock clock;
    private final int readsPerSecond;
    private final int readBurst;
    /** Reads the bucket holds now, and when it was last filled (guarded by the cache). */
    private double readsLeft;
    private Instant filledAt;
    /** Grows on every {@link #forget}: a read that started before one is not cached, since it may be stale. */
    private long epoch;
    private final Map<DeviceId, Entry> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<DeviceId, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    RegistryAuthentication(Transactions transactions, Devices devices, DeviceSecrets secrets, Clock clock) {
        this(transactions, devices, secrets, clock, READS_PER_SECOND, READ_BURST);
    }

    RegistryAuthentication(Transactions transactions, Devices devices, DeviceSecrets secrets, Clock clock,
                           int readsPerSecond, int readBurst) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (readsPerSecond < 1 || readBurst < 1) {
            throw new IllegalArgumentException("reads per second and the burst are positive");
        }
        this.readsPerSecond = readsPerSecond;
        this.readBurst = readBurst;
        this.readsLeft = readBurst;
        this.filledAt = clock.instant();
    }

    @Override
    public Optional<DeviceGrant> authenticate(String username, byte[] password) {
        Optional<DeviceId> id = deviceId(username);
        if (id.isEmpty() || password == null || password.length == 0 || password.length > MAX_PASSWORD) {
            return Optional.empty();
        }
        Optional<DeviceCredential> found = credential(id.get());
        if (found.isEmpty() || found.get().revoked()) {
            return Optional.empty();
        }
        DeviceCredential c = found.get();
        byte[] given = secrets.hash(new String(password, StandardCharsets.UTF_8)).hex()
                .getBytes(StandardCharsets.US_ASCII);
        byte[] stored = c.secretHash().hex().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, stored) ? Optional.of(new DeviceGrant(c.tenant(), c.device()))
                : Optional.empty();
    }

    /** Drops what the cache knows of the device: called after a rotation or revocation committed here. */
    void forget(TenantId tenant, DeviceId device) {
        synchronized (cache) {
            epoch++;
            cache.remove(device);
        }
    }

    private Optional<DeviceCredential> credential(DeviceId id) {
        Instant now = clock.instant();
        long started;
        synchronized (cache) {
            started = epoch;
            Entry e = cache.get(id);
            if (e != null && e.readAt().plus(TTL).isAfter(now) && !e.readAt().isAfter(now)) {
                return e.credential();
            }
            if (!takeRead(now)) {
                return Optional.empty();
            }
        }
        Optional<DeviceCredential> read = transactions.global(() -> devices.credential(id));
        synchronized (cache) {
            if (epoch == started) {
                cache.put(id, new Entry(read, now));
            }
        }
        return read;
    }

    /** Whether the read budget allows one more directory read now (called holding the cache). */
    private boolean takeRead(Instant now) {
        if (now.isAfter(filledAt)) {
            double seconds = Duration.between(filledAt, now).toNanos() / 1e9;
            readsLeft = Math.min(readBurst, readsLeft + seconds * readsPerSecond);
            filledAt = now;
        }
        if (readsLeft < 1) {
            return false;
        }
        readsLeft -= 1;
        return true;
    }

    /** The device id a username names, only in the canonical lowercase form the registry issues. */
    private static Optional<DeviceId> deviceId(String username) {
        if (username == null || username.length() != 36) {
            return Optional.empty();
        }
        try {
            UUID u = UUID.fromString(username);
            return u.toString().equals(username) ? Optional.of(new DeviceId(u)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

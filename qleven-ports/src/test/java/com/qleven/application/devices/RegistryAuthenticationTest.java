package com.qleven.application.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.qleven.domain.devices.Device;
import com.qleven.domain.devices.DeviceId;
import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.TenantId;
import com.qleven.ports.devices.in.DeviceGrant;
import com.qleven.ports.devices.in.TelemetryReport;
import com.qleven.ports.devices.out.DeviceCredential;
import com.qleven.ports.devices.out.Devices;
import com.qleven.ports.devices.out.RegisteredDevice;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The authentication's own promises, with the directory counted: one read per username within the
 * TTL however many CONNECTs come (right or wrong), forgetting at once what this process rotated, a
 * bounded number of reads for usernames it does not hold, and secrets as issued (256 random bits,
 * base64url) hashed with a key, never stored as given.
 */
class RegistryAuthenticationTest {
    private static final Instant T = Instant.parse("2027-03-20T08:00:00Z");
    private final MutableClock clock = new MutableClock(T);
    private final CountingDirectory directory = new CountingDirectory();
    private final DeviceSecrets secrets = new DeviceSecrets(new HmacCipher());
    private final TenantId tenant = new TenantId(UUID.randomUUID());

    private RegistryAuthentication authentication(int perSecond, int burst) {
        return new RegistryAuthentication(new NoUnits(), directory, secrets, clock, perSecond, burst);
    }

    private DeviceId device(String secret, boolean revoked) {
        DeviceId id = new DeviceId(UUID.randomUUID());
        directory.rows.put(id, new DeviceCredential(tenant, id, secrets.hash(secret), revoked));
        return id;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void secretsAre256RandomBitsInBase64UrlAndOnlyTheirKeyedHashIsKept() {
        String a = secrets.issue();
        String b = secrets.issue();
        assertThat(a).matches("^[A-Za-z0-9_-]{43}$").isNotEqualTo(b);
        assertThat(java.util.Base64.getUrlDecoder().decode(a)).hasSize(32);
        assertThat(secrets.hash(a)).isEqualTo(secrets.hash(a)).isNotEqualTo(secrets.hash(b));
        assertThat(secrets.hash(a).hex()).doesNotContain(a);
    }

    @Test
    void aFloodOfConnectsForOneUsernameReadsTheDirectoryOnceWithinTheTtl() {
        RegistryAuthentication auth = authentication(500, 2000);
        String secret = secrets.issue();
        DeviceId id = device(secret, false);

        for (int i = 0; i < 1000; i++) {
            assertThat(auth.authenticate(id.toString(), bytes(secret + (i % 2 == 0 ? "" : "x"))).isPresent())
                    .isEqualTo(i % 2 == 0);
        }
        assertThat(directory.reads.get()).isEqualTo(1);

        clock.advance(RegistryAuthentication.TTL);
        assertThat(auth.authenticate(id.toString(), bytes(secret))).contains(new DeviceGrant(tenant, id));
        assertThat(directory.reads.get()).isEqualTo(2);
    }

    @Test
    void unknownUsernamesAreCachedTooAndRevokedOrUnknownAreRefused() {
        RegistryAuthentication auth = authentication(500, 2000);
        String secret = secrets.issue();
        DeviceId revoked = device(secret, true);
        String unknown = UUID.randomUUID().toString();

        for (int i = 0; i < 100; i++) {
            assertThat(auth.authenticate(unknown, bytes(secret))).isEmpty();
            assertThat(auth.authenticate(revoked.toString(), bytes(secret))).isEmpty();
        }
        assertThat(directory.reads.get()).isEqualTo(2);
    }

    @Test
    void aRotationHereIsSeenAtOnce() {
        RegistryAuthentication auth = authentication(500, 2000);
        String old = secrets.issue();
        DeviceId id = device(old, false);
        assertThat(auth.authenticate(id.toString(), bytes(old))).isPresent();

        String next = secrets.issue();
        directory.rows.put(id, new DeviceCredential(tenant, id, secrets.hash(next), false));
        auth.forget(tenant, id);

        assertThat(auth.authenticate(id.toString(), bytes(old))).isEmpty();
        assertThat(auth.authenticate(id.toString(), bytes(next))).isPresent();
    }

    @Test
    void readsForUsernamesNotCachedAreBoundedAndComeBackWithTime() {
        RegistryAuthentication auth = authentication(10, 50);
        String secret = secrets.issue();
        DeviceId id = device(secret, false);

        for (int i = 0; i < 500; i++) {
            assertThat(auth.authenticate(UUID.randomUUID().toString(), bytes(secret))).isEmpty();
        }
        assertThat(directory.reads.get()).isEqualTo(50);
        // The flood spent the budget: a real device not yet cached waits, without a read.
        assertThat(auth.authenticate(id.toString(), bytes(secret))).isEmpty();
        assertThat(directory.reads.get()).isEqualTo(50);

        clock.advance(Duration.ofMillis(100));
        assertThat(auth.authenticate(id.toString(), bytes(secret))).contains(new DeviceGrant(tenant, id));
        assertThat(directory.reads.get()).isEqualTo(51);
    }

    @Test
    void malformedUsernamesAndPasswordsCostNoRead() {
        RegistryAuthentication auth = authentication(500, 2000);
        String secret = secrets.issue();
        DeviceId id = device(secret, false);

        assertThat(auth.authenticate(null, bytes(secret))).isEmpty();
        assertThat(auth.authenticate("device-1", bytes(secret))).isEmpty();
        assertThat(auth.authenticate(id.toString().toUpperCase(java.util.Locale.ROOT), bytes(secret))).isEmpty();
        assertThat(auth.authenticate(id.toString(), null)).isEmpty();
        assertThat(auth.authenticate(id.toString(), new byte[0])).isEmpty();
        assertThat(auth.authenticate(id.toString(), new byte[257])).isEmpty();
        assertThat(directory.reads.get()).isZero();
    }

    /** The directory, its reads counted. */
    private static final class CountingDirectory implements Devices {
        final Map<DeviceId, DeviceCredential> rows = new HashMap<>();
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public Optional<DeviceCredential> credential(DeviceId id) {
            reads.incrementAndGet();
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public void add(TenantId tenant, Device device, BlindIndex secretHash) {
            throw new AssertionError("the authentication never writes");
        }

        @Override
        public Optional<RegisteredDevice> find(TenantId tenant, DeviceId id) {
            throw new AssertionError("the authentication reads the directory only");
        }

        @Override
        public Page<RegisteredDevice> list(TenantId tenant, PageRequest page) {
            throw new AssertionError("the authentication reads the directory only");
        }

        @Override
        public boolean rotate(TenantId tenant, DeviceId id, BlindIndex secretHash, Instant at) {
            throw new AssertionError("the authentication never writes");
        }

        @Override
        public boolean revoke(TenantId tenant, DeviceId id) {
            throw new AssertionError("the authentication never writes");
        }

        @Override
        public boolean recordStatus(TenantId tenant, DeviceId id, boolean online, Optional<String> firmware,
                                    Instant at) {
            throw new AssertionError("the authentication never writes");
        }

        @Override
        public boolean recordTelemetry(TenantId tenant, DeviceId id, TelemetryReport report) {
            throw new AssertionError("the authentication never writes");
        }
    }

    /** Units that just run their work. */
    private static final class NoUnits implements Transactions {
        @Override
        public <T> T inTenant(TenantId tenant, Supplier<T> work) {
            return work.get();
        }

        @Override
        public <T> T global(Supplier<T> work) {
            return work.get();
        }

        @Override
        public void bindTenant(TenantId tenant) {
        }
    }

    /** A keyed HMAC as the production cipher's blind index is; nothing else is asked of it. */
    private static final class HmacCipher implements FieldCipher {
        private final byte[] key = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);

        @Override
        public BlindIndex blindIndex(String index, Optional<TenantId> tenant, String normalisedValue) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec((index + new String(key, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return new BlindIndex(HexFormat.of().formatHex(mac.doFinal(normalisedValue.getBytes(
                        StandardCharsets.UTF_8))));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public byte[] encrypt(KeyScope scope, String associatedData, String plaintext) {
            throw new AssertionError("nothing is encrypted here");
        }

        @Override
        public String decrypt(String associatedData, byte[] ciphertext) {
            throw new AssertionError("nothing is decrypted here");
        }
    }
}

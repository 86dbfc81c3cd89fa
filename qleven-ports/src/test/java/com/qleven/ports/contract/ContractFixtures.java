package com.qleven.ports.contract;

import com.qleven.application.QlevenStore;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Center;
import com.qleven.domain.tenancy.CenterProfile;
import com.qleven.domain.tenancy.Membership;
import com.qleven.domain.tenancy.Role;
import com.qleven.domain.tenancy.SessionId;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.KeyScope;
import com.qleven.ports.shared.out.WrappedKey;
import com.qleven.ports.tenancy.out.StoredAccount;
import com.qleven.ports.tenancy.out.StoredSession;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builders shared by the port contract suites. Every id is fresh and random, so a suite never
 * depends on an empty store; every instant has whole microseconds, the precision every store keeps.
 */
public final class ContractFixtures {
    /** A fixed moment of the tests' world. */
    public static final Instant T0 = Instant.parse("2025-03-30T00:30:00.123456Z");

    private ContractFixtures() {
    }

    public static TenantId newTenant() {
        return new TenantId(UUID.randomUUID());
    }

    public static UserId newUser() {
        return new UserId(UUID.randomUUID());
    }

    public static SessionId newSessionId() {
        return new SessionId(UUID.randomUUID());
    }

    public static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    public static BlindIndex newBlindIndex() {
        return new BlindIndex(HexFormat.of().formatHex(randomBytes(32)));
    }

    public static Center center(TenantId id) {
        return new Center(id, new CenterProfile("Clínica Bella " + id.value().toString().substring(0, 8),
                "Calle Mayor 1, 28013 Madrid", "B12345678", "ES", ZoneId.of("Europe/Madrid"),
                Currency.getInstance("EUR")), T0);
    }

    /** An account whose personal fields are opaque bytes, as the cipher would leave them. */
    public static StoredAccount account(UserId id) {
        return new StoredAccount(id, randomBytes(40), randomBytes(48), randomBytes(36),
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", T0.minus(Duration.ofDays(3)), false,
                T0.minus(Duration.ofDays(3)));
    }

    public static WrappedKey wrappedKey(KeyScope scope) {
        return new WrappedKey(UUID.randomUUID(), scope, "master-2025-01", randomBytes(60), T0);
    }

    public static StoredSession session(SessionId id, UserId user, Optional<TenantId> tenant) {
        return new StoredSession(id, user, tenant, T0, T0, T0.plus(Duration.ofHours(12)), Optional.empty(),
                Optional.empty(), randomBytes(30), randomBytes(70), Optional.of("ES"));
    }

    /** Adds a center in a unit of work of its own. */
    public static void addCenter(QlevenStore store, TenantId tenant) {
        store.shared().transactions().inTenant(tenant, () -> store.tenancy().centers().add(center(tenant)));
    }

    /** Adds a membership of an existing center in a unit of work of its own. */
    public static Membership addMember(QlevenStore store, TenantId tenant, UserId user, Role role, Instant createdAt) {
        Membership membership = new Membership(tenant, user, role, createdAt);
        store.shared().transactions().inTenant(tenant, () -> store.tenancy().memberships().add(membership));
        return membership;
    }
}

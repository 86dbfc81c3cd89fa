package com.qleven.application;

import com.qleven.application.shared.Idempotency;
import com.qleven.application.shared.UuidV7Ids;
import com.qleven.application.tenancy.AddUserService;
import com.qleven.application.tenancy.AuthenticateService;
import com.qleven.application.tenancy.CreateOperatorService;
import com.qleven.application.tenancy.GetProfileService;
import com.qleven.application.tenancy.GetUserService;
import com.qleven.application.tenancy.ListUsersService;
import com.qleven.application.tenancy.SignInService;
import com.qleven.application.tenancy.SignOutService;
import com.qleven.application.tenancy.SignUpService;
import com.qleven.domain.tenancy.SessionPolicy;
import com.qleven.domain.tenancy.SignInThrottle;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.tenancy.in.AddUser;
import com.qleven.ports.tenancy.in.Authenticate;
import com.qleven.ports.tenancy.in.CreateOperator;
import com.qleven.ports.tenancy.in.GetProfile;
import com.qleven.ports.tenancy.in.GetUser;
import com.qleven.ports.tenancy.in.ListUsers;
import com.qleven.ports.tenancy.in.SignIn;
import com.qleven.ports.tenancy.in.SignOut;
import com.qleven.ports.tenancy.in.SignUp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The Qleven core for embedders: every use case, wired to the adapters given to {@link #builder()}.
 * The host composes the very same object, so an embedder gets the same rules (permissions, tenant
 * isolation, encryption, rate limits) as the HTTP API.
 *
 * <pre>{@code
 * Qleven qleven = Qleven.builder()
 *         .store(store).cipher(cipher).passwordHasher(hasher).clock(Clock.systemUTC())
 *         .build();
 * }</pre>
 */
public final class Qleven {
    private final SignUp signUp;
    private final SignIn signIn;
    private final SignOut signOut;
    private final Authenticate authenticate;
    private final GetProfile profile;
    private final AddUser addUser;
    private final ListUsers listUsers;
    private final GetUser getUser;
    private final CreateOperator createOperator;
    private final Idempotency idempotency;

    private Qleven(Builder b) {
        IdGenerator ids = b.ids != null ? b.ids : new UuidV7Ids(b.clock);
        signUp = new SignUpService(b.store, b.cipher, b.passwordHasher, b.clock, ids, b.signupsPerAddressPerHour);
        signIn = new SignInService(b.store, b.cipher, b.passwordHasher, b.clock, ids, b.signInThrottle, b.sessionPolicy);
        signOut = new SignOutService(b.store, b.clock);
        authenticate = new AuthenticateService(b.store, b.clock, b.sessionPolicy);
        profile = new GetProfileService(b.store, b.cipher);
        addUser = new AddUserService(b.store, b.cipher, b.passwordHasher, b.clock, ids);
        listUsers = new ListUsersService(b.store, b.cipher);
        getUser = new GetUserService(b.store, b.cipher);
        createOperator = new CreateOperatorService(b.store, b.cipher, b.passwordHasher, b.clock, ids);
        idempotency = new Idempotency(b.store.transactions(), b.store.idempotencyRecords(), b.cipher, b.clock);
    }

    public static Builder builder() {
        return new Builder();
    }

    public SignUp signUp() {
        return signUp;
    }

    public SignIn signIn() {
        return signIn;
    }

    public SignOut signOut() {
        return signOut;
    }

    public Authenticate authenticate() {
        return authenticate;
    }

    public GetProfile profile() {
        return profile;
    }

    public AddUser addUser() {
        return addUser;
    }

    public ListUsers listUsers() {
        return listUsers;
    }

    public GetUser getUser() {
        return getUser;
    }

    public CreateOperator createOperator() {
        return createOperator;
    }

    /** Runs creates and actions at most once per {@code Idempotency-Key}; the host wraps its POST routes in it. */
    public Idempotency idempotency() {
        return idempotency;
    }

    /** Collects the adapters; {@link #build()} fails listing every one that is missing. */
    public static final class Builder {
        private QlevenStore store;
        private FieldCipher cipher;
        private PasswordHasher passwordHasher;
        private Clock clock;
        private IdGenerator ids;
        private SignInThrottle signInThrottle = SignInThrottle.DEFAULT;
        private SessionPolicy sessionPolicy = SessionPolicy.DEFAULT;
        private int signupsPerAddressPerHour = 20;

        private Builder() {
        }

        /** Where data lives: the in-memory or the PostgreSQL adapter's store. Required. */
        public Builder store(QlevenStore store) {
            this.store = store;
            return this;
        }

        /** Encryption of personal data at rest. Required. */
        public Builder cipher(FieldCipher cipher) {
            this.cipher = cipher;
            return this;
        }

        /** Password hashing (Argon2id in the crypto adapter). Required. */
        public Builder passwordHasher(PasswordHasher passwordHasher) {
            this.passwordHasher = passwordHasher;
            return this;
        }

        /** The only source of time the core reads. Required. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** New ids; time-ordered UUIDv7 from the clock when not set. */
        public Builder ids(IdGenerator ids) {
            this.ids = ids;
            return this;
        }

        public Builder signInThrottle(SignInThrottle throttle) {
            this.signInThrottle = java.util.Objects.requireNonNull(throttle, "throttle");
            return this;
        }

        public Builder sessionPolicy(SessionPolicy policy) {
            this.sessionPolicy = java.util.Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Signups one client address may attempt per hour (default 20). */
        public Builder signupsPerAddressPerHour(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("signupsPerAddressPerHour must be at least 1");
            }
            this.signupsPerAddressPerHour = limit;
            return this;
        }

        /** @throws IllegalStateException naming every required adapter that was not given */
        public Qleven build() {
            List<String> missing = new ArrayList<>();
            if (store == null) {
                missing.add("store");
            }
            if (cipher == null) {
                missing.add("cipher");
            }
            if (passwordHasher == null) {
                missing.add("passwordHasher");
            }
            if (clock == null) {
                missing.add("clock");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Qleven.builder() is missing: " + String.join(", ", missing));
            }
            return new Qleven(this);
        }
    }
}

package com.qleven.application.tenancy;

import com.qleven.application.QlevenStore;
import com.qleven.application.audit.SecurityWatch;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.RateLimitedException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnauthenticatedException;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Account;
import com.qleven.domain.tenancy.SessionId;
import com.qleven.domain.tenancy.SessionPolicy;
import com.qleven.domain.tenancy.SignInThrottle;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.shared.out.RateLimits;
import com.qleven.ports.tenancy.in.SignIn;
import com.qleven.ports.tenancy.in.SignInCommand;
import com.qleven.ports.tenancy.out.StoredAccount;
import com.qleven.ports.tenancy.out.StoredSession;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in. The throttle is consulted before any password is hashed; an unknown email is hashed
 * against a dummy so that it takes as long as a wrong password; failures are recorded in a unit of
 * work of their own so that they count even though the attempt fails.
 */
public final class SignInService implements SignIn {
    static final String ADDRESS_INDEX = "ratelimit.address";
    static final String ACCOUNT_FAILURES = "signin_failure_account";
    static final String ADDRESS_FAILURES = "signin_failure_address";
    private static final System.Logger LOG = System.getLogger(SignInService.class.getName());

    private final QlevenStore store;
    private final FieldCipher cipher;
    private final AccountFields fields;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final IdGenerator ids;
    private final SignInThrottle throttle;
    private final SessionPolicy sessions;
    private final SessionTokens tokens = new SessionTokens();
    private final String dummyHash;
    private final AuditTrail audit;
    private final SecurityWatch watch;

    public SignInService(QlevenStore store, FieldCipher cipher, PasswordHasher hasher, Clock clock, IdGenerator ids,
                         SignInThrottle throttle, SessionPolicy sessions, AuditTrail audit, SecurityWatch watch) {
        this.store = store;
        this.cipher = cipher;
        this.fields = new AccountFields(cipher);
        this.hasher = hasher;
        this.clock = clock;
        this.ids = ids;
        this.throttle = throttle;
        this.sessions = sessions;
        this.dummyHash = hasher.hash(UUID.randomUUID().toString());
        this.audit = audit;
        this.watch = watch;
    }

    @Override
    public SignInResult signIn(SignInCommand command) {
        Required.field(command, "command");
        Instant now = clock.instant();
        BlindIndex email = fields.emailIndex(command.email());
        BlindIndex address = cipher.blindIndex(ADDRESS_INDEX, Optional.empty(), command.client().ip());
        RateLimits limits = store.rateLimits();

        Attempt counts = store.transactions().global(() -> new Attempt(
                limits.since(ACCOUNT_FAILURES, email, SignInThrottle.windowStart(throttle.shortWindow(), now)),
                limits.since(ACCOUNT_FAILURES, email, SignInThrottle.windowStart(throttle.longWindow(), now)),
                limits.since(ADDRESS_FAILURES, address, SignInThrottle.windowStart(throttle.shortWindow(), now)),
                store.directory().accountByEmail(email).flatMap(id -> store.accounts().byId(id))));
        var decision = throttle.beforeAttempt(failures(counts.accountShort()), failures(counts.accountLong()),
                failures(counts.addressShort()), now);
        if (decision instanceof SignInThrottle.Refuse refuse) {
            LOG.log(System.Logger.Level.WARNING, "event=sign_in_refused reason=rate_limited account="
                    + SignUpService.shortHash(email) + " address=" + SignUpService.shortHash(address));
            watch.failedSignIn(SignUpService.shortHash(email), SignUpService.shortHash(address), now);
            throw new RateLimitedException("too many failed sign-ins; try again later", refuse.retryAfter());
        }

        Optional<StoredAccount> stored = counts.account();
        boolean matches = hasher.verify(command.password(), stored.map(StoredAccount::passwordHash).orElse(dummyHash));
        if (stored.isEmpty() || !matches) {
            store.transactions().global(() -> {
                limits.record(ACCOUNT_FAILURES, email, now);
                limits.record(ADDRESS_FAILURES, address, now);
            });
            int recent = Math.max(counts.accountShort().count(), counts.addressShort().count()) + 1;
            LOG.log(System.Logger.Level.WARNING, "event=sign_in_failed reason="
                    + (stored.isEmpty() ? "unknown_account" : "wrong_password")
                    + stored.map(s -> " user=" + s.id()).orElse("")
                    + " account=" + SignUpService.shortHash(email) + " address=" + SignUpService.shortHash(address)
                    + " recentFailures=" + recent);
            watch.failedSignIn(SignUpService.shortHash(email), SignUpService.shortHash(address), now);
            throw new UnauthenticatedException(throttle.slowDown(recent));
        }

        Account account = fields.open(stored.get());
        Optional<TenantId> tenant = chooseCenter(account, command.tenantId());
        SessionId sessionId = new SessionId(ids.next());
        String token = tokens.newToken();
        Instant absolute = sessions.absoluteExpiry(now);
        String sid = sessionId.toString();
        StoredSession session = new StoredSession(sessionId, account.id(), tenant, now, now, absolute,
                Optional.empty(), Optional.empty(),
                fields.sealSessionField(account, "ip", sid, command.client().ip()),
                fields.sealSessionField(account, "userAgent", sid, command.client().userAgent()),
                command.client().country());
        Runnable open = () -> {
            if (tenant.isPresent() && store.memberships().find(tenant.get(), account.id())
                    .filter(m -> m.active()).isEmpty()) {
                throw new UnauthenticatedException();
            }
            store.sessions().add(session);
            store.directory().addSessionToken(new Directory.SessionToken(
                    SessionTokens.hash(token), sessionId.value(), tenant, account.id(), absolute));
            limits.clear(ACCOUNT_FAILURES, email);
            audit.record(new AuditEvent(tenant, Optional.of(account.id()), Optional.of(sessionId.value()),
                    "session.sign_in", "session", Optional.of(sessionId.value()), "sign-in", 1, now));
        };
        if (tenant.isPresent()) {
            store.transactions().inTenant(tenant.get(), open);
        } else {
            store.transactions().global(open);
        }
        LOG.log(System.Logger.Level.INFO, "event=sign_in user=" + account.id() + " session=" + sessionId
                + tenant.map(t -> " tenant=" + t).orElse(""));
        return new SignInResult(token, sessionId, sessions.expiresAt(now, absolute), tenant);
    }

    private Optional<TenantId> chooseCenter(Account account, Optional<TenantId> requested) {
        if (account.operator()) {
            if (requested.isPresent()) {
                throw new ValidationException("tenantId", "a platform operator belongs to no center");
            }
            return Optional.empty();
        }
        List<TenantId> centers = store.transactions().global(() -> store.directory().centersOf(account.id()));
        if (centers.isEmpty()) {
            throw new UnauthenticatedException();
        }
        if (requested.isPresent() && centers.contains(requested.get())) {
            return requested;
        }
        if (requested.isEmpty() && centers.size() == 1) {
            return Optional.of(centers.get(0));
        }
        throw new ConflictException(requested.isPresent()
                ? "this account is not a member of that center; choose one of its centers"
                : "this account belongs to several centers; choose one with tenantId",
                Map.of("centers", centerChoices(centers)));
    }

    private List<Map<String, Object>> centerChoices(List<TenantId> centers) {
        return centers.stream().map(t -> {
            String name = store.transactions().inTenant(t, () -> store.centers().byId(t))
                    .map(c -> c.profile().name()).orElse("");
            Map<String, Object> choice = new LinkedHashMap<>();
            choice.put("tenantId", t.toString());
            choice.put("name", name);
            return choice;
        }).toList();
    }

    /** What is known before the password is checked. */
    private record Attempt(RateLimits.Window accountShort, RateLimits.Window accountLong,
                           RateLimits.Window addressShort, Optional<StoredAccount> account) {
    }

    private static SignInThrottle.Failures failures(RateLimits.Window w) {
        return new SignInThrottle.Failures(w.count(), w.oldest());
    }
}

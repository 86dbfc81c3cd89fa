package com.qleven.application.tenancy;

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
import com.qleven.ports.shared.out.OperationalRecords;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.shared.out.RateLimits;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.in.SignIn;
import com.qleven.ports.tenancy.in.SignInCommand;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.Centers;
import com.qleven.ports.tenancy.out.Memberships;
import com.qleven.ports.tenancy.out.Sessions;
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
 * Sign-in. Each attempt is counted as a failure before its password is hashed, in a unit of work
 * of its own under a lock per email, so that simultaneous attempts cannot all read the same count;
 * the throttle decides on the counts before it. An unknown email is hashed against a dummy so that
 * it takes as long as a wrong password. A right password takes its attempt back and clears the
 * account's failures.
 */
public final class SignInService implements SignIn {
    static final String ADDRESS_INDEX = "ratelimit.address";
    static final String ACCOUNT_FAILURES = "signin_failure_account";
    static final String ADDRESS_FAILURES = "signin_failure_address";
    private static final System.Logger LOG = System.getLogger(SignInService.class.getName());

    private final Transactions transactions;
    private final Directory directory;
    private final RateLimits rateLimits;
    private final OperationalRecords operationalRecords;
    private final Centers centers;
    private final Accounts accounts;
    private final Memberships memberships;
    private final Sessions sessions;
    private final FieldCipher cipher;
    private final AccountFields fields;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final IdGenerator ids;
    private final SignInThrottle throttle;
    private final SessionPolicy sessionPolicy;
    private final SessionTokens tokens = new SessionTokens();
    private final String dummyHash;
    private final AuditTrail audit;
    private final SecurityWatch watch;

    public SignInService(Transactions transactions, Directory directory, RateLimits rateLimits,
                         OperationalRecords operationalRecords, Centers centers, Accounts accounts,
                         Memberships memberships, Sessions sessions, FieldCipher cipher, PasswordHasher hasher,
                         Clock clock, IdGenerator ids, SignInThrottle throttle, SessionPolicy sessionPolicy,
                         AuditTrail audit, SecurityWatch watch) {
        this.transactions = transactions;
        this.directory = directory;
        this.rateLimits = rateLimits;
        this.operationalRecords = operationalRecords;
        this.centers = centers;
        this.accounts = accounts;
        this.memberships = memberships;
        this.sessions = sessions;
        this.cipher = cipher;
        this.fields = new AccountFields(cipher);
        this.hasher = hasher;
        this.clock = clock;
        this.ids = ids;
        this.throttle = throttle;
        this.sessionPolicy = sessionPolicy;
        this.dummyHash = hasher.hash(UUID.randomUUID().toString());
        this.audit = audit;
        this.watch = watch;
    }

    @Override
    public SignInResult signIn(SignInCommand command) {
        Required.field(command, "command");
        Instant now = clock.instant();
        BlindIndex email = fields.emailIndex(command.email());
        BlindIndex address = cipher.blindIndex(ADDRESS_INDEX, Optional.empty(), command.client().rateLimitKey());

        // Counted before the password is hashed, under a lock per email: of any number of attempts
        // arriving together for one account, only as many as the throttle allows are let through.
        Attempt counts = transactions.global(() -> {
            rateLimits.lock(ACCOUNT_FAILURES, email);
            Attempt attempt = new Attempt(
                    rateLimits.since(ACCOUNT_FAILURES, email, SignInThrottle.windowStart(throttle.shortWindow(), now)),
                    rateLimits.since(ACCOUNT_FAILURES, email, SignInThrottle.windowStart(throttle.longWindow(), now)),
                    rateLimits.since(ADDRESS_FAILURES, address,
                            SignInThrottle.windowStart(throttle.shortWindow(), now)),
                    directory.accountByEmail(email).flatMap(id -> accounts.byId(id)),
                    Optional.empty());
            var decision = throttle.beforeAttempt(failures(attempt.accountShort()), failures(attempt.accountLong()),
                    failures(attempt.addressShort()), now);
            if (decision instanceof SignInThrottle.Refuse refuse) {
                return attempt.refused(refuse);
            }
            rateLimits.record(ACCOUNT_FAILURES, email, now);
            rateLimits.record(ADDRESS_FAILURES, address, now);
            return attempt;
        });
        if (counts.refusal().isPresent()) {
            LOG.log(System.Logger.Level.WARNING, "event=sign_in_refused reason=rate_limited account="
                    + SignUpService.shortHash(email) + " address=" + SignUpService.shortHash(address));
            watch.failedSignIn(SignUpService.shortHash(email), SignUpService.shortHash(address), now);
            throw new RateLimitedException("too many failed sign-ins; try again later",
                    counts.refusal().get().retryAfter());
        }

        Optional<StoredAccount> stored = counts.account();
        boolean matches = hasher.verify(command.password(), stored.map(StoredAccount::passwordHash).orElse(dummyHash));
        if (stored.isEmpty() || !matches) {
            // The failure was counted above, before the hash.
            int recent = Math.max(counts.accountShort().count(), counts.addressShort().count()) + 1;
            LOG.log(System.Logger.Level.WARNING, "event=sign_in_failed reason="
                    + (stored.isEmpty() ? "unknown_account" : "wrong_password")
                    + stored.map(s -> " user=" + s.id()).orElse("")
                    + " account=" + SignUpService.shortHash(email) + " address=" + SignUpService.shortHash(address)
                    + " recentFailures=" + recent);
            watch.failedSignIn(SignUpService.shortHash(email), SignUpService.shortHash(address), now);
            throw new UnauthenticatedException(throttle.slowDown(recent));
        }
        try {
            return open(command, stored.get(), now, email, address);
        } catch (RuntimeException | Error e) {
            // The right password: the attempt counted in advance is no failure, whatever else refused it.
            transactions.global(() -> {
                rateLimits.forget(ACCOUNT_FAILURES, email, now);
                rateLimits.forget(ADDRESS_FAILURES, address, now);
            });
            throw e;
        }
    }

    private SignInResult open(SignInCommand command, StoredAccount stored, Instant now, BlindIndex email,
                              BlindIndex address) {
        RateLimits limits = rateLimits;
        SessionId sessionId = new SessionId(ids.next());
        String token = tokens.newToken();
        Instant absolute = sessionPolicy.absoluteExpiry(now);
        String sid = sessionId.toString();
        // One unit of work: global while it opens the account and finds its center in the
        // directory, then bound to that center for the session's writes (the account's data key is
        // read once in it).
        Optional<TenantId> tenant = transactions.global(() -> {
            Account account = fields.open(stored);
            Optional<TenantId> chosen = chooseCenter(account, command.tenantId());
            chosen.ifPresent(transactions::bindTenant);
            if (chosen.isPresent() && memberships.find(chosen.get(), account.id())
                    .filter(m -> m.usable()).isEmpty()) {
                throw new UnauthenticatedException();
            }
            StoredSession session = new StoredSession(sessionId, account.id(), chosen, now, now, absolute,
                    Optional.empty(), Optional.empty(),
                    fields.sealSessionField(account, "ip", sid, command.client().ip()),
                    fields.sealSessionField(account, "userAgent", sid, command.client().userAgent()),
                    command.client().country());
            sessions.add(session);
            // The session log is the center's to purge in time: the housekeeping job must know of the center.
            chosen.ifPresent(t -> operationalRecords.markDue(t,
                    now.plus(com.qleven.application.shared.Idempotency.LIFETIME)));
            directory.addSessionToken(new Directory.SessionToken(
                    SessionTokens.hash(token), sessionId.value(), chosen, account.id(), absolute));
            limits.clear(ACCOUNT_FAILURES, email);
            limits.forget(ADDRESS_FAILURES, address, now);
            audit.record(new AuditEvent(chosen, Optional.of(account.id()), Optional.of(sessionId.value()),
                    "session.sign_in", "session", Optional.of(sessionId.value()), "sign-in", 1, now));
            return chosen;
        });
        LOG.log(System.Logger.Level.INFO, "event=sign_in user=" + stored.id() + " session=" + sessionId
                + tenant.map(t -> " tenant=" + t).orElse(""));
        return new SignInResult(token, sessionId, sessionPolicy.expiresAt(now, absolute), tenant);
    }

    /** Runs inside the sign-in's unit of work, while it is still global. */
    private Optional<TenantId> chooseCenter(Account account, Optional<TenantId> requested) {
        if (account.operator()) {
            if (requested.isPresent()) {
                throw new ValidationException("tenantId", "a platform operator belongs to no center");
            }
            return Optional.empty();
        }
        // Only the centers where the membership works now: neither one the person has not accepted
        // nor one the center deactivated, in one look-up of the directory.
        List<Directory.CenterChoice> centers = directory.signInChoices(account.id());
        if (centers.isEmpty()) {
            throw new UnauthenticatedException();
        }
        List<TenantId> ids = centers.stream().map(Directory.CenterChoice::tenantId).toList();
        if (requested.isPresent() && ids.contains(requested.get())) {
            return requested;
        }
        if (requested.isEmpty() && centers.size() == 1) {
            return Optional.of(ids.get(0));
        }
        throw new ConflictException(requested.isPresent()
                ? "this account is not a member of that center; choose one of its centers"
                : "this account belongs to several centers; choose one with tenantId",
                Map.of("centers", centerChoices(centers)));
    }

    private static List<Map<String, Object>> centerChoices(List<Directory.CenterChoice> centers) {
        return centers.stream().map(c -> {
            Map<String, Object> choice = new LinkedHashMap<>();
            choice.put("tenantId", c.tenantId().toString());
            choice.put("name", c.name());
            return choice;
        }).toList();
    }

    /** What is known before the password is checked. */
    private record Attempt(RateLimits.Window accountShort, RateLimits.Window accountLong,
                           RateLimits.Window addressShort, Optional<StoredAccount> account,
                           Optional<SignInThrottle.Refuse> refusal) {
        Attempt refused(SignInThrottle.Refuse refuse) {
            return new Attempt(accountShort, accountLong, addressShort, account, Optional.of(refuse));
        }
    }

    private static SignInThrottle.Failures failures(RateLimits.Window w) {
        return new SignInThrottle.Failures(w.count(), w.oldest());
    }
}

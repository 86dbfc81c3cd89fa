package com.qleven.application.tenancy;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.RateLimitedException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Account;
import com.qleven.domain.tenancy.Center;
import com.qleven.domain.tenancy.Membership;
import com.qleven.domain.tenancy.Role;
import com.qleven.domain.tenancy.SignInThrottle;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.IdGenerator;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.shared.out.RateLimits;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.in.SignUp;
import com.qleven.ports.tenancy.in.SignUpCommand;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.Centers;
import com.qleven.ports.tenancy.out.Memberships;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Creates the center, its administrator's account and the membership in one unit of work. An
 * email that already has an account is refused: accounts are global, so signup tells that the
 * email exists, and is rate-limited per address for that reason.
 */
public final class SignUpService implements SignUp {
    static final String BUCKET = "signup";
    private static final System.Logger LOG = System.getLogger(SignUpService.class.getName());

    private final Transactions transactions;
    private final Directory directory;
    private final RateLimits rateLimits;
    private final Centers centers;
    private final Accounts accounts;
    private final Memberships memberships;
    private final FieldCipher cipher;
    private final AccountFields fields;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final IdGenerator ids;
    private final int signupsPerAddressPerHour;
    private final AuditTrail audit;

    public SignUpService(Transactions transactions, Directory directory, RateLimits rateLimits, Centers centers,
                         Accounts accounts, Memberships memberships, FieldCipher cipher, PasswordHasher hasher,
                         Clock clock, IdGenerator ids, int signupsPerAddressPerHour, AuditTrail audit) {
        this.transactions = transactions;
        this.directory = directory;
        this.rateLimits = rateLimits;
        this.centers = centers;
        this.accounts = accounts;
        this.memberships = memberships;
        this.cipher = cipher;
        this.fields = new AccountFields(cipher);
        this.hasher = hasher;
        this.clock = clock;
        this.ids = ids;
        this.signupsPerAddressPerHour = signupsPerAddressPerHour;
        this.audit = audit;
    }

    @Override
    public SignUpResult signUp(SignUpCommand command) {
        Required.field(command, "command");
        if (!command.ageConfirmed()) {
            throw new UnprocessableException("admin.ageConfirmed",
                    "the administrator must confirm being 16 or older");
        }
        Instant now = clock.instant();
        BlindIndex address = cipher.blindIndex(SignInService.ADDRESS_INDEX, Optional.empty(), command.client().rateLimitKey());
        transactions.global(() -> {
            var window = rateLimits.since(BUCKET, address, SignInThrottle.windowStart(Duration.ofHours(1), now));
            if (window.count() >= signupsPerAddressPerHour) {
                LOG.log(System.Logger.Level.WARNING, "event=signup_refused reason=rate_limited address=" + shortHash(address));
                throw new RateLimitedException("too many signups from this address",
                        window.oldest().map(o -> Duration.between(now, o.plus(Duration.ofHours(1))))
                                .orElse(Duration.ofHours(1)));
            }
            rateLimits.record(BUCKET, address, now);
        });
        BlindIndex email = fields.emailIndex(command.admin().email());
        if (transactions.global(() -> directory.accountByEmail(email)).isPresent()) {
            throw emailTaken();
        }
        String passwordHash = hasher.hash(command.password());
        TenantId tenant = new TenantId(ids.next());
        UserId user = new UserId(ids.next());
        transactions.inTenant(tenant, () -> {
            if (!directory.claimAccountEmail(email, user)) {
                throw emailTaken();
            }
            centers.add(new Center(tenant, command.center(), now));
            Account account = new Account(user, command.admin(), now, false, now);
            accounts.add(fields.seal(account, passwordHash));
            memberships.add(new Membership(tenant, user, Role.ADMINISTRATOR, now));
            directory.addMembership(user, tenant);
            audit.record(new AuditEvent(Optional.of(tenant), Optional.of(user), Optional.empty(), "account.create",
                    "account", Optional.of(user.value()), "signup", 1, now));
        });
        LOG.log(System.Logger.Level.INFO, "event=center_created tenant=" + tenant + " user=" + user);
        return new SignUpResult(tenant, user);
    }

    private static ConflictException emailTaken() {
        return new ConflictException(
                "an account with this email already exists; sign in and ask to be added to the center");
    }

    static String shortHash(BlindIndex index) {
        return index.hex().substring(0, 12);
    }
}

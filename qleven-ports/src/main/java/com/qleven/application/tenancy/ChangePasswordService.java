package com.qleven.application.tenancy;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.UnauthenticatedException;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.domain.tenancy.SignInThrottle;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.shared.out.RateLimits;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.in.ChangePassword;
import com.qleven.ports.tenancy.out.AccountTokens;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.Sessions;
import com.qleven.ports.tenancy.out.StoredAccount;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Changes the caller's password after checking the current one (under the sign-in throttle, so a
 * stolen session cannot be used to guess it), then signs the account out of every other session,
 * in every center: the new password and the removal of those sessions' tokens commit together.
 */
public final class ChangePasswordService implements ChangePassword {
    private static final System.Logger LOG = System.getLogger(ChangePasswordService.class.getName());
    private final Transactions transactions;
    private final Directory directory;
    private final Accounts accounts;
    private final AccountTokens accountTokens;
    private final AccountFields fields;
    private final PasswordHasher hasher;
    private final PasswordChecks checks;
    private final AuditTrail audit;
    private final Clock clock;
    private final SessionEnds ends;

    public ChangePasswordService(Transactions transactions, Directory directory, RateLimits rateLimits,
                                 Accounts accounts, AccountTokens accountTokens, Sessions sessions, FieldCipher cipher,
                                 PasswordHasher hasher, AuditTrail audit, Clock clock, SignInThrottle throttle) {
        this.transactions = transactions;
        this.directory = directory;
        this.accounts = accounts;
        this.accountTokens = accountTokens;
        this.fields = new AccountFields(cipher);
        this.hasher = hasher;
        this.checks = new PasswordChecks(transactions, rateLimits, hasher, throttle);
        this.audit = audit;
        this.clock = clock;
        this.ends = new SessionEnds(transactions, sessions);
    }

    @Override
    public void change(Principal principal, ChangePasswordCommand command) {
        Required.field(command, "command");
        Permissions.require(principal, Permission.MANAGE_OWN_ACCOUNT);
        Instant now = clock.instant();
        StoredAccount account = transactions.global(() -> accounts.byId(principal.userId()))
                .orElseThrow(UnauthenticatedException::new);
        if (!checks.verify(fields.emailIndex(fields.open(account).person().email()), account,
                command.currentPassword(), now)) {
            throw new UnprocessableException("currentPassword", "is not the account's password");
        }
        String passwordHash = hasher.hash(command.newPassword());
        Supplier<List<Directory.SessionToken>> change = () -> {
            accounts.changePasswordHash(principal.userId(), passwordHash);
            accountTokens.removeResetTokensOf(principal.userId());
            List<Directory.SessionToken> others = directory.sessionTokensOf(principal.userId()).stream()
                    .filter(t -> !t.sessionId().equals(principal.sessionId().value())).toList();
            others.forEach(t -> directory.removeSessionToken(t.sessionId()));
            audit.record(AuditEvent.by(principal, "account.password_change", "account",
                    Optional.of(principal.userId().value()), InvitationFields.PURPOSE, 1, now));
            return others;
        };
        List<Directory.SessionToken> ended = principal.tenantId().isPresent()
                ? transactions.inTenant(principal.tenantId().get(), change)
                : transactions.global(change);
        ends.record(ended, now, "password_change");
        LOG.log(System.Logger.Level.INFO, "event=password_changed user=" + principal.userId()
                + " otherSessionsEnded=" + ended.size());
    }
}

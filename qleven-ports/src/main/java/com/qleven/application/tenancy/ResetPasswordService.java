package com.qleven.application.tenancy;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.in.ResetPassword;
import com.qleven.ports.tenancy.out.AccountTokens;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.Sessions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sets a new password from a reset link and ends every session of the account. Using the token,
 * changing the password and removing every session token commit together, so the account is signed
 * out everywhere the moment the new password holds; the centers' session logs are told after.
 */
public final class ResetPasswordService implements ResetPassword {
    private static final System.Logger LOG = System.getLogger(ResetPasswordService.class.getName());
    private final Transactions transactions;
    private final Directory directory;
    private final Accounts accounts;
    private final AccountTokens accountTokens;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final Clock clock;
    private final SessionEnds ends;

    public ResetPasswordService(Transactions transactions, Directory directory, Accounts accounts,
                                AccountTokens accountTokens, Sessions sessions, PasswordHasher hasher, AuditTrail audit,
                                Clock clock) {
        this.transactions = transactions;
        this.directory = directory;
        this.accounts = accounts;
        this.accountTokens = accountTokens;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.ends = new SessionEnds(transactions, sessions);
    }

    @Override
    public void reset(ResetPasswordCommand command) {
        Required.field(command, "command");
        Instant now = clock.instant();
        String tokenHash = LinkTokens.hash(command.token());
        AccountTokens.ResetToken entry = transactions
                .global(() -> accountTokens.resetByTokenHash(tokenHash))
                .filter(e -> now.isBefore(e.expiresAt()))
                .orElseThrow(ResetPasswordService::unusable);
        UserId user = entry.userId();
        String passwordHash = hasher.hash(command.password());
        List<Directory.SessionToken> ended = transactions.global(() -> {
            if (!accountTokens.consumeResetToken(tokenHash)) {
                throw unusable();
            }
            accountTokens.removeResetTokensOf(user);
            accounts.changePasswordHash(user, passwordHash);
            List<Directory.SessionToken> tokens = directory.sessionTokensOf(user);
            tokens.forEach(t -> directory.removeSessionToken(t.sessionId()));
            audit.record(new AuditEvent(Optional.empty(), Optional.of(user), Optional.empty(),
                    "account.password_reset", "account", Optional.of(user.value()), InvitationFields.PURPOSE, 1, now));
            return tokens;
        });
        ends.record(ended, now, "password_reset");
        LOG.log(System.Logger.Level.INFO, "event=password_reset user=" + user + " sessionsEnded=" + ended.size());
    }

    private static UnprocessableException unusable() {
        return new UnprocessableException("token",
                "this reset link is unknown, expired or already used; ask for a new one");
    }
}

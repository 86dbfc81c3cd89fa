package com.qleven.application.tenancy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.UnprocessableException;
import com.qleven.domain.shared.UserId;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.PasswordHasher;
import com.qleven.ports.tenancy.in.ResetPassword;
import com.qleven.ports.tenancy.out.AccountTokens;
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
    private final QlevenStore store;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final Clock clock;
    private final SessionEnds ends;

    public ResetPasswordService(QlevenStore store, PasswordHasher hasher, AuditTrail audit, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.ends = new SessionEnds(store);
    }

    @Override
    public void reset(ResetPasswordCommand command) {
        Required.field(command, "command");
        Instant now = clock.instant();
        String tokenHash = LinkTokens.hash(command.token());
        AccountTokens.ResetToken entry = store.transactions()
                .global(() -> store.accountTokens().resetByTokenHash(tokenHash))
                .filter(e -> now.isBefore(e.expiresAt()))
                .orElseThrow(ResetPasswordService::unusable);
        UserId user = entry.userId();
        String passwordHash = hasher.hash(command.password());
        List<Directory.SessionToken> ended = store.transactions().global(() -> {
            if (!store.accountTokens().consumeResetToken(tokenHash)) {
                throw unusable();
            }
            store.accountTokens().removeResetTokensOf(user);
            store.accounts().changePasswordHash(user, passwordHash);
            List<Directory.SessionToken> tokens = store.directory().sessionTokensOf(user);
            tokens.forEach(t -> store.directory().removeSessionToken(t.sessionId()));
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

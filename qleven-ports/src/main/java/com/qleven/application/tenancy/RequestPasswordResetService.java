package com.qleven.application.tenancy;

import com.qleven.application.shared.MailQueue;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.shared.RateLimitedException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Account;
import com.qleven.domain.tenancy.AccountLifecyclePolicy;
import com.qleven.domain.tenancy.SignInThrottle;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.shared.out.BlindIndex;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.RateLimits;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.in.AccountLinks;
import com.qleven.ports.tenancy.in.RequestPasswordReset;
import com.qleven.ports.tenancy.out.AccountTokens;
import com.qleven.ports.tenancy.out.Accounts;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends a password-reset link to an account's email. Every request is counted, per email and per
 * client address, whether or not the email has an account, so neither the answer nor the limit tells
 * which emails do. A new link voids the older ones of the account.
 */
public final class RequestPasswordResetService implements RequestPasswordReset {
    static final String EMAIL_BUCKET = "password_reset_email";
    static final String ADDRESS_BUCKET = "password_reset_address";
    private static final Duration WINDOW = Duration.ofHours(1);
    private static final System.Logger LOG = System.getLogger(RequestPasswordResetService.class.getName());

    private final Transactions transactions;
    private final Directory directory;
    private final RateLimits rateLimits;
    private final Accounts accounts;
    private final AccountTokens accountTokens;
    private final FieldCipher cipher;
    private final AccountFields accountFields;
    private final MailQueue mail;
    private final AccountMail messages;
    private final AuditTrail audit;
    private final Clock clock;
    private final AccountLifecyclePolicy policy;
    private final LinkTokens tokens = new LinkTokens();

    public RequestPasswordResetService(Transactions transactions, Directory directory, RateLimits rateLimits,
                                       Accounts accounts, AccountTokens accountTokens, FieldCipher cipher,
                                       MailQueue mail, URI publicUrl, AuditTrail audit, Clock clock,
                                       AccountLifecyclePolicy policy) {
        this.transactions = transactions;
        this.directory = directory;
        this.rateLimits = rateLimits;
        this.accounts = accounts;
        this.accountTokens = accountTokens;
        this.cipher = cipher;
        this.accountFields = new AccountFields(cipher);
        this.mail = mail;
        this.messages = new AccountMail(publicUrl);
        this.audit = audit;
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    public void request(RequestPasswordResetCommand command) {
        Required.field(command, "command");
        Instant now = clock.instant();
        BlindIndex email = accountFields.emailIndex(command.email());
        BlindIndex address = cipher.blindIndex(SignInService.ADDRESS_INDEX, Optional.empty(), command.client().rateLimitKey());
        // A unit of its own: the request counts even when it is refused.
        transactions.global(() -> {
            Instant since = SignInThrottle.windowStart(WINDOW, now);
            refuseOver(rateLimits.since(EMAIL_BUCKET, email, since), policy.resetsPerEmailPerHour(), now,
                    "too many password resets asked for this email");
            refuseOver(rateLimits.since(ADDRESS_BUCKET, address, since), policy.resetsPerAddressPerHour(), now,
                    "too many password resets asked from this address");
            rateLimits.record(EMAIL_BUCKET, email, now);
            rateLimits.record(ADDRESS_BUCKET, address, now);
        });
        String token = tokens.newToken(AccountLinks.PASSWORD_RESET);
        Instant expiresAt = now.plus(policy.passwordResetLifetime());
        Optional<UserId> user = transactions.global(() -> {
            Optional<Account> account = directory.accountByEmail(email)
                    .flatMap(id -> accounts.byId(id)).map(accountFields::open);
            account.ifPresent(a -> {
                accountTokens.removeResetTokensOf(a.id());
                accountTokens.addResetToken(new AccountTokens.ResetToken(LinkTokens.hash(token), a.id(), now,
                        expiresAt));
                mail.enqueue(messages.passwordReset(a.person().email(), token, policy.passwordResetLifetime()),
                        expiresAt);
                audit.record(new AuditEvent(Optional.empty(), Optional.of(a.id()), Optional.empty(),
                        "account.password_reset_request", "account", Optional.of(a.id().value()),
                        InvitationFields.PURPOSE, 1, now));
            });
            return account.map(Account::id);
        });
        LOG.log(System.Logger.Level.INFO, "event=password_reset_requested account="
                + SignUpService.shortHash(email) + user.map(u -> " user=" + u).orElse(" user=none"));
    }

    private static void refuseOver(RateLimits.Window window, int limit, Instant now, String message) {
        if (window.count() >= limit) {
            throw new RateLimitedException(message, window.oldest()
                    .map(o -> Duration.between(now, o.plus(WINDOW))).orElse(WINDOW));
        }
    }
}

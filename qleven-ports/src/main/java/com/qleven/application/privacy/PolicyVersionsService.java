package com.qleven.application.privacy;

import com.qleven.application.shared.MailQueue;
import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.privacy.PolicyNotice;
import com.qleven.domain.privacy.PolicyVersion;
import com.qleven.domain.shared.ConflictException;
import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.privacy.in.PolicyAcceptance;
import com.qleven.ports.privacy.in.PublishPolicyVersion;
import com.qleven.ports.privacy.out.PolicyVersions;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.MailMessage;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.out.Accounts;
import com.qleven.ports.tenancy.out.StoredAccount;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Policy versions (P19). Publishing commits the version and its audit event (platform chain) in
 * one global unit of work, then walks every account a page at a time, each page in its own unit:
 * the notice and the queued mail of an account commit together, and no unit holds all accounts.
 * A page that fails is logged and the walk goes on, so one bad row cannot keep the rest untold.
 */
public final class PolicyVersionsService implements PublishPolicyVersion, PolicyAcceptance {
    private static final System.Logger LOG = System.getLogger(PolicyVersionsService.class.getName());
    /** Accounts told per unit of work. */
    static final int PAGE = 100;
    /** How long mail about a policy change stays worth sending if SMTP is down. */
    static final Duration MAIL_LIFETIME = Duration.ofDays(30);
    private final Transactions transactions;
    private final Accounts accounts;
    private final PolicyVersions policyVersions;
    private final FieldCipher cipher;
    private final MailQueue mail;
    private final AuditTrail audit;
    private final Clock clock;

    public PolicyVersionsService(Transactions transactions, Accounts accounts, PolicyVersions policyVersions,
                                 FieldCipher cipher, MailQueue mail, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.policyVersions = policyVersions;
        this.cipher = cipher;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public PolicyVersionView publish(Principal principal, PublishPolicyCommand command) {
        // The refusal comes first: a center's member learns nothing of what a publication must hold.
        Permissions.require(principal, Permission.PUBLISH_POLICY);
        Required.field(command, "command");
        if (!PolicyVersion.validVersion(command.version())) {
            throw new ValidationException("version", "must have 1 to " + PolicyVersion.MAX_VERSION
                    + " of A-Z a-z 0-9 . _ -");
        }
        if (!PolicyVersion.validText(command.text())) {
            throw new ValidationException("text", "must have 1 to " + PolicyVersion.MAX_TEXT + " characters");
        }
        // PostgreSQL keeps microseconds: both stores then answer the instants they were given.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PolicyVersion version = new PolicyVersion(command.version(), command.text(), sha256(command.text()), now,
                command.effectiveAt().truncatedTo(ChronoUnit.MICROS), principal.userId());
        transactions.global(() -> {
            if (!policyVersions.add(version)) {
                throw new ConflictException("policy version " + version.version() + " exists");
            }
            audit.record(AuditEvent.by(principal, "policy.publish", "policy_version", Optional.empty(),
                    "privacy policy versions (P19)", 1, now));
        });
        int told = tellEveryAccount(version);
        LOG.log(System.Logger.Level.INFO, "event=policy_published version=" + version.version() + " accounts=" + told
                + " by=" + principal.userId());
        return new PolicyVersionView(version.version(), version.sha256(), version.publishedAt(),
                version.effectiveAt());
    }

    private int tellEveryAccount(PolicyVersion version) {
        int told = 0;
        Optional<UserId> after = Optional.empty();
        while (true) {
            Optional<UserId> from = after;
            List<StoredAccount> page = transactions.global(() -> accounts.pageAfter(from, PAGE));
            if (page.isEmpty()) {
                return told;
            }
            try {
                transactions.global(() -> {
                    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    for (StoredAccount account : page) {
                        policyVersions.notify(new PolicyNotice(account.id(), version.version(),
                                version.effectiveAt(), at));
                        mail.enqueue(mail(email(account), version), at.plus(MAIL_LIFETIME));
                    }
                });
                told += page.size();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "event=policy_notice_failed version=" + version.version()
                        + " after=" + from.map(UserId::toString).orElse("start") + " error="
                        + e.getClass().getSimpleName());
            }
            if (page.size() < PAGE) {
                return told;
            }
            after = Optional.of(page.get(page.size() - 1).id());
        }
    }

    @Override
    public List<PolicyNotice> notifications(Principal principal) {
        return transactions.global(() -> policyVersions.unread(principal.userId()));
    }

    @Override
    public void accept(Principal principal, String version) {
        Required.field(version, "version");
        if (!PolicyVersion.validVersion(version)) {
            throw new NotFoundException("no policy version " + version);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transactions.global(() -> {
            if (policyVersions.byVersion(version).isEmpty()) {
                throw new NotFoundException("no policy version " + version);
            }
            // A second acceptance keeps the first time: that is when the account agreed.
            policyVersions.accept(principal.userId(), version, now);
        });
    }

    @Override
    public Optional<CurrentPolicy> current(Principal principal) {
        Instant now = clock.instant();
        return transactions.global(() -> policyVersions.inEffectAt(now).map(v -> new CurrentPolicy(
                v.version(), v.sha256(), v.effectiveAt(),
                policyVersions.acceptedAt(principal.userId(), v.version()))));
    }

    static MailMessage mail(EmailAddress to, PolicyVersion version) {
        String effective = DateTimeFormatter.ISO_INSTANT.format(version.effectiveAt().truncatedTo(ChronoUnit.SECONDS));
        return new MailMessage(to, "Qleven's privacy policy changes on " + effective,
                "Hello,\n\nQleven published version " + version.version() + " of its privacy policy. It applies from "
                        + effective + ".\n\nYou can read it and accept it in the notifications of your Qleven "
                        + "dashboard.\n");
    }

    private EmailAddress email(StoredAccount account) {
        return new EmailAddress(cipher.decrypt("account|email|" + account.id(), account.email()));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

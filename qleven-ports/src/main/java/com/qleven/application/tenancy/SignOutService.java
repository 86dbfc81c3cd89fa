package com.qleven.application.tenancy;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.in.SignOut;
import com.qleven.ports.tenancy.out.Sessions;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Ends the session in the log and forgets its token, in one unit of work. */
public final class SignOutService implements SignOut {
    private static final System.Logger LOG = System.getLogger(SignOutService.class.getName());
    private final Transactions transactions;
    private final Directory directory;
    private final Sessions sessions;
    private final Clock clock;
    private final AuditTrail audit;

    public SignOutService(Transactions transactions, Directory directory, Sessions sessions, Clock clock,
                          AuditTrail audit) {
        this.transactions = transactions;
        this.directory = directory;
        this.sessions = sessions;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public void signOut(Principal principal) {
        Runnable end = () -> {
            Instant now = clock.instant();
            sessions.end(principal.tenantId(), principal.sessionId(), now, "sign_out");
            directory.removeSessionToken(principal.sessionId().value());
            audit.record(AuditEvent.by(principal, "session.sign_out", "session",
                    Optional.of(principal.sessionId().value()), "sign-out", 1, now));
        };
        if (principal.tenantId().isPresent()) {
            transactions.inTenant(principal.tenantId().get(), end);
        } else {
            transactions.global(end);
        }
        LOG.log(System.Logger.Level.INFO, "event=sign_out user=" + principal.userId() + " session=" + principal.sessionId());
    }
}

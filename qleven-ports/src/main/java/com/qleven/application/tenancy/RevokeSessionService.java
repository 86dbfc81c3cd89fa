package com.qleven.application.tenancy;

import com.qleven.domain.audit.AuditEvent;
import com.qleven.domain.shared.NotFoundException;
import com.qleven.domain.shared.Required;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.domain.tenancy.SessionId;
import com.qleven.ports.audit.out.AuditTrail;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.in.RevokeSession;
import com.qleven.ports.tenancy.out.Sessions;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Ends one of the caller's own sessions: its token goes from the directory and its log records the
 * end, in one unit of work. Someone else's session is not found, exactly like one that never existed.
 */
public final class RevokeSessionService implements RevokeSession {
    private static final System.Logger LOG = System.getLogger(RevokeSessionService.class.getName());
    private final Transactions transactions;
    private final Directory directory;
    private final Sessions sessions;
    private final AuditTrail audit;
    private final Clock clock;

    public RevokeSessionService(Transactions transactions, Directory directory, Sessions sessions, AuditTrail audit,
                                Clock clock) {
        this.transactions = transactions;
        this.directory = directory;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void revoke(Principal principal, SessionId session) {
        Required.field(session, "session");
        Permissions.require(principal, Permission.MANAGE_OWN_ACCOUNT);
        Instant now = clock.instant();
        Runnable revoke = () -> {
            sessions.byId(principal.tenantId(), session)
                    .filter(s -> s.userId().equals(principal.userId()))
                    .orElseThrow(() -> new NotFoundException("session"));
            sessions.end(principal.tenantId(), session, now, "revoked");
            directory.removeSessionToken(session.value());
            audit.record(AuditEvent.by(principal, "account.session_revoke", "session", Optional.of(session.value()),
                    InvitationFields.PURPOSE, 1, now));
        };
        if (principal.tenantId().isPresent()) {
            transactions.inTenant(principal.tenantId().get(), revoke);
        } else {
            transactions.global(revoke);
        }
        LOG.log(System.Logger.Level.INFO, "event=session_revoked user=" + principal.userId() + " session=" + session
                + " by=" + principal.sessionId());
    }
}

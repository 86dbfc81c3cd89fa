package com.qleven.application.tenancy;

import com.qleven.application.QlevenStore;
import com.qleven.domain.tenancy.Principal;
import com.qleven.ports.tenancy.in.SignOut;
import java.time.Clock;

/** Ends the session in the log and forgets its token, in one unit of work. */
public final class SignOutService implements SignOut {
    private static final System.Logger LOG = System.getLogger(SignOutService.class.getName());
    private final QlevenStore store;
    private final Clock clock;

    public SignOutService(QlevenStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void signOut(Principal principal) {
        Runnable end = () -> {
            store.sessions().end(principal.tenantId(), principal.sessionId(), clock.instant(), "sign_out");
            store.directory().removeSessionToken(principal.sessionId().value());
        };
        if (principal.tenantId().isPresent()) {
            store.transactions().inTenant(principal.tenantId().get(), end);
        } else {
            store.transactions().global(end);
        }
        LOG.log(System.Logger.Level.INFO, "event=sign_out user=" + principal.userId() + " session=" + principal.sessionId());
    }
}

package com.qleven.application.tenancy;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.tenancy.SessionId;
import com.qleven.ports.shared.out.Directory;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.out.Sessions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records in each center's session log that sessions ended. The sessions stopped working already
 * when their directory tokens were removed (authentication looks the token up first), so a log
 * that cannot be written now leaves no session open: the failure is logged and the rest go on.
 */
final class SessionEnds {
    private static final System.Logger LOG = System.getLogger(SessionEnds.class.getName());
    private final Transactions transactions;
    private final Sessions sessions;

    SessionEnds(Transactions transactions, Sessions sessions) {
        this.transactions = transactions;
        this.sessions = sessions;
    }

    void record(List<Directory.SessionToken> ended, Instant at, String reason) {
        Map<Optional<TenantId>, List<Directory.SessionToken>> byScope = new LinkedHashMap<>();
        ended.forEach(t -> byScope.computeIfAbsent(t.tenantId(), k -> new java.util.ArrayList<>()).add(t));
        byScope.forEach((scope, tokens) -> {
            Runnable end = () -> tokens.forEach(t ->
                    sessions.end(scope, new SessionId(t.sessionId()), at, reason));
            try {
                if (scope.isPresent()) {
                    transactions.inTenant(scope.get(), end);
                } else {
                    transactions.global(end);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "event=session_log_not_ended reason=" + reason
                        + scope.map(t -> " tenant=" + t).orElse("") + " sessions=" + tokens.size(), e);
            }
        });
    }
}

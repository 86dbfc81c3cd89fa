package com.qleven.application.tenancy;

import com.qleven.domain.shared.Page;
import com.qleven.domain.shared.PageRequest;
import com.qleven.domain.shared.Required;
import com.qleven.domain.tenancy.Permission;
import com.qleven.domain.tenancy.Permissions;
import com.qleven.domain.tenancy.Principal;
import com.qleven.domain.tenancy.SessionPolicy;
import com.qleven.ports.shared.out.FieldCipher;
import com.qleven.ports.shared.out.Transactions;
import com.qleven.ports.tenancy.in.ListSessions;
import com.qleven.ports.tenancy.in.SessionView;
import com.qleven.ports.tenancy.out.Sessions;
import com.qleven.ports.tenancy.out.StoredSession;
import java.util.function.Supplier;

/** The caller's own sessions, newest first, with the address and user agent of each decrypted. */
public final class ListSessionsService implements ListSessions {
    private final Transactions transactions;
    private final Sessions sessions;
    private final AccountFields fields;
    private final SessionPolicy policy;

    public ListSessionsService(Transactions transactions, Sessions sessions, FieldCipher cipher, SessionPolicy policy) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.fields = new AccountFields(cipher);
        this.policy = policy;
    }

    @Override
    public Page<SessionView> list(Principal principal, PageRequest request) {
        Required.field(request, "request");
        Permissions.require(principal, Permission.MANAGE_OWN_ACCOUNT);
        Supplier<Page<SessionView>> list = () -> {
            Page<StoredSession> page = sessions.listOf(principal.tenantId(), principal.userId(), request);
            return new Page<>(page.items().stream().map(s -> view(s, principal)).toList(), page.next());
        };
        return principal.tenantId().isPresent()
                ? transactions.inTenant(principal.tenantId().get(), list)
                : transactions.global(list);
    }

    @Override
    public SessionView get(Principal principal, com.qleven.domain.tenancy.SessionId session) {
        Required.field(session, "session");
        Permissions.require(principal, Permission.MANAGE_OWN_ACCOUNT);
        Supplier<SessionView> get = () -> sessions.byId(principal.tenantId(), session)
                .filter(s -> s.userId().equals(principal.userId()))
                .map(s -> view(s, principal))
                .orElseThrow(() -> new com.qleven.domain.shared.NotFoundException("session"));
        return principal.tenantId().isPresent()
                ? transactions.inTenant(principal.tenantId().get(), get)
                : transactions.global(get);
    }

    private SessionView view(StoredSession s, Principal principal) {
        String id = s.id().toString();
        return new SessionView(s.id(), s.createdAt(), s.lastSeenAt(),
                policy.expiresAt(s.lastSeenAt(), s.absoluteExpiry()), s.endedAt(), s.endReason(), s.country(),
                s.userAgent() == null ? "" : fields.openSessionField("userAgent", id, s.userAgent()),
                s.ip() == null ? "" : fields.openSessionField("ip", id, s.ip()), s.id().equals(principal.sessionId()));
    }
}

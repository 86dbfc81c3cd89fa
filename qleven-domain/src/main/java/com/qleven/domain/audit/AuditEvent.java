package com.qleven.domain.audit;

import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.UserId;
import com.qleven.domain.tenancy.Principal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One read or change of personal data, as the audit trail keeps it: who (account and the session,
 * whose log holds the address it came from), which center, what ({@code action} such as
 * {@code client.read}, on a subject), why ({@code purpose}), how many records, and when. Never the
 * personal data itself.
 *
 * @param tenant the center whose chain holds the event; empty for the platform's own chain
 */
public record AuditEvent(Optional<TenantId> tenant, Optional<UserId> actor, Optional<UUID> session, String action,
                         String subjectType, Optional<UUID> subjectId, String purpose, int rowCount, Instant at) {
    private static final Pattern ACTION = Pattern.compile("^[a-z][a-z_]*\\.[a-z][a-z_]*$");
    private static final Pattern TYPE = Pattern.compile("^[a-z][a-z_]*$");

    public AuditEvent {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(at, "at");
        if (action == null || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("an action is context.verb in lowercase: " + action);
        }
        if (subjectType == null || !TYPE.matcher(subjectType).matches()) {
            throw new IllegalArgumentException("a subject type is a lowercase word: " + subjectType);
        }
        Objects.requireNonNull(purpose, "purpose");
        if (rowCount < 0) {
            throw new IllegalArgumentException("rowCount must not be negative");
        }
    }

    /** An event done by a principal in its center (or, for an operator, the platform's chain). */
    public static AuditEvent by(Principal principal, String action, String subjectType, Optional<UUID> subjectId,
                                String purpose, int rowCount, Instant at) {
        return new AuditEvent(principal.tenantId(), Optional.of(principal.userId()),
                Optional.of(principal.sessionId().value()), action, subjectType, subjectId, purpose, rowCount, at);
    }
}

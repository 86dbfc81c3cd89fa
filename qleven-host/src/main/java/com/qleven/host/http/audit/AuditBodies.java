package com.qleven.host.http.audit;

import java.util.List;

/** The audit routes' JSON. */
public final class AuditBodies {
    private AuditBodies() {
    }

    /** @param tenantId the center of the chain; null for the platform's own chain */
    public record ChainAnswer(String tenantId, long verified, Long brokenAt, String reason) {
    }

    public record VerifyAnswer(List<ChainAnswer> chains) {
    }

    /** @param seq the event's place in the chain; null until the sealer has linked it */
    public record EventAnswer(Long seq, String at, String action, String subjectType, String subjectId,
                              String actorId, String sessionId, String purpose, int rowCount) {
    }

    public record EventPage(List<EventAnswer> items, String next) {
    }
}

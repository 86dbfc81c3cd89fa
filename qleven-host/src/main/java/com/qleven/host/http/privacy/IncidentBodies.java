package com.qleven.host.http.privacy;

import java.util.List;

/**
 * The incident and notification routes' JSON. Request members are strings and lists of strings so
 * that a missing one arrives as null and a wrong type is a 400 naming it.
 */
public final class IncidentBodies {
    private IncidentBodies() {
    }

    public record ReportIncidentBody(String detectedAt, String description, List<String> tenantIds,
                                     List<String> categories) {
    }

    /** One affected center: when it was notified (null while not yet) and its deadline to its authority. */
    public record AffectedCenterAnswer(String tenantId, String notifiedAt, String authorityDeadline, String status) {
    }

    public record IncidentAnswer(String id, String detectedAt, String description, List<String> categories,
                                 String reportedAt, String authorityDeadline, String status,
                                 List<AffectedCenterAnswer> centers) {
    }

    public record IncidentPage(List<IncidentAnswer> items, String next) {
    }

    public record NotificationAnswer(String id, String kind, String subjectId, String title, String text,
                                     String createdAt) {
    }

    public record NotificationPage(List<NotificationAnswer> items, String next) {
    }
}

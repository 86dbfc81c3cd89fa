package com.qleven.domain.messaging;

import com.qleven.domain.shared.ValidationException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A template's review status as Meta reports it (sync or the template-status webhook), every value
 * the facts page lists; Qleven never sets it itself, except {@link #PENDING} for a template it has
 * just submitted. Only {@link #APPROVED} is ever sent: a template reinstated after an appeal is sent
 * again once Meta reports it approved.
 */
public enum TemplateStatus {
    APPROVED,
    PENDING,
    REJECTED,
    PAUSED,
    DISABLED,
    IN_APPEAL,
    FLAGGED,
    REINSTATED,
    PENDING_DELETION,
    DELETED,
    ARCHIVED,
    UNARCHIVED,
    LIMIT_EXCEEDED,
    LOCKED;

    /** Whether a message may use a template in this status. */
    public boolean sendable() {
        return this == APPROVED;
    }

    /** Meta's name, naming {@code status} when it is none of these. */
    public static TemplateStatus parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.name().equals(wire)).findFirst()
                .orElseThrow(() -> new ValidationException("status", "must be one of Meta's template statuses: "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
    }
}

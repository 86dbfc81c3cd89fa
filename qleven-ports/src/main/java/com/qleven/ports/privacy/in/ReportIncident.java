package com.qleven.ports.privacy.in;

import com.qleven.domain.tenancy.Principal;

/**
 * Records a personal-data breach (operators only) and notifies each affected center at once: a
 * notification in the platform and an email to its administrators through the mail outbox.
 */
public interface ReportIncident {
    /**
     * @throws com.qleven.domain.shared.ValidationException when the detection time is in the future
     *         or a field is out of bounds
     * @throws com.qleven.domain.shared.UnprocessableException naming {@code tenantIds} when a center
     *         does not exist
     */
    IncidentView report(Principal principal, ReportIncidentCommand command);
}

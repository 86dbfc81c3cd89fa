package com.qleven.domain.messaging;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a message's parameters are taken from, gathered at send time (so a renamed service or a moved
 * appointment shows as it is then). The appointment, service, professional and manage link are empty
 * for a message about no appointment (marketing). Dates and times are shown in the center's zone and
 * locale.
 */
public record MessageFacts(
        String clientFullName,
        String centerName,
        ZoneId centerZone,
        Locale centerLocale,
        Optional<Instant> appointmentStart,
        Optional<String> serviceName,
        Optional<String> professionalFullName,
        Optional<String> manageLink) {
    public MessageFacts {
        Objects.requireNonNull(clientFullName, "clientFullName");
        Objects.requireNonNull(centerName, "centerName");
        Objects.requireNonNull(centerZone, "centerZone");
        Objects.requireNonNull(centerLocale, "centerLocale");
        Objects.requireNonNull(appointmentStart, "appointmentStart");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(professionalFullName, "professionalFullName");
        Objects.requireNonNull(manageLink, "manageLink");
    }
}

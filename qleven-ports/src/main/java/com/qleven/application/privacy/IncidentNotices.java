package com.qleven.application.privacy;

import com.qleven.domain.privacy.Incident;
import com.qleven.domain.privacy.IncidentCategory;
import com.qleven.domain.shared.EmailAddress;
import com.qleven.ports.shared.out.MailMessage;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * What a center is told about a breach, in the platform and by email: what happened, which kinds
 * of data, and the deadline to its supervisory authority, since the center (the controller) is the
 * one that must notify it.
 */
final class IncidentNotices {
    static final String KIND = "incident";

    private IncidentNotices() {
    }

    static String title() {
        return "Personal-data incident affecting your center";
    }

    static String text(Incident incident) {
        return "Qleven detected a personal-data incident on " + instant(incident.detectedAt())
                + " that affects your center.\n\n"
                + "What happened: " + incident.description() + "\n\n"
                + "Data concerned: " + categories(incident) + "\n\n"
                + "As the controller, your center may have to notify its supervisory authority by "
                + instant(incident.authorityDeadline()) + " (72 hours after detection).\n";
    }

    static MailMessage mail(EmailAddress to, Incident incident) {
        return new MailMessage(to, title(), "Hello,\n\n" + text(incident)
                + "\nThe details are in the notifications of your Qleven dashboard.\n");
    }

    static String categories(Incident incident) {
        return incident.categories().stream().sorted(Comparator.naturalOrder()).map(IncidentCategory::wireName)
                .collect(Collectors.joining(", "));
    }

    private static String instant(java.time.Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }
}

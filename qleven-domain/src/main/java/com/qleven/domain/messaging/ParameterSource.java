package com.qleven.domain.messaging;

import com.qleven.domain.shared.ValidationException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where a template parameter's text comes from. Wire names are the ones an administrator maps
 * ({@code client.first_name}). Dates and times are formatted in the center's zone and locale with the
 * locale's own medium date and short time styles.
 */
public enum ParameterSource {
    /** The first word of the client's full name. */
    CLIENT_FIRST_NAME("client.first_name", f -> Optional.of(firstWord(f.clientFullName()))),
    CLIENT_FULL_NAME("client.full_name", f -> Optional.of(f.clientFullName().strip())),
    /** The appointment's local date and time. */
    APPOINTMENT_START("appointment.start", f -> f.appointmentStart().map(s -> format(f, s,
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)))),
    APPOINTMENT_DATE("appointment.date", f -> f.appointmentStart().map(s -> format(f, s,
            DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)))),
    APPOINTMENT_TIME("appointment.time", f -> f.appointmentStart().map(s -> format(f, s,
            DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)))),
    SERVICE_NAME("service.name", MessageFacts::serviceName),
    /** The first word of the professional's full name. */
    PROFESSIONAL_FIRST_NAME("professional.first_name", f -> f.professionalFullName().map(ParameterSource::firstWord)),
    CENTER_NAME("center.name", f -> Optional.of(f.centerName())),
    MANAGE_LINK("manage_link", MessageFacts::manageLink);

    private final String wireName;
    private final Function<MessageFacts, Optional<String>> value;

    ParameterSource(String wireName, Function<MessageFacts, Optional<String>> value) {
        this.wireName = wireName;
        this.value = value;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * The text for this message, empty when the facts have none (an appointment field for a message
     * about no appointment): the message cannot be sent as mapped then.
     */
    public Optional<String> valueIn(MessageFacts facts) {
        return value.apply(facts).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** The wire name, naming {@code field} when it is none. */
    public static ParameterSource parse(String wire, String field) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wire)).findFirst()
                .orElseThrow(() -> new ValidationException(field, "must be one of "
                        + Arrays.stream(values()).map(ParameterSource::wireName).collect(Collectors.joining(", "))));
    }

    private static String firstWord(String fullName) {
        // Any whitespace separates words: a name typed with a tab or a double space still has a first word.
        return fullName.strip().split("\\s+", 2)[0];
    }

    private static String format(MessageFacts facts, Instant at, DateTimeFormatter style) {
        return ZonedDateTime.ofInstant(at, facts.centerZone()).format(style.withLocale(facts.centerLocale()));
    }
}

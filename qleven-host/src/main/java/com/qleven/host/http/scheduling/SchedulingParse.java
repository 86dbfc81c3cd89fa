package com.qleven.host.http.scheduling;

import com.qleven.domain.shared.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the scheduling routes' ids, instants and dates, collecting a {@link FieldError} per bad
 * member so that one 400 names them all. An instant must carry its offset (API.md): a local
 * date-time without one names the field; a date is {@code YYYY-MM-DD}. Absent members stay absent,
 * for the use case to name when they are required.
 */
final class SchedulingParse {
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    private final List<FieldError> errors = new ArrayList<>();

    List<FieldError> errors() {
        return errors;
    }

    <T> T id(String field, String text, Function<UUID, T> make) {
        if (text == null) {
            return null;
        }
        if (!UUID_TEXT.matcher(text).matches()) {
            errors.add(new FieldError(field, "must be a uuid"));
            return null;
        }
        return make.apply(UUID.fromString(text));
    }

    <T> Optional<T> optionalId(String field, String text, Function<UUID, T> make) {
        return Optional.ofNullable(id(field, text, make));
    }

    Instant instant(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date-time with its offset, such as 2027-03-02T10:00:00+01:00"));
            return null;
        }
    }

    LocalDate date(String field, String text) {
        if (text == null) {
            return null;
        }
        LocalDate date = null;
        if (DATE.matcher(text).matches()) {
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                date = null;
            }
        }
        if (date == null) {
            errors.add(new FieldError(field, "must be a date YYYY-MM-DD"));
        }
        return date;
    }
}

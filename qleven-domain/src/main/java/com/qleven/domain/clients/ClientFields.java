package com.qleven.domain.clients;

import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.ValidationException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The checks of a client's fields, shared by a new client's details and a patch of them. */
final class ClientFields {
    static final int MAX_NAME = 200;
    static final int MAX_NOTES = 10_000;
    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    private static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    // A language subtag, then region, script or variant subtags: what a message language needs (no
    // extensions or private use), at most 35 characters as BCP 47 advises implementations to accept.
    private static final Pattern LANGUAGE_TAG = Pattern.compile("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$");
    static final int MAX_LANGUAGE_TAG = 35;

    private ClientFields() {
    }

    /** The stripped name, or null with the error recorded. */
    static String name(List<FieldError> errors, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("fullName", "is required"));
            return null;
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_NAME) {
            errors.add(new FieldError("fullName", "must be at most " + MAX_NAME + " characters"));
            return null;
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("fullName", "must not contain control characters"));
            return null;
        }
        return stripped;
    }

    /** The stripped notes, empty when blank; line breaks and tabs are text, other controls are not. */
    static Optional<String> notes(List<FieldError> errors, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String stripped = value.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_NOTES) {
            errors.add(new FieldError("notes", "must be at most " + MAX_NOTES + " characters"));
            return Optional.empty();
        }
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            errors.add(new FieldError("notes", "must not contain control characters other than line breaks and tabs"));
            return Optional.empty();
        }
        return Optional.of(stripped);
    }

    static Optional<EmailAddress> email(List<FieldError> errors, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EmailAddress(value));
        } catch (ValidationException e) {
            errors.add(new FieldError("email", "is not a valid email address"));
            return Optional.empty();
        }
    }

    static Optional<PhoneNumber> phone(List<FieldError> errors, String value, Function<String, PhoneNumber> phones) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(phones.apply(value));
        } catch (ValidationException e) {
            e.errors().forEach(error -> errors.add(new FieldError("phone", error.message())));
            return Optional.empty();
        }
    }

    static Optional<LocalDate> birthDate(List<FieldError> errors, String value) {
        if (value == null) {
            return Optional.empty();
        }
        LocalDate date;
        try {
            if (!DATE.matcher(value).matches()) {
                throw new DateTimeException("not YYYY-MM-DD");
            }
            date = LocalDate.parse(value);
        } catch (DateTimeException e) {
            errors.add(new FieldError("birthDate", "must be a date as YYYY-MM-DD"));
            return Optional.empty();
        }
        if (date.isBefore(EARLIEST_BIRTH_DATE)) {
            errors.add(new FieldError("birthDate", "must not be before " + EARLIEST_BIRTH_DATE));
            return Optional.empty();
        }
        return Optional.of(date);
    }

    /** A well-formed BCP 47 tag ({@code es}, {@code fr-MA}, {@code ar}) as a locale, or the error recorded. */
    static Optional<Locale> preferredLanguage(List<FieldError> errors, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String tag = value.strip();
        if (tag.length() > MAX_LANGUAGE_TAG || !LANGUAGE_TAG.matcher(tag).matches()) {
            errors.add(new FieldError("preferredLanguage", "must be a BCP 47 language tag such as es, fr-MA or ar"));
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            if (locale.getLanguage().isEmpty() || locale.hasExtensions()) {
                throw new IllformedLocaleException("no language");
            }
            return Optional.of(locale);
        } catch (IllformedLocaleException e) {
            errors.add(new FieldError("preferredLanguage", "must be a BCP 47 language tag such as es, fr-MA or ar"));
            return Optional.empty();
        }
    }
}

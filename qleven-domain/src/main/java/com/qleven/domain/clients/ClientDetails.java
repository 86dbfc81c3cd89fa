package com.qleven.domain.clients;

import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a center records about a client: a full name (1 to 200 characters), and optionally a phone
 * (E.164), an email, a birth date (from 1900-01-01) and notes (up to 10,000 characters, which may
 * hold health data), a {@link BillingIdentity} for its invoices, and the language the client
 * prefers for messages (none: the center's locale). Every bad field is named at once.
 */
public record ClientDetails(String fullName, Optional<PhoneNumber> phone, Optional<EmailAddress> email,
                            Optional<LocalDate> birthDate, Optional<String> notes,
                            Optional<BillingIdentity> billingIdentity, Optional<Locale> preferredLanguage) {
    public static final int MAX_NAME = ClientFields.MAX_NAME;
    public static final int MAX_NOTES = ClientFields.MAX_NOTES;
    public static final LocalDate EARLIEST_BIRTH_DATE = ClientFields.EARLIEST_BIRTH_DATE;

    public ClientDetails {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(notes, "notes");
        Objects.requireNonNull(billingIdentity, "billingIdentity");
        Objects.requireNonNull(preferredLanguage, "preferredLanguage");
        List<FieldError> errors = new ArrayList<>();
        fullName = ClientFields.name(errors, fullName);
        if (birthDate.isPresent() && birthDate.get().isBefore(EARLIEST_BIRTH_DATE)) {
            errors.add(new FieldError("birthDate", "must not be before " + EARLIEST_BIRTH_DATE));
        }
        notes = notes.isPresent() ? ClientFields.notes(errors, notes.get()) : notes;
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Details without a preferred language. */
    public ClientDetails(String fullName, Optional<PhoneNumber> phone, Optional<EmailAddress> email,
                         Optional<LocalDate> birthDate, Optional<String> notes,
                         Optional<BillingIdentity> billingIdentity) {
        this(fullName, phone, email, birthDate, notes, billingIdentity, Optional.empty());
    }

    /** Details without a billing identity. */
    public ClientDetails(String fullName, Optional<PhoneNumber> phone, Optional<EmailAddress> email,
                         Optional<LocalDate> birthDate, Optional<String> notes) {
        this(fullName, phone, email, birthDate, notes, Optional.empty());
    }

    /** As {@link #parse(String, String, String, String, String, BillingText, Function, LocalDate)}, without a billing identity. */
    public static ClientDetails parse(String fullName, String phone, String email, String birthDate, String notes,
                                      Function<String, PhoneNumber> phones, LocalDate today) {
        return parse(fullName, phone, email, birthDate, notes, null, phones, today);
    }

    /** A billing identity's members as typed, each null when not given. */
    public record BillingText(String name, String address, String taxId) {
        @Override
        public String toString() {
            return "BillingText[redacted]";
        }
    }

    /**
     * Parses wire values (null for an absent one), naming every bad field at once.
     *
     * @param billing the billing identity's members as typed, null for none
     *
     * @param phones parses a phone as typed (local or international) into E.164, throwing a
     *               {@link ValidationException} when it is not a valid number
     * @param today  the center's date: a birth date after it is refused
     */
    public static ClientDetails parse(String fullName, String phone, String email, String birthDate, String notes,
                                      BillingText billing, Function<String, PhoneNumber> phones, LocalDate today) {
        return parse(fullName, phone, email, birthDate, notes, billing, null, phones, today);
    }

    /**
     * As {@link #parse(String, String, String, String, String, BillingText, Function, LocalDate)}, with
     * the preferred language as a BCP 47 tag ({@code es}, {@code fr-MA}), null for none.
     */
    public static ClientDetails parse(String fullName, String phone, String email, String birthDate, String notes,
                                      BillingText billing, String preferredLanguage,
                                      Function<String, PhoneNumber> phones, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        String name = ClientFields.name(errors, fullName);
        Optional<PhoneNumber> parsedPhone = ClientFields.phone(errors, phone, phones);
        Optional<EmailAddress> parsedEmail = ClientFields.email(errors, email);
        Optional<LocalDate> born = ClientFields.birthDate(errors, birthDate);
        Optional<String> parsedNotes = ClientFields.notes(errors, notes);
        Optional<BillingIdentity> parsedBilling = billing == null ? Optional.empty()
                : BillingIdentity.parse(errors, billing.name(), billing.address(), billing.taxId());
        Optional<Locale> language = ClientFields.preferredLanguage(errors, preferredLanguage);
        if (born.isPresent() && born.get().isAfter(today)) {
            errors.add(new FieldError("birthDate", "must not be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ClientDetails(name, parsedPhone, parsedEmail, born, parsedNotes, parsedBilling, language);
    }

    /** These details, unless the birth date is after {@code today}. */
    public ClientDetails checkedOn(LocalDate today) {
        if (birthDate.isPresent() && birthDate.get().isAfter(today)) {
            throw new ValidationException("birthDate", "must not be in the future");
        }
        return this;
    }

    @Override
    public String toString() {
        return "ClientDetails[redacted]";
    }
}

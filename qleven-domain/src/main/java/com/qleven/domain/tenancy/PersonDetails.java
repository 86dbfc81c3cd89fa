package com.qleven.domain.tenancy;

import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The personal data of an account: its full name, email and optional phone. */
public record PersonDetails(String fullName, EmailAddress email, Optional<PhoneNumber> phone) {
    public PersonDetails {
        List<FieldError> errors = new ArrayList<>();
        fullName = Text.required(errors, "fullName", fullName, 200);
        if (email == null) {
            errors.add(new FieldError("email", "is required"));
        }
        phone = phone == null ? Optional.empty() : phone;
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Parses wire values, naming every bad field at once. */
    public static PersonDetails parse(String fullName, String email, String phone) {
        List<FieldError> errors = new ArrayList<>();
        EmailAddress address = null;
        try {
            address = new EmailAddress(email);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        Optional<PhoneNumber> number = Optional.empty();
        if (phone != null) {
            try {
                number = Optional.of(new PhoneNumber(phone));
            } catch (ValidationException e) {
                errors.add(new FieldError("phone", "must be an international number in E.164 form, such as +34600111222"));
            }
        }
        if (fullName == null || fullName.isBlank()) {
            errors.add(0, new FieldError("fullName", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new PersonDetails(fullName, address, number);
    }
}

package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.PhoneNumber;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.PasswordPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The invited person's answer: the token from the link, and the details of the new account. When
 * the invited email has an account already, {@code password} must be that account's password; the
 * account keeps its name, phone and password, and only gains the membership.
 */
public record AcceptInvitationCommand(String token, String fullName, Optional<PhoneNumber> phone, String password,
                                      boolean ageConfirmed, ClientInfo client) {
    public AcceptInvitationCommand {
        Required.field(token, "token");
        Required.field(fullName, "fullName");
        phone = phone == null ? Optional.empty() : phone;
        PasswordPolicy.check("password", password);
        Required.field(client, "client");
    }

    /** Parses wire values, naming every bad field. */
    public static AcceptInvitationCommand parse(String token, String fullName, String phone, String password,
                                                Boolean ageConfirmed, ClientInfo client) {
        List<FieldError> errors = new ArrayList<>();
        if (token == null || token.isBlank()) {
            errors.add(new FieldError("token", "is required"));
        } else if (!AccountLinks.wellFormed(AccountLinks.INVITATION, token)) {
            errors.add(new FieldError("token", "is not an invitation token"));
        }
        if (fullName == null || fullName.isBlank()) {
            errors.add(new FieldError("fullName", "is required"));
        } else if (fullName.strip().length() > 200) {
            errors.add(new FieldError("fullName", "must be at most 200 characters"));
        } else if (fullName.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("fullName", "must not contain control characters"));
        }
        Optional<PhoneNumber> number = Optional.empty();
        if (phone != null) {
            try {
                number = Optional.of(new PhoneNumber(phone));
            } catch (ValidationException e) {
                errors.add(new FieldError("phone", "must be an international number in E.164 form, such as +34600111222"));
            }
        }
        try {
            PasswordPolicy.check("password", password);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        if (ageConfirmed == null) {
            errors.add(new FieldError("ageConfirmed", "is required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new AcceptInvitationCommand(token, fullName.strip(), number, password, ageConfirmed, client);
    }

    @Override
    public String toString() {
        return "AcceptInvitationCommand[redacted]";
    }
}

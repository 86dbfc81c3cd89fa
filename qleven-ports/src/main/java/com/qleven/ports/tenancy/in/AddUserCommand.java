package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.PasswordPolicy;
import com.qleven.domain.tenancy.PersonDetails;
import com.qleven.domain.tenancy.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * A person to add to the principal's center with a role. When the email already has an account,
 * that account becomes a member and its password is left as it is.
 */
public record AddUserCommand(PersonDetails person, Role role, String password, boolean ageConfirmed) {
    public AddUserCommand {
        Required.field(person, "person");
        Required.field(role, "role");
        if (!role.isCenterRole()) {
            throw new ValidationException("role", "must be one of administrator, professional, receptionist");
        }
        PasswordPolicy.check("password", password);
    }

    public static AddUserCommand parse(String fullName, String email, String phone, String role, String password,
                                       Boolean ageConfirmed) {
        List<FieldError> errors = new ArrayList<>();
        PersonDetails person = null;
        Role parsedRole = null;
        try {
            person = PersonDetails.parse(fullName, email, phone);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        if (role == null) {
            errors.add(new FieldError("role", "is required"));
        } else {
            try {
                parsedRole = Role.centerRole("role", role);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
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
        return new AddUserCommand(person, parsedRole, password, ageConfirmed);
    }

    @Override
    public String toString() {
        return "AddUserCommand[role=" + role + ", person=redacted]";
    }
}

package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Role;
import java.util.ArrayList;
import java.util.List;

/** Whom to invite to the principal's center, and with which role. */
public record InviteUserCommand(EmailAddress email, Role role) {
    public InviteUserCommand {
        Required.field(email, "email");
        Required.field(role, "role");
        if (!role.isCenterRole()) {
            throw new ValidationException("role", "must be one of administrator, professional, receptionist");
        }
    }

    /** Parses wire values, naming every bad field. */
    public static InviteUserCommand parse(String email, String role) {
        List<FieldError> errors = new ArrayList<>();
        EmailAddress address = null;
        Role parsed = null;
        try {
            address = new EmailAddress(email);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        if (role == null) {
            errors.add(new FieldError("role", "is required"));
        } else {
            try {
                parsed = Role.centerRole("role", role);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new InviteUserCommand(address, parsed);
    }

    @Override
    public String toString() {
        return "InviteUserCommand[role=" + role + ", email=redacted]";
    }
}

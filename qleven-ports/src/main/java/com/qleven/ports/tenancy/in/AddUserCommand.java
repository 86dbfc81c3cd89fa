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
 * that account becomes a member and its password is left as it is. Built from the values a person
 * typed with {@link #builder()}; the canonical constructor takes values already validated.
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

    /** A builder of the command from the values as typed, each null until given. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "AddUserCommand[role=" + role + ", person=redacted]";
    }

    /**
     * The new member's form by name. {@link #build()} checks every member at once and names each bad
     * one: {@code fullName}, {@code email}, {@code phone}, {@code role}, {@code password},
     * {@code ageConfirmed}.
     */
    public static final class Builder {
        private String fullName;
        private String email;
        private String phone;
        private String role;
        private String password;
        private Boolean ageConfirmed;

        private Builder() {
        }

        public Builder fullName(String fullName) {
            this.fullName = fullName;
            return this;
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** In E.164 form; optional. */
        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        /** {@code administrator}, {@code professional} or {@code receptionist}. */
        public Builder role(String role) {
            this.role = role;
            return this;
        }

        /** Used only when the email has no account yet. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Whether the person confirmed being of age; null when the form did not say. */
        public Builder ageConfirmed(Boolean ageConfirmed) {
            this.ageConfirmed = ageConfirmed;
            return this;
        }

        /** @throws ValidationException naming every bad member */
        public AddUserCommand build() {
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
    }
}

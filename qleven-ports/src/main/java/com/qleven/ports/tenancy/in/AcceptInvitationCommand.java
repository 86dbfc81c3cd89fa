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
 * account keeps its name, phone and password, and only gains the membership. Built from the values a
 * person typed with {@link #builder()}; the canonical constructor takes values already validated.
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

    /** A builder of the command from the values as typed, each null until given. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "AcceptInvitationCommand[redacted]";
    }

    /**
     * The invited person's form by name. {@link #build()} checks every member at once and names each
     * bad one: {@code token}, {@code fullName}, {@code phone}, {@code password}, {@code ageConfirmed},
     * {@code client}.
     */
    public static final class Builder {
        private String token;
        private String fullName;
        private String phone;
        private String password;
        private Boolean ageConfirmed;
        private ClientInfo client;

        private Builder() {
        }

        /** The token of the invitation link. */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        public Builder fullName(String fullName) {
            this.fullName = fullName;
            return this;
        }

        /** In E.164 form; optional. */
        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        /** A new password, or the existing account's own when the invited email has one. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Whether the person confirmed being of age; null when the form did not say. */
        public Builder ageConfirmed(Boolean ageConfirmed) {
            this.ageConfirmed = ageConfirmed;
            return this;
        }

        /** Where the answer comes from, for the session it opens. */
        public Builder client(ClientInfo client) {
            this.client = client;
            return this;
        }

        /** @throws ValidationException naming every bad member */
        public AcceptInvitationCommand build() {
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
                    errors.add(new FieldError("phone",
                            "must be an international number in E.164 form, such as +34600111222"));
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
            if (client == null) {
                errors.add(new FieldError("client", "is required"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return new AcceptInvitationCommand(token, fullName.strip(), number, password, ageConfirmed, client);
        }
    }
}

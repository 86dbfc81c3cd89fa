package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.CenterProfile;
import com.qleven.domain.tenancy.PasswordPolicy;
import com.qleven.domain.tenancy.PersonDetails;
import java.util.ArrayList;
import java.util.List;

/**
 * A new center and its first administrator. Built from the values a person typed with
 * {@link #builder()}; the canonical constructor takes values already validated.
 */
public record SignUpCommand(CenterProfile center, PersonDetails admin, String password, boolean ageConfirmed,
                            ClientInfo client) {
    public SignUpCommand {
        Required.field(center, "center");
        Required.field(admin, "admin");
        PasswordPolicy.check("admin.password", password);
        Required.field(client, "client");
    }

    /** A builder of the command from the values as typed, each null until given. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "SignUpCommand[center=" + center.name() + ", admin=redacted]";
    }

    /**
     * The sign-up form by name. {@link #build()} checks every member at once and names each bad one
     * as the API does: {@code center.name} … {@code center.currency} for the center, {@code admin.fullName},
     * {@code admin.email}, {@code admin.phone}, {@code admin.password} and {@code admin.ageConfirmed}
     * for its first administrator.
     */
    public static final class Builder {
        private String centerName;
        private String address;
        private String taxId;
        private String country;
        private String timeZone;
        private String currency;
        private String fullName;
        private String email;
        private String phone;
        private String password;
        private Boolean ageConfirmed;
        private ClientInfo client;

        private Builder() {
        }

        /** The center's trading name. */
        public Builder centerName(String centerName) {
            this.centerName = centerName;
            return this;
        }

        /** The center's postal address. */
        public Builder address(String address) {
            this.address = address;
            return this;
        }

        /** The center's tax id. */
        public Builder taxId(String taxId) {
            this.taxId = taxId;
            return this;
        }

        /** The center's country, ISO 3166-1 alpha-2 ({@code ES}). */
        public Builder country(String country) {
            this.country = country;
            return this;
        }

        /** The center's IANA time zone ({@code Europe/Madrid}). */
        public Builder timeZone(String timeZone) {
            this.timeZone = timeZone;
            return this;
        }

        /** The center's ISO 4217 currency ({@code EUR}). */
        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        /** The administrator's full name. */
        public Builder fullName(String fullName) {
            this.fullName = fullName;
            return this;
        }

        /** The administrator's email, which signs in. */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** The administrator's phone in E.164 form; optional. */
        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        /** The administrator's password. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Whether the administrator confirmed being of age; null when the form did not say. */
        public Builder ageConfirmed(Boolean ageConfirmed) {
            this.ageConfirmed = ageConfirmed;
            return this;
        }

        /** Where the sign-up comes from, for its rate limit and the session it opens. */
        public Builder client(ClientInfo client) {
            this.client = client;
            return this;
        }

        /** @throws ValidationException naming every bad member, each under {@code center.} or {@code admin.} */
        public SignUpCommand build() {
            List<FieldError> errors = new ArrayList<>();
            CenterProfile center = null;
            PersonDetails admin = null;
            try {
                center = CenterProfile.parse(centerName, address, taxId, country, timeZone, currency);
            } catch (ValidationException e) {
                errors.addAll(e.under("center").errors());
            }
            try {
                admin = PersonDetails.parse(fullName, email, phone);
            } catch (ValidationException e) {
                errors.addAll(e.under("admin").errors());
            }
            try {
                PasswordPolicy.check("admin.password", password);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
            if (ageConfirmed == null) {
                errors.add(new FieldError("admin.ageConfirmed", "is required"));
            }
            if (client == null) {
                errors.add(new FieldError("client", "is required"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return new SignUpCommand(center, admin, password, ageConfirmed, client);
        }
    }
}

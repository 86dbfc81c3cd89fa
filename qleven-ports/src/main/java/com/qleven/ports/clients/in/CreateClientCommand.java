package com.qleven.ports.clients.in;

import com.qleven.domain.clients.ClientDetails.BillingText;
import java.util.Optional;

/**
 * A new client as typed, built by name with {@link #builder()}: each member as text, null when not
 * given. The phone may be local (read as a number of the center's country) or international; the
 * birth date is {@code YYYY-MM-DD}. The members are checked by the use case, not by
 * {@link Builder#build()}: a local phone is read in the center's country and a birth date against
 * the center's today, and the use case names every bad member in one answer, these with the rest.
 * The billing identity, when given, is checked as a whole: it needs a name or an address.
 */
public final class CreateClientCommand {
    private final String fullName;
    private final String phone;
    private final String email;
    private final String birthDate;
    private final String notes;
    private final BillingText billingIdentity;
    private final String preferredLanguage;

    private CreateClientCommand(Builder builder) {
        this.fullName = builder.fullName;
        this.phone = builder.phone;
        this.email = builder.email;
        this.birthDate = builder.birthDate;
        this.notes = builder.notes;
        this.billingIdentity = builder.billingIdentity;
        this.preferredLanguage = builder.preferredLanguage;
    }

    /** A builder with every member not given. */
    public static Builder builder() {
        return new Builder();
    }

    public String fullName() {
        return fullName;
    }

    public String phone() {
        return phone;
    }

    public String email() {
        return email;
    }

    public String birthDate() {
        return birthDate;
    }

    public String notes() {
        return notes;
    }

    /** The billing identity's members as typed, when one was given. */
    public Optional<BillingText> billingIdentity() {
        return Optional.ofNullable(billingIdentity);
    }

    /** The language the client prefers for messages, a BCP 47 tag as typed; null for the center's locale. */
    public String preferredLanguage() {
        return preferredLanguage;
    }

    /** Whether the command carries notes, which only some roles may write. */
    public boolean hasNotes() {
        return notes != null && !notes.isBlank();
    }

    @Override
    public String toString() {
        return "CreateClientCommand[redacted]";
    }

    /** The new client's form by name; a member left out is null, as a form's empty field. */
    public static final class Builder {
        private String fullName;
        private String phone;
        private String email;
        private String birthDate;
        private String notes;
        private BillingText billingIdentity;
        private String preferredLanguage;

        private Builder() {
        }

        /** Required. */
        public Builder fullName(String fullName) {
            this.fullName = fullName;
            return this;
        }

        /** Local to the center's country, or international with {@code +}. */
        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** {@code YYYY-MM-DD}. */
        public Builder birthDate(String birthDate) {
            this.birthDate = birthDate;
            return this;
        }

        /** Only roles that may read notes may write them. */
        public Builder notes(String notes) {
            this.notes = notes;
            return this;
        }

        /**
         * Whom the client's invoices are made out to: a name, an address and a tax id, each null
         * when not given (at least a name or an address).
         */
        public Builder billingIdentity(String name, String address, String taxId) {
            this.billingIdentity = new BillingText(name, address, taxId);
            return this;
        }

        /** A BCP 47 tag ({@code es}, {@code fr-MA}, {@code ar}); left out, messages use the center's locale. */
        public Builder preferredLanguage(String preferredLanguage) {
            this.preferredLanguage = preferredLanguage;
            return this;
        }

        public CreateClientCommand build() {
            return new CreateClientCommand(this);
        }
    }
}

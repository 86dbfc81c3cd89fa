package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.CenterProfile;
import com.qleven.domain.tenancy.PasswordPolicy;
import com.qleven.domain.tenancy.PersonDetails;
import java.util.ArrayList;
import java.util.List;

/** A new center and its first administrator. */
public record SignUpCommand(CenterProfile center, PersonDetails admin, String password, boolean ageConfirmed,
                            ClientInfo client) {
    public SignUpCommand {
        Required.field(center, "center");
        Required.field(admin, "admin");
        PasswordPolicy.check("admin.password", password);
        Required.field(client, "client");
    }

    /** Builds the command from wire values, naming every bad field ({@code center.timeZone}, {@code admin.email}). */
    public static SignUpCommand parse(String name, String address, String taxId, String country, String timeZone,
                                      String currency, String fullName, String email, String phone,
                                      String password, Boolean ageConfirmed, ClientInfo client) {
        List<FieldError> errors = new ArrayList<>();
        CenterProfile center = null;
        PersonDetails admin = null;
        try {
            center = CenterProfile.parse(name, address, taxId, country, timeZone, currency);
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
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new SignUpCommand(center, admin, password, ageConfirmed, client);
    }

    @Override
    public String toString() {
        return "SignUpCommand[center=" + center.name() + ", admin=redacted]";
    }
}

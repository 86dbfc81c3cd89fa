package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An email and password, and for an account in several centers the center to act in. */
public record SignInCommand(String email, String password, Optional<TenantId> tenantId, ClientInfo client) {
    public SignInCommand {
        List<FieldError> errors = new ArrayList<>();
        if (email == null || email.isBlank()) {
            errors.add(new FieldError("email", "is required"));
        } else if (email.length() > 254) {
            errors.add(new FieldError("email", "must be at most 254 characters"));
        }
        if (password == null || password.isEmpty()) {
            errors.add(new FieldError("password", "is required"));
        } else if (password.length() > 1024) {
            errors.add(new FieldError("password", "is too long"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        tenantId = tenantId == null ? Optional.empty() : tenantId;
        Required.field(client, "client");
    }

    @Override
    public String toString() {
        return "SignInCommand[redacted]";
    }
}

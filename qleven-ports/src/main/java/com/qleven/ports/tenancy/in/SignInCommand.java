package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.TenantId;
import com.qleven.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** An email and password, and for an account in several centers the center to act in. */
public record SignInCommand(String email, String password, Optional<TenantId> tenantId, ClientInfo client) {
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

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

    /**
     * Reads the sign-in form as typed, naming every bad member: {@code email} and {@code password} as
     * the constructor does, and {@code tenantId}, when given, unless it is a center id (a UUID).
     */
    public static SignInCommand parse(String email, String password, String tenantId, ClientInfo client) {
        List<FieldError> errors = new ArrayList<>();
        SignInCommand command = null;
        Optional<TenantId> tenant = Optional.empty();
        if (tenantId != null) {
            if (UUID_TEXT.matcher(tenantId).matches()) {
                tenant = Optional.of(TenantId.of(tenantId));
            } else {
                errors.add(new FieldError("tenantId", "must be a center id (a UUID)"));
            }
        }
        try {
            command = new SignInCommand(email, password, tenant, client);
        } catch (ValidationException e) {
            errors.addAll(0, e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return command;
    }

    @Override
    public String toString() {
        return "SignInCommand[redacted]";
    }
}

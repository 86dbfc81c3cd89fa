package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Role;
import java.util.Optional;

/** A change of a member's role, of whether the membership is active, of both, or (an empty merge patch) of nothing. */
public record UpdateUserCommand(Optional<Role> role, Optional<Boolean> active) {
    public UpdateUserCommand {
        Required.field(role, "role");
        Required.field(active, "active");
        if (role.isPresent() && !role.get().isCenterRole()) {
            throw new ValidationException("role", "must be one of administrator, professional, receptionist");
        }
    }
}

package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /**
     * Reads a JSON merge patch (RFC 7396) of a member, its values as a JSON reader gives them (a
     * {@code String}, a {@code Boolean}, null, or anything else for other types): {@code role} and
     * {@code active} may be set, neither cleared (null), and nothing else is a member of it. Names
     * every bad member.
     */
    public static UpdateUserCommand mergePatch(Map<String, ?> patch) {
        Required.field(patch, "mergePatch");
        List<FieldError> errors = new ArrayList<>();
        Optional<Role> role = Optional.empty();
        Optional<Boolean> active = Optional.empty();
        for (Map.Entry<String, ?> member : patch.entrySet()) {
            Object value = member.getValue();
            switch (member.getKey()) {
                case "role" -> {
                    if (value instanceof String text) {
                        try {
                            role = Optional.of(Role.centerRole("role", text));
                        } catch (ValidationException e) {
                            errors.addAll(e.errors());
                        }
                    } else {
                        errors.add(new FieldError("role", value == null ? "cannot be cleared"
                                : "must be one of administrator, professional, receptionist"));
                    }
                }
                case "active" -> {
                    if (value instanceof Boolean flag) {
                        active = Optional.of(flag);
                    } else {
                        errors.add(new FieldError("active",
                                value == null ? "cannot be cleared" : "must be true or false"));
                    }
                }
                default -> errors.add(new FieldError(member.getKey(), "is not a known member"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new UpdateUserCommand(role, active);
    }
}

package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.PasswordPolicy;
import com.qleven.domain.tenancy.Principal;
import java.util.ArrayList;
import java.util.List;

/** Changes the principal's password; every other session of the account, in every center, ends. */
public interface ChangePassword {

    record ChangePasswordCommand(String currentPassword, String newPassword) {
        public ChangePasswordCommand {
            List<FieldError> errors = new ArrayList<>();
            if (currentPassword == null || currentPassword.isEmpty()) {
                errors.add(new FieldError("currentPassword", "is required"));
            } else if (currentPassword.length() > 1024) {
                errors.add(new FieldError("currentPassword", "is too long"));
            }
            try {
                PasswordPolicy.check("newPassword", newPassword);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
        }

        @Override
        public String toString() {
            return "ChangePasswordCommand[redacted]";
        }
    }

    /**
     * @throws com.qleven.domain.shared.UnprocessableException naming {@code currentPassword} when it is wrong
     * @throws com.qleven.domain.shared.RateLimitedException after too many wrong passwords of the account
     */
    void change(Principal principal, ChangePasswordCommand command);
}

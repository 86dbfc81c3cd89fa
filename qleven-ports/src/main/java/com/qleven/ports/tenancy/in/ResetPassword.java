package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.ValidationException;
import com.qleven.domain.tenancy.PasswordPolicy;
import java.util.ArrayList;
import java.util.List;

/** Sets a new password with the token of a reset link; every session of the account ends. */
public interface ResetPassword {

    record ResetPasswordCommand(String token, String password) {
        public ResetPasswordCommand {
            List<FieldError> errors = new ArrayList<>();
            if (token == null || token.isBlank()) {
                errors.add(new FieldError("token", "is required"));
            } else if (!AccountLinks.wellFormed(AccountLinks.PASSWORD_RESET, token)) {
                errors.add(new FieldError("token", "is not a password-reset token"));
            }
            try {
                PasswordPolicy.check("password", password);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
        }

        @Override
        public String toString() {
            return "ResetPasswordCommand[redacted]";
        }
    }

    /**
     * @throws com.qleven.domain.shared.UnprocessableException naming {@code token} for an unknown,
     *         expired or used link (nothing is written)
     */
    void reset(ResetPasswordCommand command);
}

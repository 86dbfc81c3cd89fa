package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.UserId;

/**
 * Creates a platform operator: the platform's own staff, in no center. Reached from the command
 * line only, never over HTTP.
 */
public interface CreateOperator {

    record CreateOperatorCommand(com.qleven.domain.tenancy.PersonDetails person, String password) {
        public CreateOperatorCommand {
            Required.field(person, "person");
            com.qleven.domain.tenancy.PasswordPolicy.check("password", password);
        }

        @Override
        public String toString() {
            return "CreateOperatorCommand[redacted]";
        }
    }

    /** @throws com.qleven.domain.shared.ConflictException when the email already has an account */
    UserId create(CreateOperatorCommand command);
}

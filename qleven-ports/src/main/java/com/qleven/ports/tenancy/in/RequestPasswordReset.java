package com.qleven.ports.tenancy.in;

import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.Required;

/**
 * Asks for a password-reset link by email. Answers the same whether or not the email has an
 * account; only an account's email gets a message, with a single-use link that works for 30 minutes.
 */
public interface RequestPasswordReset {

    record RequestPasswordResetCommand(EmailAddress email, ClientInfo client) {
        public RequestPasswordResetCommand {
            Required.field(email, "email");
            Required.field(client, "client");
        }

        /** @throws com.qleven.domain.shared.ValidationException naming {@code email} when it is not an email address */
        public static RequestPasswordResetCommand parse(String email, ClientInfo client) {
            return new RequestPasswordResetCommand(new EmailAddress(email), client);
        }

        @Override
        public String toString() {
            return "RequestPasswordResetCommand[redacted]";
        }
    }

    /** @throws com.qleven.domain.shared.RateLimitedException after too many requests for the email or from the address */
    void request(RequestPasswordResetCommand command);
}

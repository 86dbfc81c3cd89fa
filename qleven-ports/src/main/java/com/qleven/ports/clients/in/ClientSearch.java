package com.qleven.ports.clients.in;

import com.qleven.domain.shared.EmailAddress;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * What to look clients up by: exactly one of a phone (local or international, as typed), an email
 * (in any case), or a name (each typed part the beginning of some part of the client's name, accents
 * and case ignored).
 */
public sealed interface ClientSearch permits ClientSearch.ByPhone, ClientSearch.ByEmail, ClientSearch.ByName {

    record ByPhone(String typed) implements ClientSearch {
        public ByPhone {
            Required.field(typed, "typed");
        }

        @Override
        public String toString() {
            return "ByPhone[redacted]";
        }
    }

    record ByEmail(EmailAddress email) implements ClientSearch {
        public ByEmail {
            Required.field(email, "email");
        }
    }

    record ByName(String typed) implements ClientSearch {
        public ByName {
            Required.field(typed, "typed");
        }

        @Override
        public String toString() {
            return "ByName[redacted]";
        }
    }

    /** Exactly one member must be given (not null); names the members otherwise. */
    static ClientSearch parse(String phone, String email, String name) {
        List<String> given = new ArrayList<>();
        if (phone != null) {
            given.add("phone");
        }
        if (email != null) {
            given.add("email");
        }
        if (name != null) {
            given.add("name");
        }
        if (given.isEmpty()) {
            throw new ValidationException(List.of("phone", "email", "name").stream()
                    .map(f -> new FieldError(f, "give exactly one of phone, email or name")).toList());
        }
        if (given.size() > 1) {
            throw new ValidationException(given.stream()
                    .map(f -> new FieldError(f, "give only one of phone, email or name")).toList());
        }
        if (phone != null) {
            if (phone.isBlank()) {
                throw new ValidationException("phone", "is required");
            }
            return new ByPhone(phone);
        }
        if (email != null) {
            try {
                return new ByEmail(new EmailAddress(email));
            } catch (ValidationException e) {
                throw new ValidationException("email", "is not a valid email address");
            }
        }
        return new ByName(name);
    }
}

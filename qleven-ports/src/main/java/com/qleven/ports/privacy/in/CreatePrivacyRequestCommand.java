package com.qleven.ports.privacy.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.privacy.PrivacyRequestType;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A client's request as received: whose, which right, and an optional note (sealed at rest). */
public record CreatePrivacyRequestCommand(ClientId clientId, PrivacyRequestType type, Optional<String> note) {
    public CreatePrivacyRequestCommand {
        Required.field(clientId, "clientId");
        Required.field(type, "type");
        Required.field(note, "note");
    }

    /** Reads the wire values, naming every bad one: {@code clientId} must be a uuid, {@code type} a right. */
    public static CreatePrivacyRequestCommand parse(String clientId, String type, String note) {
        List<FieldError> errors = new ArrayList<>();
        ClientId client = null;
        PrivacyRequestType right = null;
        if (clientId == null) {
            errors.add(new FieldError("clientId", "is required"));
        } else {
            try {
                client = new ClientId(UUID.fromString(clientId));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("clientId", "must be a uuid"));
            }
        }
        if (type == null) {
            errors.add(new FieldError("type", "is required"));
        } else {
            try {
                right = PrivacyRequestType.parse("type", type);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new CreatePrivacyRequestCommand(client, right, Optional.ofNullable(note));
    }

    @Override
    public String toString() {
        return "CreatePrivacyRequestCommand[type=" + type + "]";
    }
}

package com.qleven.ports.clients.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.FieldError;
import com.qleven.domain.shared.Required;
import com.qleven.domain.shared.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON merge patch (RFC 7396) of a client: member name to its new text, or to null to clear it;
 * members absent from the map stay as they are. The billing identity's members come by their dotted
 * names ({@code billingIdentity.name}, {@code .address}, {@code .taxId}), merged into the identity;
 * {@code billingIdentity} mapped to null removes it. With {@code expectedVersion}, the update is
 * refused unless the client is still at that version.
 */
public record UpdateClientCommand(ClientId id, Map<String, String> mergePatch, Optional<Long> expectedVersion) {
    private static final String BILLING_IDENTITY = "billingIdentity";

    public UpdateClientCommand {
        Required.field(id, "id");
        Required.field(mergePatch, "mergePatch");
        Required.field(expectedVersion, "expectedVersion");
        // Map.copyOf refuses the null values that clear members.
        mergePatch = Collections.unmodifiableMap(new LinkedHashMap<>(mergePatch));
    }

    /**
     * Reads a JSON merge patch whose values are as a JSON reader gives them: each member must be a
     * {@code String}, or null to clear it, but for {@code billingIdentity}, an object ({@code Map})
     * of such members, or null to remove it; any other value is named. Unknown members are named by
     * the use case, which knows a client's members.
     */
    public static UpdateClientCommand parse(ClientId id, Map<String, ?> mergePatch, Optional<Long> expectedVersion) {
        Required.field(mergePatch, "mergePatch");
        Map<String, String> patch = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        mergePatch.forEach((member, value) -> {
            if (member.contains(".")) {
                // Dotted names are how nested members travel in the flat patch; a JSON member's own
                // name must not pose as one.
                errors.add(new FieldError(member, "is not a known member"));
            } else if (member.equals(BILLING_IDENTITY) && value instanceof Map<?, ?> members) {
                members.forEach((name, memberValue) -> {
                    String dotted = BILLING_IDENTITY + "." + name;
                    if (String.valueOf(name).contains(".")) {
                        errors.add(new FieldError(dotted, "is not a known member"));
                    } else if (memberValue == null || memberValue instanceof String) {
                        patch.put(dotted, (String) memberValue);
                    } else {
                        errors.add(new FieldError(dotted, "must be a string, or null to clear it"));
                    }
                });
            } else if (member.equals(BILLING_IDENTITY) && value != null) {
                errors.add(new FieldError(member, "must be an object, or null to remove it"));
            } else if (value == null || value instanceof String) {
                patch.put(member, (String) value);
            } else {
                errors.add(new FieldError(member, "must be a string, or null to clear it"));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new UpdateClientCommand(id, patch, expectedVersion);
    }

    @Override
    public String toString() {
        return "UpdateClientCommand[id=" + id + ", members=" + mergePatch.keySet() + "]";
    }
}

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
 * members absent from the map stay as they are. With {@code expectedVersion}, the update is refused
 * unless the client is still at that version.
 */
public record UpdateClientCommand(ClientId id, Map<String, String> mergePatch, Optional<Long> expectedVersion) {
    public UpdateClientCommand {
        Required.field(id, "id");
        Required.field(mergePatch, "mergePatch");
        Required.field(expectedVersion, "expectedVersion");
        // Map.copyOf refuses the null values that clear members.
        mergePatch = Collections.unmodifiableMap(new LinkedHashMap<>(mergePatch));
    }

    /**
     * Reads a JSON merge patch whose values are as a JSON reader gives them: each member must be a
     * {@code String}, or null to clear it; any other value is named. Unknown members are named by the
     * use case, which knows a client's members.
     */
    public static UpdateClientCommand parse(ClientId id, Map<String, ?> mergePatch, Optional<Long> expectedVersion) {
        Required.field(mergePatch, "mergePatch");
        Map<String, String> patch = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        mergePatch.forEach((member, value) -> {
            if (value == null || value instanceof String) {
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

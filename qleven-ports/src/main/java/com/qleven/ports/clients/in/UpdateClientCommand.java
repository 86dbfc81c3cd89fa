package com.qleven.ports.clients.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.shared.Required;
import java.util.Collections;
import java.util.LinkedHashMap;
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

    @Override
    public String toString() {
        return "UpdateClientCommand[id=" + id + ", members=" + mergePatch.keySet() + "]";
    }
}

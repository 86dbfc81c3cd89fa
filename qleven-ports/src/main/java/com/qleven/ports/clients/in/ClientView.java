package com.qleven.ports.clients.in;

import com.qleven.domain.clients.ClientId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A client as the acting principal may see it. {@code notesVisible} is false for roles that may not
 * read notes (receptionists): {@code notes} is then empty and callers must not show the member at
 * all, rather than show it as empty. {@code version} is the ETag the next update may name.
 */
public record ClientView(ClientId id, String fullName, Optional<String> phone, Optional<String> email,
                         Optional<LocalDate> birthDate, Optional<String> notes, boolean notesVisible,
                         Instant createdAt, Instant updatedAt, long version) {
    public ClientView {
        if (!notesVisible && notes.isPresent()) {
            throw new IllegalArgumentException("hidden notes are never carried");
        }
    }

    @Override
    public String toString() {
        return "ClientView[id=" + id + ", version=" + version + "]";
    }
}

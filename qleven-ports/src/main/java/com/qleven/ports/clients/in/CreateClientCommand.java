package com.qleven.ports.clients.in;

/**
 * A new client as typed: each member as text, null when not given. The phone may be local (read
 * as a number of the center's country) or international; the birth date is {@code YYYY-MM-DD}.
 * The use case validates every member at once, naming each bad one.
 */
public record CreateClientCommand(String fullName, String phone, String email, String birthDate, String notes) {

    /** Whether the command carries notes, which only some roles may write. */
    public boolean hasNotes() {
        return notes != null && !notes.isBlank();
    }

    @Override
    public String toString() {
        return "CreateClientCommand[redacted]";
    }
}

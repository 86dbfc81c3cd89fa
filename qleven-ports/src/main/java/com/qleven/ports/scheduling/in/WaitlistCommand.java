package com.qleven.ports.scheduling.in;

import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.ServiceId;
import com.qleven.domain.shared.UserId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** A client who waits for a service within the center's local dates {@code from}–{@code to}, with one professional or any. */
public record WaitlistCommand(ClientId client, ServiceId service, LocalDate from, LocalDate to,
                              Optional<UserId> professional) {
    public WaitlistCommand {
        Objects.requireNonNull(professional, "professional");
    }
}

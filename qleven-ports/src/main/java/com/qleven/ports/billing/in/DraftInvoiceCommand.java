package com.qleven.ports.billing.in;

import com.qleven.domain.billing.InvoiceKind;
import com.qleven.domain.billing.Money;
import com.qleven.domain.clients.ClientId;
import com.qleven.domain.scheduling.AppointmentId;
import java.util.List;
import java.util.Optional;

/**
 * A new draft: its client, the appointment it bills (if any), full or simplified, its lines and a
 * discount on the whole invoice (spread over the lines before tax).
 */
public record DraftInvoiceCommand(ClientId client, Optional<AppointmentId> appointment, InvoiceKind kind,
                                  List<InvoiceLineCommand> lines, Optional<Money> discount) {
    public DraftInvoiceCommand {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
